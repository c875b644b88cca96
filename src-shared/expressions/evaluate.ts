import { walk, type CallNode, type ExpressionNode } from './ast';
import { scalarToString } from './coerce';
import { ticksFromDate } from './dates/calendar';
import { hasErrors, type DiagnosticDetail } from './diagnostics';
import { ExpressionError, ExpressionEvaluationError, ExpressionValidationError } from './errors';
import { said, type Said } from './evaluation-messages';
import type { Runtime } from './functions/frame';
import { createNodeEvaluator, type AttributeReader, type NodeEvaluator } from './evaluate-node';
import { parseExpression } from './parser';
import { readSourceValue } from './source-values';
import { toLowerInvariant } from './case-mapping';
import { validateTree } from './validate';
import { isNullOrEmpty, isScalar, type Value } from './values';

/**
 * Answers "is this candidate already taken?" for SelectUniqueValue: the target holds it in the mapping's
 * target attribute (an `eq` query with the target's case rules), or Roster gave it to another object in
 * this cycle. May be async, since it usually queries the target.
 */
export type UniquenessProbe = (candidate: string) => boolean | Promise<boolean>;

export interface EvaluationContext {
  /** The source object: attribute name → value (string, number, boolean, null, arrays; bigint and Date too). */
  readonly source: Readonly<Record<string, unknown>>;
  /** The instant Now() returns; the real clock when absent. */
  readonly now?: Date;
  /** For SelectUniqueValue. Without one, no candidate counts as taken. */
  readonly isTaken?: UniquenessProbe;
  /** Cryptographically secure random bytes for Guid and RandomString; crypto.getRandomValues by default. */
  readonly randomBytes?: (length: number) => Uint8Array;
}

export interface EvaluationResult {
  /** The value (expressions.md §3.1). null also when `dropped`. */
  readonly value: Value;
  /** IgnoreFlowIfNullOrEmpty found nothing: do not flow, and do not use the mapping's default (§4). */
  readonly dropped: boolean;
  /** Redact appears in the expression: record "[Redact]" instead of old and new values. */
  readonly redacted: boolean;
  /** Things the log should show as a warning step (e.g. SingleAppRoleAssignment with several roles). */
  readonly warnings: readonly string[];
  /** The same warnings as `expr.<code>` + params, in order, so the app can say them in the admin's language. */
  readonly warningDetails?: readonly DiagnosticDetail[];
}

const validated = new WeakSet<ExpressionNode>();

/** Parses (text) and checks the rules that need no schema; evaluation relies on them. */
function prepare(input: string | ExpressionNode): ExpressionNode {
  const tree = typeof input === 'string' ? parseExpression(input) : input;
  if (!validated.has(tree)) {
    const problems = validateTree(tree).filter((d) => d.severity === 'error');
    if (hasErrors(problems)) throw new ExpressionValidationError(problems);
    validated.add(tree);
  }
  return tree;
}

function defaultRandomBytes(length: number): Uint8Array {
  const cryptoObject = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } })
    .crypto;
  if (!cryptoObject?.getRandomValues) {
    throw new ExpressionEvaluationError(said('evalNoRandomSource'));
  }
  return cryptoObject.getRandomValues(new Uint8Array(length));
}

function createRuntime(context: EvaluationContext, warnings: Said[]): Runtime {
  let now: bigint | undefined;
  return {
    nowTicks() {
      now ??= ticksFromDate(context.now ?? new Date());
      return now;
    },
    randomBytes(length) {
      const bytes = (context.randomBytes ?? defaultRandomBytes)(length);
      if (bytes.length < length) throw new ExpressionEvaluationError(said('evalTooFewRandomBytes'));
      return bytes;
    },
    warn(warning) {
      warnings.push(warning);
    },
  };
}

function createAttributeReader(source: Readonly<Record<string, unknown>>): AttributeReader {
  let lower: Map<string, string> | undefined;
  return {
    read(name) {
      let key: string | undefined = Object.prototype.hasOwnProperty.call(source, name) ? name : undefined;
      if (key === undefined) {
        lower ??= new Map(Object.keys(source).map((k) => [k.toLowerCase(), k]));
        key = lower.get(name.toLowerCase());
      }
      return readSourceValue(name, key === undefined ? null : source[key]);
    },
  };
}

function containsRedact(tree: ExpressionNode): boolean {
  let found = false;
  walk(tree, (n) => {
    if (n.kind === 'call' && n.name === 'Redact') found = true;
  });
  return found;
}

/**
 * Evaluation as a generator: it yields each SelectUniqueValue candidate and is resumed with "taken?",
 * so one implementation serves the sync and the async probe.
 */
