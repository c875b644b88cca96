import { RE2JS } from 're2js';
import { regexProblemEnglish, type RegexProblem } from './regex-problems';
import { translatePattern } from './regex-translate';

/** A pattern compiled for the linear-time engine (re2js), so no pattern can hang the app (ReDoS). */
export interface CompiledRegex {
  readonly pattern: string;
  readonly engine: RE2JS;
  readonly groupCount: number;
  /** Named groups → group number (numbered left to right, as in ECMAScript). */
  readonly namedGroups: Readonly<Record<string, number>>;
}

/** A failure carries its English sentence and the same as a code with parameters (regex-problems.ts). */
export type CompileRegexResult =
  { ok: true; regex: CompiledRegex } | { ok: false; message: string; problem: RegexProblem };

export interface RegexMatch {
  readonly start: number;
  readonly end: number;
  /** Per group 0…groupCount: [start, end], or undefined when the group did not take part. */
  readonly groups: readonly ([number, number] | undefined)[];
}

const cache = new Map<string, CompileRegexResult>();
const CACHE_LIMIT = 256;
/**
 * Matching is linear in the input but proportional to the program size too; `\p{L}{1000}` repeated is
 * linear with a huge constant. Real patterns stay far below this.
 */
export const MAX_PROGRAM_SIZE = 5000;

/** Compiles (with a small cache) a pattern written as expressions.md §7 describes. Never throws. */
export function compileRegex(pattern: string): CompileRegexResult {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const result = compileUncached(pattern);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(pattern, result);
  return result;
}

function compileUncached(pattern: string): CompileRegexResult {
  const translated = translatePattern(pattern);
  if (!translated.ok) return translated;
  try {
    const engine = RE2JS.compile(translated.source, translated.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    if (engine.programSize() > MAX_PROGRAM_SIZE) {
      return failure({
        code: 'tooLarge',
        params: { size: String(engine.programSize()), limit: String(MAX_PROGRAM_SIZE) },
      });
    }
    const namedGroups: Record<string, number> = { ...engine.namedGroups() };
    return { ok: true, regex: { pattern, engine, groupCount: engine.groupCount(), namedGroups } };
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    return failure({ code: 'invalid', params: { detail } });
  }
}

function failure(problem: RegexProblem): CompileRegexResult {
  return { ok: false, message: regexProblemEnglish(problem), problem };
}

/** Search semantics, as .NET Regex.IsMatch: true when the pattern matches anywhere. */
export function regexTest(regex: CompiledRegex, input: string): boolean {
  return regex.engine.test(input);
}

/** Every non-overlapping match, left to right, with group positions in UTF-16 code units. */
export function* regexMatches(regex: CompiledRegex, input: string): Generator<RegexMatch> {
  const m = regex.engine.matcher(input);
  while (m.find()) {
    const groups: ([number, number] | undefined)[] = [];
    for (let g = 0; g <= regex.groupCount; g++) {
      const s = m.start(g);
      groups.push(s < 0 ? undefined : [s, m.end(g)]);
    }
    yield { start: m.start(), end: m.end(), groups };
  }
}

/** The group number for a name or a decimal number, or undefined if the pattern has no such group. */
export function groupIndex(regex: CompiledRegex, name: string): number | undefined {
  const named = regex.namedGroups[name];
  if (named !== undefined) return named;
  if (/^[0-9]+$/.test(name)) {
    const n = Number(name);
    return n <= regex.groupCount ? n : undefined;
  }
  return undefined;
}
