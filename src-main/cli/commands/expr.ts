import type { Command } from 'commander';
import {
  evaluateExpressionSync,
  ExpressionError,
  probeFromExistingValues,
  toJsonResult,
  validateExpression,
  type Diagnostic,
} from '@shared/expressions';
import { BoundedJsonError, parseBoundedJson } from '@shared/text/bounded-json';

interface ExprOptions {
  source: string;
  targetExisting?: string;
}

/** Where `roster expr` and `roster scope` write; tests pass their own. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CliOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

export type JsonOptionResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads a JSON object from a command-line option; the message names the option. */
export function parseObjectOption(option: string, text: string): JsonOptionResult<Record<string, unknown>> {
  const parsed = parseJsonOption(option, text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: `${option} must be a JSON object, such as '{"givenName":"Jane"}'.` };
  return { ok: true, value: value as Record<string, unknown> };
}

function parseStringArrayOption(option: string, text: string): JsonOptionResult<string[]> {
  const parsed = parseJsonOption(option, text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    return {
      ok: false,
      message: `${option} must be a JSON array of strings, such as '["jdoe@contoso.com"]'.`,
    };
  return { ok: true, value };
}

/** JSON from the command line, parsed with limits: a bad value is one sentence naming the option. */
export function parseJsonOption(option: string, text: string): JsonOptionResult<unknown> {
  try {
    return { ok: true, value: parseBoundedJson(text, option) };
  } catch (error) {
    if (!(error instanceof BoundedJsonError)) throw error;
    return { ok: false, message: error.message };
  }
}

function describeDiagnostic(d: Diagnostic): string {
  return `${d.severity}: ${d.message}`;
}

/** An evaluation error's message names line and column when it has them; say where when it does not. */
function describeEvaluationError(error: ExpressionError): string {
  if (error.line === undefined || /^Line \d+, column \d+: /.test(error.message))
    return `error: ${error.message}`;
  return `error: Line ${error.line}, column ${error.column ?? 1}: ${error.message}`;
}

/**
 * Evaluates one expression against one source object, as a mapping would (expressions.md §9). Prints the
 * result as one line of JSON and returns the exit code: 0, or 2 for a bad expression, bad input or an
 * evaluation error.
 */
export function runExpr(expression: string, options: ExprOptions, output: CliOutput = consoleOutput): number {
  const source = parseObjectOption('--source', options.source);
  if (!source.ok) {
    output.err(`error: ${source.message}`);
    return 2;
  }
  let existing: string[] = [];
  if (options.targetExisting !== undefined) {
    const parsed = parseStringArrayOption('--target-existing', options.targetExisting);
    if (!parsed.ok) {
      output.err(`error: ${parsed.message}`);
      return 2;
    }
    existing = parsed.value;
  }
  const diagnostics = validateExpression(expression);
  for (const d of diagnostics) output.err(describeDiagnostic(d));
  if (diagnostics.some((d) => d.severity === 'error')) return 2;
  try {
    const result = evaluateExpressionSync(expression, {
      source: source.value,
      isTaken: probeFromExistingValues(existing),
    });
    for (const warning of result.warnings) output.err(`warning: ${warning}`);
    output.out(JSON.stringify(toJsonResult(result)));
    return 0;
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    output.err(describeEvaluationError(error));
    return 2;
  }
}

export function registerExprCommand(program: Command): void {
  program
    .command('expr')
    .description('evaluate an attribute-mapping expression against a source object and print the JSON result')
    .argument('<expression>', 'the expression, e.g. \'Join(" ", [givenName], [surname])\'')
    .option('--source <json>', 'the source object as a JSON object', '{}')
    .option(
      '--target-existing <json>',
      "values the target attribute already holds, as a JSON array (SelectUniqueValue's uniqueness check)",
    )
    .action((expression: string, opts: ExprOptions) => {
      process.exitCode = runExpr(expression, opts);
    });
}