function* evaluateRoot(
  tree: ExpressionNode,
  evaluator: NodeEvaluator,
): Generator<string, { value: Value; dropped: boolean }, boolean> {
  if (tree.kind !== 'call') return { value: evaluator.evaluate(tree), dropped: false };
  if (tree.name === 'IgnoreFlowIfNullOrEmpty') {
    const value = evaluator.evaluate(argument(tree, 0));
    return isNullOrEmpty(value) ? { value: null, dropped: true } : { value, dropped: false };
  }
  if (tree.name === 'SelectUniqueValue') {
    const frame = evaluator.frame(tree);
    let candidates = 0;
    for (let i = 0; i < frame.count; i++) {
      const candidate = frame.string(i);
      // Rules that give null or "" are skipped.
      if (candidate === null || candidate === '') continue;
      candidates++;
      const taken = yield candidate;
      if (!taken) return { value: candidate, dropped: false };
    }
    if (candidates === 0) return { value: null, dropped: false };
    throw new ExpressionEvaluationError(said('evalAllTaken', { count: String(candidates) }), {
      span: tree.span,
      code: 'EntryConflict',
      functionName: 'SelectUniqueValue',
    });
  }
  return { value: evaluator.evaluate(tree), dropped: false };
}

function argument(call: CallNode, index: number): Exclude<CallNode['args'][number], { kind: 'empty' }> {
  const a = call.args[index];
  if (!a || a.kind === 'empty')
    throw new ExpressionEvaluationError(said('evalNeedsArgument', { name: call.name }), { span: call.span });
  return a;
}

function isPromiseLike(v: unknown): v is PromiseLike<boolean> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function wrapUnexpected(e: unknown): ExpressionError {
  if (e instanceof ExpressionError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  const err = new ExpressionEvaluationError(said('evalUnexpected', { error: detail }));
  (err as { cause?: unknown }).cause = e;
  return err;
}

function probeFailed(e: unknown): ExpressionEvaluationError {
  if (e instanceof ExpressionEvaluationError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  const err = new ExpressionEvaluationError(said('evalProbeFailed', { error: detail }), {
    functionName: 'SelectUniqueValue',
  });
  (err as { cause?: unknown }).cause = e;
  return err;
}

function start(input: string | ExpressionNode, context: EvaluationContext) {
  const tree = prepare(input);
  const warnings: Said[] = [];
  const runtime = createRuntime(context, warnings);
  const evaluator = createNodeEvaluator(runtime, createAttributeReader(context.source));
  const finish = (r: { value: Value; dropped: boolean }): EvaluationResult => ({
    value: r.value,
    dropped: r.dropped,
    redacted: containsRedact(tree),
    warnings: warnings.map((w) => w.text),
    warningDetails: warnings.map((w) => w.detail),
  });
  return { generator: evaluateRoot(tree, evaluator), finish };
}

/**
 * Evaluates an expression for one source object. Works with a sync or an async uniqueness probe. Rejects
 * only with ExpressionSyntaxError, ExpressionValidationError or ExpressionEvaluationError.
 */
export async function evaluateExpression(
  input: string | ExpressionNode,
  context: EvaluationContext,
): Promise<EvaluationResult> {
  try {
    const { generator, finish } = start(input, context);
    let step = generator.next();
    while (!step.done) {
      let taken: boolean;
      try {
        taken = (await context.isTaken?.(step.value)) ?? false;
      } catch (e) {
        throw probeFailed(e);
      }
      step = generator.next(taken);
    }
    return finish(step.value);
  } catch (e) {
    throw wrapUnexpected(e);
  }
}

/**
 * The synchronous form, for callers without an async probe (previews, the CLI, tests). An isTaken that
 * returns a Promise is an ExpressionEvaluationError here; use evaluateExpression.
 */
export function evaluateExpressionSync(
  input: string | ExpressionNode,
  context: EvaluationContext,
): EvaluationResult {
  try {
    const { generator, finish } = start(input, context);
    let step = generator.next();
    while (!step.done) {
      let answer: boolean | Promise<boolean> | undefined;
      try {
        answer = context.isTaken?.(step.value);
      } catch (e) {
        throw probeFailed(e);
      }
      if (isPromiseLike(answer)) {
        throw new ExpressionEvaluationError(said('evalProbeAsync'));
      }
      step = generator.next(answer ?? false);
    }
    return finish(step.value);
  } catch (e) {
    throw wrapUnexpected(e);
  }
}

/**
 * A probe over values the target already holds, compared ignoring case (expressions.md §9 targetExisting).
 * Candidates it answers "free" are remembered as taken, so one probe shared across a cycle never hands the
 * same value to two objects.
 */
export function probeFromExistingValues(values: Iterable<string>): (candidate: string) => boolean {
  const taken = new Set([...values].map((v) => toLowerInvariant(v)));
  return (candidate) => {
    const key = toLowerInvariant(candidate);
    if (taken.has(key)) return true;
    taken.add(key);
    return false;
  };
}

/** The string form of a single-valued result (for previews); null for null, lists and roles. */
export function resultToString(value: Value): string | null {
  return value !== null && isScalar(value) ? scalarToString(value) : null;
}
