import type { CallNode, SlotNode } from './ast';
import { parseIntegerText } from './coerce';
import { resolveCulture } from './culture';
import { INTERVAL_HELP, parseInterval } from './dates/arithmetic';
import { parseCDate } from './dates/cdate';
import { compileDateFormat, hasHour12WithoutMarker } from './dates/custom-format';
import { FILETIME_NEVER, MAX_FILETIME } from './dates/filetime';
import { KNOWN_STYLE_NAMES, parseDateTimeStyles } from './dates/styles';
import type { DiagnosticCode, DiagnosticDetail, Severity } from './diagnostics';
import { REPLACE_MODES_HELP, replaceMode } from './functions/replace-mode';
import { expressionMessage, type ExpressionMessageCode } from './expression-messages';
import { compileRegex, groupIndex } from './regex';
import { regexProblemEnglish, type RegexProblem } from './regex-problems';
import type { SourceSpan } from './source-position';

export type Report = (
  code: DiagnosticCode,
  span: SourceSpan,
  message: string,
  severity?: Severity,
  detail?: DiagnosticDetail,
) => void;

/** A literal's value as text (strings, integers, and the two enum words), or undefined when computed. */
/** Reports one of the checker's own sentences by its code (expression-messages.ts). */
function say(
  report: Report,
  span: SourceSpan,
  message: ExpressionMessageCode,
  params: Record<string, string> = {},
  severity: Severity = 'error',
  code: DiagnosticCode = 'invalidLiteralArgument',
): void {
  const said = expressionMessage(message, params);
  report(code, span, said.text, severity, said.detail);
}

function literalText(slot: SlotNode | undefined): string | undefined {
  if (!slot) return undefined;
  if (slot.kind === 'string') return slot.value;
  if (slot.kind === 'integer') return slot.value.toString();
  return undefined;
}

function literalInteger(slot: SlotNode | undefined): bigint | undefined {
  const text = literalText(slot);
  return text === undefined ? undefined : parseIntegerText(text);
}

/** Integer parameters, by function: a literal that is not an integer would fail for every object. */
const INTEGER_SLOTS: Readonly<Record<string, readonly number[]>> = {
  BitAnd: [0, 1],
  Left: [1],
  Mid: [1, 2],
  Item: [1],
  Word: [1],
  InStr: [2],
  DateAdd: [1],
  DateFromNum: [0],
  RandomString: [0, 1, 2, 3, 4],
};

function checkIntegerLiterals(call: CallNode, report: Report): void {
  for (const i of INTEGER_SLOTS[call.name] ?? []) {
    const slot = call.args[i];
    if (slot?.kind === 'string' && parseIntegerText(slot.value) === undefined) {
      say(report, slot.span, 'integerExpected', { name: call.name, value: slot.value });
    }
  }
}

function checkReplace(call: CallNode, report: Report): void {
  const filled = (i: number): boolean => {
    const s = call.args[i];
    return s !== undefined && s.kind !== 'empty';
  };
  const mode = replaceMode(filled);
  if (mode === undefined) {
    say(report, call.nameSpan, 'replaceMode', { help: REPLACE_MODES_HELP }, 'error', 'replaceMode');
    return;
  }
  const oldValue = call.args[1];
  if ((mode === 'literal' || mode === 'template') && oldValue?.kind === 'string' && oldValue.value === '') {
    say(report, oldValue.span, 'replaceEmptyOldValue');
  }
  const pattern = call.args[2];
  if (pattern?.kind !== 'string') return;
  const compiled = compileRegex(pattern.value);
  if (!compiled.ok) {
    reportRegex(report, pattern.span, compiled.problem);
    return;
  }
  const group = call.args[3];
  if ((mode === 'group' || mode === 'fallback') && group?.kind === 'string') {
    if (groupIndex(compiled.regex, group.value) === undefined) {
      const names = Object.keys(compiled.regex.namedGroups);
      reportRegex(
        report,
        group.span,
        names.length > 0
          ? { code: 'noSuchGroup', params: { group: group.value, names: names.join(', ') } }
          : { code: 'noNamedGroups', params: { group: group.value } },
      );
    }
  }
}

/** A Replace pattern problem, with its code so the editor can say it in the admin's language. */
function reportRegex(report: Report, span: SourceSpan, problem: RegexProblem): void {
  report('invalidRegex', span, `Replace: ${regexProblemEnglish(problem)}`, 'error', {
    code: `regex.${problem.code}`,
    params: problem.params,
  });
}

