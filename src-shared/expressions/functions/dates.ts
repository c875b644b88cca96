import { clip, scalarToString } from '../coerce';
import { dateAdd, dateDiff, INTERVAL_HELP, parseInterval, type DateInterval } from '../dates/arithmetic';
import { compileDateFormat, type FormatToken } from '../dates/custom-format';
import { FILETIME_NEVER, fileTimeFromTicks, MAX_FILETIME, ticksFromFileTime } from '../dates/filetime';
import { formatDate } from '../dates/format-date';
import { parseDateExact } from '../dates/parse-date';
import { parseDateTimeStyles } from '../dates/styles';
import { dateTime } from '../values';
import { said, saidAround } from '../evaluation-messages';
import type { Frame, FunctionImpl } from './frame';

function interval(f: Frame): DateInterval | null {
  const text = f.string(0);
  if (text === null) return null;
  const parsed = parseInterval(text);
  if (parsed === undefined) f.fail(said('evalNotAnInterval', { value: clip(text), help: INTERVAL_HELP }), 0);
  return parsed;
}

function format(f: Frame, index: number): readonly FormatToken[] | null {
  const text = f.string(index);
  if (text === null) return null;
  const compiled = compileDateFormat(text);
  if (!compiled.ok) f.fail(said(compiled.problem.code, compiled.problem.params), index);
  return compiled.tokens;
}

export const DATE_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  CDate: {
    evaluate: (f: Frame) => f.date(0),
  },
  Now: {
    evaluate: (f: Frame) => dateTime(f.runtime.nowTicks()),
  },
  DateAdd: {
    evaluate(f: Frame) {
      const unit = interval(f);
      const amount = f.integer(1);
      const date = f.date(2);
      if (unit === null || amount === null || date === null) return null;
      const result = dateAdd(unit, amount, date.ticks);
      if (result === undefined) f.fail(said('evalDateOutOfRange'));
      return dateTime(result);
    },
  },
  DateDiff: {
    evaluate(f: Frame) {
      const unit = interval(f);
      const a = f.date(1);
      const b = f.date(2);
      if (unit === null || a === null || b === null) return null;
      return dateDiff(unit, a.ticks, b.ticks);
    },
  },
  DateFromNum: {
    evaluate(f: Frame) {
      const n = f.integer(0);
      if (n === null) return null;
      // Roster decision: AD's "never" markers give null rather than a date.
      if (n === 0n || n === FILETIME_NEVER) return null;
      if (n < 0n || n > MAX_FILETIME) {
        f.fail(said('evalNotAFiletime', { value: n.toString() }), 0);
      }
      return dateTime(ticksFromFileTime(n));
    },
  },
  NumFromDate: {
    evaluate(f: Frame) {
      const d = f.date(0);
      if (d === null) return null;
      const n = fileTimeFromTicks(d.ticks);
      if (n < 0n) f.fail(said('evalBefore1601'), 0);
      return n;
    },
  },
  FormatDateTime: {
    evaluate(f: Frame) {
      const source = f.scalar(0);
      const stylesText = f.filled(1) ? f.string(1) : '';
      const output = format(f, 3);
      if (source === null || stylesText === null || output === null) return null;
      if (typeof source === 'object') return formatDate(source.ticks, output);
      const input = format(f, 2);
      if (input === null) return null;
      const styles = parseDateTimeStyles(stylesText);
      if (!styles.ok) f.fail(said('evalUnknownStyles', { names: styles.unknown.join(', ') }), 1);
      const text = scalarToString(source);
      const parsed = parseDateExact(text, input, styles.styles, f.runtime.nowTicks());
      if (!parsed.ok) f.fail(saidAround('evalInputFormat', {}, 'reason', parsed.reason), 0);
      return formatDate(parsed.ticks, output);
    },
  },
};
