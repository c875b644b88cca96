import type { DiagnosticCode } from './diagnostics';
import { expressionMessage, type ExpressionMessageCode } from './expression-messages';
import { LineIndex } from './source-position';
import type { Token, TokenKind, TokenProblem } from './tokens';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Characters a pasted expression often contains by accident, with the fix an admin needs (the
 * advice's words are phrase templates in syntax-messages.ts).
 */
const CONFUSABLES: Readonly<Record<string, ExpressionMessageCode>> = {
  '\u201c': 'hintCurlyQuote',
  '\u201d': 'hintCurlyQuote',
  '\u201e': 'hintCurlyQuote',
  '\u00ab': 'hintGuillemet',
  '\u00bb': 'hintGuillemet',
  "'": 'hintSingleQuote',
  '\u2018': 'hintCurlySingleQuote',
  '\u2019': 'hintCurlySingleQuote',
  '\u00a0': 'hintNoBreakSpace',
  '\u200b': 'hintZeroWidthSpace',
  '\ufeff': 'hintByteOrderMark',
  '\u2013': 'hintEnDash',
  '\u2014': 'hintEmDash',
  '+': 'hintPlus',
  '&': 'hintAmpersand',
  '{': 'hintOpenBrace',
  '}': 'hintCloseBrace',
  ']': 'hintCloseBracket',
  _: 'hintUnderscore',
};

/** A token problem whose words come from a message template (English here, coded for the app). */
function problem(
  code: DiagnosticCode,
  message: ExpressionMessageCode,
  params: Record<string, string> = {},
  severity: TokenProblem['severity'] = 'error',
): TokenProblem {
  const said = expressionMessage(message, params);
  return { code, severity, message: said.text, detail: said.detail };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return cp < 32 || cp === 127 ? `U+${hex}` : `"${ch}" (U+${hex})`;
}

/** Splits expression text into tokens. Never throws. */
export function tokenize(text: string): Token[] {
  const index = new LineIndex(text);
  const tokens: Token[] = [];
  let i = 0;

  const push: Push = (kind, start, end, extra) => {
    const span = index.span(start, end);
    const token: {
      kind: TokenKind;
      text: string;
      start: number;
      end: number;
      line: number;
      column: number;
      span: typeof span;
      value?: string;
      integer?: bigint;
      problems?: readonly TokenProblem[];
    } = { kind, text: text.slice(start, end), start, end, line: span.line, column: span.column, span };
    if (extra) {
      if (extra.value !== undefined) token.value = extra.value;
      if (extra.integer !== undefined) token.integer = extra.integer;
      if (extra.problems && extra.problems.length > 0) token.problems = extra.problems;
    }
    tokens.push(token);
  };

  while (i < text.length) {
    const c = text.charCodeAt(i);
    const start = i;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 40) {
      push('openParen', i, ++i);
      continue;
    }
    if (c === 41) {
      push('closeParen', i, ++i);
      continue;
    }
    if (c === 44) {
      push('comma', i, ++i);
      continue;
    }
    if (c === 91) {
      i = lexAttribute(text, i, push);
      continue;
    }
    if (c === 34) {
      i = lexString(text, i, push);
      continue;
    }
    if (isDigit(c) || (c === 45 && isDigit(text.charCodeAt(i + 1)))) {
      i = lexDecimal(text, i, push);
      continue;
    }
    if (c === 38 && (text[i + 1] === 'H' || text[i + 1] === 'h')) {
      i = lexHex(text, i, push);
      continue;
    }
    if (isAlpha(c)) {
      i++;
      while (i < text.length && (isAlpha(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
      push('name', start, i, { value: text.slice(start, i) });
      continue;
    }
    const op = readOperator(text, i);
    if (op) {
      i += op.length;
      if (op === '==' || op === '!=') {
        push('invalid', start, i, {
          problems: [problem('syntax', op === '==' ? 'doubleEquals' : 'bangEquals')],
        });
      } else {
        push('operator', start, i, { value: op });
      }
      continue;
    }
    if (c === 45) {
      i++;
      push('invalid', start, i, { problems: [problem('syntax', 'loneMinus')] });
      continue;
    }
    // One code point, so a surrogate pair is reported once.
    const ch = String.fromCodePoint(text.codePointAt(i) ?? c);
    i += ch.length;
    // A run of stray characters is one token and one problem, not thousands.
    let count = 1;
    let same = true;
    while (i < text.length && !startsToken(text, i)) {
      const next = String.fromCodePoint(text.codePointAt(i) ?? 0);
      if (next !== ch) same = false;
      i += next.length;
      count++;
    }
    const hintCode = CONFUSABLES[ch];
    const mixed = count > 1 && !same;
    const character = count > 1 && same ? `${count} × ${describeChar(ch)}` : describeChar(ch);
    const params: Record<string, string> = mixed ? { character, more: String(count - 1) } : { character };
    const said: ExpressionMessageCode = hintCode
      ? mixed
        ? 'unexpectedConfusables'
        : 'unexpectedConfusable'
      : mixed
        ? 'unexpectedCharacters'
        : 'unexpectedCharacter';
    push('invalid', start, i, {
      problems: [problem('invalidCharacter', said, hintCode ? { ...params, hintCode } : params)],
    });
  }
  return tokens;
}

/** Whether a token (or whitespace) can start at i; anything else continues a run of stray characters. */
function startsToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isSpace(c) || isAlpha(c) || isDigit(c)) return true;
  const ch = text[i];
  if (
    ch === '(' ||
    ch === ')' ||
    ch === ',' ||
    ch === '[' ||
    ch === '"' ||
    ch === '=' ||
    ch === '<' ||
    ch === '>'
  ) {
    return true;
  }
  if (ch === '-') return isDigit(text.charCodeAt(i + 1));
  if (ch === '&') return text[i + 1] === 'H' || text[i + 1] === 'h';
  if (ch === '!') return text[i + 1] === '=';
  return false;
}

type Push = (
  kind: TokenKind,
  start: number,
  end: number,
  extra?: { value?: string; integer?: bigint; problems?: TokenProblem[] },
) => void;

function readOperator(text: string, i: number): string | undefined {
  const two = text.slice(i, i + 2);
  if (two === '<>' || two === '<=' || two === '>=' || two === '==' || two === '!=') return two;
  const one = text[i];
  if (one === '=' || one === '<' || one === '>') return one;
  return undefined;
}

function lexAttribute(text: string, start: number, push: Push): number {
  const close = text.indexOf(']', start + 1);
  if (close < 0) {
    push('attribute', start, text.length, {
      value: text.slice(start + 1),
      problems: [problem('unterminatedAttribute', 'unterminatedAttribute')],
    });
    return text.length;
  }
  const name = text.slice(start + 1, close);
  const problems: TokenProblem[] = [];
  if (name.length === 0) {
    problems.push(problem('emptyAttribute', 'emptyAttribute'));
  }
  push('attribute', start, close + 1, { value: name, problems });
  return close + 1;
}

function lexString(text: string, start: number, push: Push): number {
  let i = start + 1;
  let value = '';
  const problems: TokenProblem[] = [];
  let loneBackslashes = 0;
  let firstLone: { at: number; next: string } | undefined;
  // Each search restarts only once the scan has passed its last hit, which keeps the loop linear.
  let close = text.indexOf('"', i);
  let slash = text.indexOf('\\', i);
  while (i < text.length) {
    if (close >= 0 && close < i) close = text.indexOf('"', i);
    if (slash >= 0 && slash < i) slash = text.indexOf('\\', i);
    if (close < 0 && slash < 0) break;
    if (slash < 0 || (close >= 0 && close < slash)) {
      value += text.slice(i, close);
      if (firstLone) {
        const kept =
          loneBackslashes > 1
            ? problem(
                'backslashEscape',
                'backslashKeptMore',
                { escape: firstLone.next, more: String(loneBackslashes - 1) },
                'warning',
              )
            : problem('backslashEscape', 'backslashKept', { escape: firstLone.next }, 'warning');
        problems.push({ ...kept, start: firstLone.at, end: firstLone.at + 2 });
      }
      push('string', start, close + 1, { value, problems });
      return close + 1;
    }
    value += text.slice(i, slash);
    const next = text[slash + 1];
    if (next === undefined) {
      i = text.length;
      break;
    }
    if (next === '"' || next === '\\') {
      value += next;
    } else {
      // Roster decision (expressions.md §2.2): an unknown escape keeps its backslash.
      value += '\\' + next;
      loneBackslashes++;
      firstLone ??= { at: slash, next };
    }
    i = slash + 2;
  }
  value += text.slice(Math.min(i, text.length));
  problems.push(problem('unterminatedString', 'unterminatedString'));
  push('string', start, text.length, { value, problems });
  return text.length;
}

function lexDecimal(text: string, start: number, push: Push): number {
  let i = start;
  if (text[i] === '-') i++;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  // "1.5", "1e3": report the whole run once instead of three confusing tokens.
  if (
    (text[i] === '.' && isDigit(text.charCodeAt(i + 1))) ||
    ((text[i] === 'e' || text[i] === 'E') && isDigit(text.charCodeAt(i + 1)))
  ) {
    i++;
    while (i < text.length && (isDigit(text.charCodeAt(i)) || isAlpha(text.charCodeAt(i)) || text[i] === '.'))
      i++;
    push('invalid', start, i, {
      problems: [problem('invalidInteger', 'notAnInteger', { text: text.slice(start, i) })],
    });
    return i;
  }
  const raw = text.slice(start, i);
  const value = BigInt(raw);
  if (value < INT64_MIN || value > INT64_MAX) {
    push('integer', start, i, {
      problems: [
        problem('integerOutOfRange', 'integerOutOfRange', {
          text: raw,
          min: INT64_MIN.toString(),
          max: INT64_MAX.toString(),
        }),
      ],
    });
    return i;
  }
  push('integer', start, i, { integer: value });
  return i;
}

function lexHex(text: string, start: number, push: Push): number {
  let i = start + 2;
  while (i < text.length && isHex(text.charCodeAt(i))) i++;
  const digits = text.slice(start + 2, i);
  if (digits.length === 0) {
    push('invalid', start, i, {
      problems: [problem('invalidInteger', 'hexWithoutDigits')],
    });
    return i;
  }
  const unsigned = BigInt('0x' + digits);
  if (unsigned >= 2n ** 64n) {
    push('integer', start, i, {
      problems: [problem('integerOutOfRange', 'hexTooWide', { digits })],
    });
    return i;
  }
  // VBA reads a full-width hex literal as two's complement: &HFFFFFFFFFFFFFFFF is -1.
  push('integer', start, i, { integer: BigInt.asIntN(64, unsigned) });
  return i;
}