function checkFormatDateTime(call: CallNode, report: Report): void {
  const styles = call.args[1];
  if (styles?.kind === 'string') {
    const parsed = parseDateTimeStyles(styles.value);
    if (!parsed.ok) {
      say(
        report,
        styles.span,
        'unknownDateTimeStyles',
        { names: parsed.unknown.join(', '), known: KNOWN_STYLE_NAMES.join(', ') },
        'error',
        'unknownDateTimeStyle',
      );
    }
  }
  for (const i of [2, 3]) {
    const slot = call.args[i];
    if (slot?.kind !== 'string') continue;
    const compiled = compileDateFormat(slot.value);
    if (!compiled.ok) {
      const { code, params } = compiled.problem;
      say(
        report,
        slot.span,
        'dateFormatProblem',
        { ...params, problemCode: code },
        'error',
        'invalidDateFormat',
      );
    } else if (i === 2 && hasHour12WithoutMarker(compiled.tokens)) {
      say(report, slot.span, 'hour12WithoutMarker', {}, 'warning', 'invalidDateFormat');
    }
  }
}

function checkRandomString(call: CallNode, report: Report): void {
  const values = [0, 1, 2, 3, 4].map((i) => literalInteger(call.args[i]));
  const [length, ...mins] = values;
  mins.forEach((m, k) => {
    const slot = call.args[k + 1];
    if (m !== undefined && m < 0n && slot) say(report, slot.span, 'randomStringNegative');
  });
  const lengthSlot = call.args[0];
  if (length !== undefined && lengthSlot) {
    if (length < 1n || length > 256n) {
      say(report, lengthSlot.span, 'randomStringLength', { length: String(length) });
    } else if (mins.every((m) => m !== undefined)) {
      const sum = mins.reduce<bigint>((a, m) => a + (m ?? 0n), 0n);
      if (sum > length) {
        say(report, lengthSlot.span, 'randomStringSum', { length: String(length), sum: String(sum) });
      }
    }
  }
}

function checkCulture(call: CallNode, report: Report): void {
  const slot = call.args[1];
  if (slot?.kind === 'string' && resolveCulture(slot.value) === null) {
    say(
      report,
      slot.span,
      'unknownCultureName',
      { name: call.name, value: slot.value },
      'error',
      'unknownCulture',
    );
  }
}

function checkInterval(call: CallNode, report: Report): void {
  const slot = call.args[0];
  if (slot?.kind === 'string' && parseInterval(slot.value) === undefined) {
    say(report, slot.span, 'notAnInterval', { name: call.name, value: slot.value, help: INTERVAL_HELP });
  }
}

function checkInStr(call: CallNode, report: Report): void {
  const start = literalInteger(call.args[2]);
  const startSlot = call.args[2];
  if (start !== undefined && start < 1n && startSlot) {
    say(report, startSlot.span, 'inStrStart');
  }
  const compare = call.args[3];
  const text = compare?.kind === 'enum' ? compare.name : literalText(compare);
  if (
    compare &&
    text !== undefined &&
    !['vbbinarycompare', 'vbtextcompare', '0', '1'].includes(text.toLowerCase())
  ) {
    say(report, compare.span, 'inStrCompare');
  }
}

function checkMid(call: CallNode, report: Report): void {
  const start = literalInteger(call.args[1]);
  const length = literalInteger(call.args[2]);
  const s = call.args[1];
  const l = call.args[2];
  if (start !== undefined && start < 1n && s) say(report, s.span, 'midStart');
  if (length !== undefined && length < 0n && l) say(report, l.span, 'midLength');
}

function checkSplit(call: CallNode, report: Report): void {
  const d = call.args[1];
  if (d?.kind === 'string' && d.value === '') say(report, d.span, 'splitDelimiter');
}

function checkCDate(call: CallNode, report: Report): void {
  const slot = call.args[0];
  if (slot?.kind === 'string' && parseCDate(slot.value) === undefined) {
    say(report, slot.span, 'notADate', { value: slot.value });
  }
}

function checkDateFromNum(call: CallNode, report: Report): void {
  const n = literalInteger(call.args[0]);
  const slot = call.args[0];
  if (n !== undefined && slot && n !== FILETIME_NEVER && (n < 0n || n > MAX_FILETIME)) {
    say(report, slot.span, 'notAFiletime', { value: String(n) });
  }
}

const CHECKS: Readonly<Record<string, (call: CallNode, report: Report) => void>> = {
  Replace: checkReplace,
  FormatDateTime: checkFormatDateTime,
  RandomString: checkRandomString,
  ToLower: checkCulture,
  ToUpper: checkCulture,
  DateAdd: checkInterval,
  DateDiff: checkInterval,
  InStr: checkInStr,
  Mid: checkMid,
  Split: checkSplit,
  CDate: checkCDate,
  DateFromNum: checkDateFromNum,
};

/** Checks the literal arguments of a known, correctly-sized call: what would fail for every object. */
export function checkLiteralArguments(call: CallNode, report: Report): void {
  checkIntegerLiterals(call, report);
  CHECKS[call.name]?.(call, report);
}
