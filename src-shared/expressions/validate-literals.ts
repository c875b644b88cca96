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
      report(
        'invalidLiteralArgument',
        slot.span,
        `${call.name} needs an integer here, but "${slot.value}" is not one.`,
      );
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
    report(
      'replaceMode',
      call.nameSpan,
      `Replace: this combination of filled arguments is not supported; ${REPLACE_MODES_HELP}.`,
    );
    return;
  }
  const oldValue = call.args[1];
  if ((mode === 'literal' || mode === 'template') && oldValue?.kind === 'string' && oldValue.value === '') {
    report('invalidLiteralArgument', oldValue.span, 'Replace: oldValue must not be empty.');
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
      report(
        'unknownDateTimeStyle',
        styles.span,
        `FormatDateTime: unknown DateTimeStyles name(s) ${parsed.unknown.join(', ')}; known names: ${KNOWN_STYLE_NAMES.join(', ')}.`,
      );
    }
  }
  for (const i of [2, 3]) {
    const slot = call.args[i];
    if (slot?.kind !== 'string') continue;
    const compiled = compileDateFormat(slot.value);
    if (!compiled.ok) {
      report('invalidDateFormat', slot.span, `FormatDateTime: ${compiled.message}`);
    } else if (i === 2 && hasHour12WithoutMarker(compiled.tokens)) {
      report(
        'invalidDateFormat',
        slot.span,
        'FormatDateTime: the input format reads a 12-hour clock ("h") without "tt", so a string cannot be parsed; use "HH" or add "tt".',
        'warning',
      );
    }
  }
}

function checkRandomString(call: CallNode, report: Report): void {
  const values = [0, 1, 2, 3, 4].map((i) => literalInteger(call.args[i]));
  const [length, ...mins] = values;
  mins.forEach((m, k) => {
    const slot = call.args[k + 1];
    if (m !== undefined && m < 0n && slot)
      report('invalidLiteralArgument', slot.span, 'RandomString: minimums must not be negative.');
  });
  const lengthSlot = call.args[0];
  if (length !== undefined && lengthSlot) {
    if (length < 1n || length > 256n) {
      report(
        'invalidLiteralArgument',
        lengthSlot.span,
        `RandomString: Length must be between 1 and 256 (got ${length}).`,
      );
    } else if (mins.every((m) => m !== undefined)) {
      const sum = mins.reduce<bigint>((a, m) => a + (m ?? 0n), 0n);
      if (sum > length) {
        report(
          'invalidLiteralArgument',
          lengthSlot.span,
          `RandomString: Length ${length} is less than the sum of the minimums (${sum}).`,
        );
      }
    }
  }
}

function checkCulture(call: CallNode, report: Report): void {
  const slot = call.args[1];
  if (slot?.kind === 'string' && resolveCulture(slot.value) === null) {
    report(
      'unknownCulture',
      slot.span,
      `${call.name}: "${slot.value}" is not a known culture name; use a tag such as "tr-TR" or "de-DE".`,
    );
  }
}

function checkInterval(call: CallNode, report: Report): void {
  const slot = call.args[0];
  if (slot?.kind === 'string' && parseInterval(slot.value) === undefined) {
    report(
      'invalidLiteralArgument',
      slot.span,
      `${call.name}: "${slot.value}" is not an interval; use ${INTERVAL_HELP}.`,
    );
  }
}

function checkInStr(call: CallNode, report: Report): void {
  const start = literalInteger(call.args[2]);
  const startSlot = call.args[2];
  if (start !== undefined && start < 1n && startSlot) {
    report('invalidLiteralArgument', startSlot.span, 'InStr: start must be 1 or more.');
  }
  const compare = call.args[3];
  const text = compare?.kind === 'enum' ? compare.name : literalText(compare);
  if (
    compare &&
    text !== undefined &&
    !['vbbinarycompare', 'vbtextcompare', '0', '1'].includes(text.toLowerCase())
  ) {
    report(
      'invalidLiteralArgument',
      compare.span,
      'InStr: compareType must be vbBinaryCompare, vbTextCompare, 0 or 1.',
    );
  }
}

function checkMid(call: CallNode, report: Report): void {
  const start = literalInteger(call.args[1]);
  const length = literalInteger(call.args[2]);
  const s = call.args[1];
  const l = call.args[2];
  if (start !== undefined && start < 1n && s)
    report('invalidLiteralArgument', s.span, 'Mid: start must be 1 or more.');
  if (length !== undefined && length < 0n && l)
    report('invalidLiteralArgument', l.span, 'Mid: length must not be negative.');
}

function checkSplit(call: CallNode, report: Report): void {
  const d = call.args[1];
  if (d?.kind === 'string' && d.value === '')
    report('invalidLiteralArgument', d.span, 'Split: the delimiter must not be empty.');
}

function checkCDate(call: CallNode, report: Report): void {
  const slot = call.args[0];
  if (slot?.kind === 'string' && parseCDate(slot.value) === undefined) {
    report(
      'invalidLiteralArgument',
      slot.span,
      `CDate: "${slot.value}" is not a date (expected forms like 2021-08-24, 2009-06-15T01:45:30-07:00 or 8/25/2021 5:41:18 PM).`,
    );
  }
}

function checkDateFromNum(call: CallNode, report: Report): void {
  const n = literalInteger(call.args[0]);
  const slot = call.args[0];
  if (n !== undefined && slot && n !== FILETIME_NEVER && (n < 0n || n > MAX_FILETIME)) {
    report(
      'invalidLiteralArgument',
      slot.span,
      `DateFromNum: ${n} is not a FILETIME between 1601 and the end of 9999.`,
    );
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
