/**
 * Translates a pattern written for .NET / ECMAScript (expressions.md §7) into RE2 syntax, so it can run on
 * a linear-time engine. Constructs RE2 cannot run in linear time (lookaround, backreferences) and .NET-only
 * constructs are rejected with a message naming them; ECMAScript meanings are kept where RE2 differs
 * (`.` excludes every line terminator, `\s` is ECMAScript's whitespace set, `[]` matches nothing).
 */
import { regexProblemEnglish, type RegexProblem, type RegexProblemCode } from './regex-problems';

export type TranslateResult =
  | { ok: true; source: string; caseInsensitive: boolean }
  | { ok: false; message: string; problem: RegexProblem };

class Reject extends Error {
  constructor(readonly problem: RegexProblem) {
    super(regexProblemEnglish(problem));
  }
}

const ECMA_SPACE_CLASS_BODY =
  '\\t\\n\\x{B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const ECMA_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
const MAX_REPEAT = 1000;

function hex(cp: number): string {
  return `\\x{${cp.toString(16).toUpperCase()}}`;
}

function isAsciiPunct(cp: number): boolean {
  return (
    (cp >= 0x21 && cp <= 0x2f) ||
    (cp >= 0x3a && cp <= 0x40) ||
    (cp >= 0x5b && cp <= 0x60) ||
    (cp >= 0x7b && cp <= 0x7e)
  );
}

/** A literal code point written so RE2 reads it as itself, inside or outside a class. */
function literal(cp: number): string {
  if (isAsciiPunct(cp)) return '\\' + String.fromCharCode(cp);
  if (cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) return hex(cp);
  return String.fromCodePoint(cp);
}

type ClassAtom = { single: number } | { text: string };

class Translator {
  private i = 0;
  private out = '';
  private depth = 0;

  constructor(private readonly p: string) {}

  private reject(code: RegexProblemCode, params: Record<string, string | number> = {}): never {
    const texts = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    throw new Reject({ code, params: texts });
  }

  private at(offset = 0): string | undefined {
    return this.p[this.i + offset];
  }

  private codePointHere(): number {
    return this.p.codePointAt(this.i) ?? 0;
  }

  run(): string {
    let canRepeat = false;
    while (this.i < this.p.length) {
      const ch = this.at() as string;
      switch (ch) {
        case '\\': {
          const r = this.escape();
          this.out += r.text;
          canRepeat = r.repeatable;
          break;
        }
        case '(':
          this.openGroup();
          canRepeat = false;
          break;
        case ')':
          if (this.depth === 0) this.reject('unmatchedClose', { position: this.i + 1 });
          this.depth--;
          this.out += ')';
          this.i++;
          canRepeat = true;
          break;
        case '[':
          this.out += this.charClass();
          canRepeat = true;
          break;
        case '*':
        case '+':
        case '?':
          if (!canRepeat) this.reject('nothingToRepeat', { token: ch, position: this.i + 1 });
          this.out += ch;
          this.i++;
          this.quantifierSuffix();
          canRepeat = false;
          break;
        case '{': {
          const q = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.i, this.i + 24));
          if (!q) {
            this.out += '\\{';
            this.i++;
            canRepeat = true;
            break;
          }
          if (!canRepeat) this.reject('nothingToRepeat', { token: q[0], position: this.i + 1 });
          const min = Number(q[1]);
          const max = q[3] === undefined ? min : q[3] === '' ? undefined : Number(q[3]);
          if (max !== undefined && max < min) this.reject('repeatOutOfOrder', { repetition: q[0] });
          if (min > MAX_REPEAT || (max ?? 0) > MAX_REPEAT) {
            this.reject('repeatTooLarge', { repetition: q[0], limit: MAX_REPEAT });
          }
          this.out += q[0];
          this.i += q[0].length;
          this.quantifierSuffix();
          canRepeat = false;
          break;
        }
        case '}':
        case ']':
          this.out += '\\' + ch;
          this.i++;
          canRepeat = true;
          break;
        case '.':
          this.out += ECMA_DOT;
          this.i++;
          canRepeat = true;
          break;
        case '^':
        case '$':
          this.out += ch;
          this.i++;
          canRepeat = false;
          break;
        case '|':
          this.out += '|';
          this.i++;
          canRepeat = false;
          break;
        default: {
          const cp = this.codePointHere();
          this.out += literal(cp);
          this.i += cp > 0xffff ? 2 : 1;
          canRepeat = true;
        }
      }
    }
    if (this.depth > 0) this.reject('unclosedGroup');
    return this.out;
  }

  private quantifierSuffix(): void {
    if (this.at() === '?') {
      this.out += '?';
      this.i++;
    } else if (this.at() === '+') {
      this.reject('possessive', { position: this.i });
    }
    const next = this.at();
    if (next === '*' || next === '+' || next === '?') {
      this.reject('nothingToRepeat', { token: next, position: this.i + 1 });
    }
  }

  private openGroup(): void {
    const rest = this.p.slice(this.i, this.i + 4);
    this.depth++;
    if (!rest.startsWith('(?')) {
      this.out += '(';
      this.i++;
      return;
    }
    const c2 = this.p[this.i + 2];
    const c3 = this.p[this.i + 3];
    if (c2 === ':') {
      this.out += '(?:';
      this.i += 3;
      return;
    }
    if (c2 === '=' || c2 === '!') this.reject('lookahead', { construct: `(?${c2}`, position: this.i + 1 });
    if (c2 === '<' && (c3 === '=' || c3 === '!')) {
      this.reject('lookbehind', { construct: `(?<${c3}`, position: this.i + 1 });
    }
    if (c2 === '<' || (c2 === 'P' && c3 === '<')) {
      const from = this.i + (c2 === '<' ? 3 : 4);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)>/.exec(this.p.slice(from, from + 200));
      if (!m) this.reject('badGroupName', { position: this.i + 1 });
      this.out += `(?P<${m[1]}>`;
      this.i = from + m[0].length;
      return;
    }
    if (c2 === "'") this.reject('quotedGroupName', { position: this.i + 1 });
    if (c2 === '>') this.reject('atomicGroup', { position: this.i + 1 });
    if (c2 === '#') this.reject('inlineComment', { position: this.i + 1 });
    if (c2 === '(') this.reject('conditional', { position: this.i + 1 });
    if (c2 === 'P' && (c3 === '=' || c3 === '>'))
      this.reject('recursion', { construct: `(?P${c3}`, position: this.i + 1 });
    if (c2 !== undefined && /[imnsx-]/.test(c2)) {
      this.reject('inlineOption', { position: this.i + 1 });
    }
    this.reject('unsupportedGroup', { construct: `(?${c2 ?? ''}`, position: this.i + 1 });
  }

  /** An escape outside a class. */
  private escape(): { text: string; repeatable: boolean } {
    const pos = this.i + 1;
    const c = this.p[this.i + 1];
    if (c === undefined) this.reject('loneBackslash');
    this.i += 2;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return { text: '\\' + c, repeatable: true };
      case 's':
        return { text: `[${ECMA_SPACE_CLASS_BODY}]`, repeatable: true };
      case 'S':
        return { text: `[^${ECMA_SPACE_CLASS_BODY}]`, repeatable: true };
      case 'b':
      case 'B':
        return { text: '\\' + c, repeatable: false };
      case 'A':
        return { text: '\\A', repeatable: false };
      case 'z':
      case 'Z':
        // .NET's \Z also allows a final newline before the end; Roster maps it to $ (expressions.md §7).
        return { text: '\\z', repeatable: false };
      case 'G':
        return this.reject('anchorG', { position: pos });
      case 'k':
        if (this.at() === '<' || this.at() === "'") {
          this.reject('namedBackreference', { position: pos });
        }
        return { text: 'k', repeatable: true };
      default: {
        if (c >= '1' && c <= '9') {
          this.reject('backreference', { construct: `\\${c}`, position: pos });
        }
        if (c === 'p' || c === 'P') return { text: this.unicodeProperty(c, pos), repeatable: true };
        const cp = this.charEscape(c);
        return { text: literal(cp), repeatable: true };
      }
    }
  }

  /** `\p{…}` as in .NET: categories and scripts work, .NET block names (IsGreek…) do not. */
  private unicodeProperty(c: string, pos: number): string {
    const m = /^\{([A-Za-z_]+)\}/.exec(this.p.slice(this.i, this.i + 64));
    if (!m) {
      // ECMAScript without the u flag reads \p as the letter p.
      return c;
    }
    const name = m[1] as string;
    if (name.startsWith('Is')) {
      this.reject('unicodeBlock', { construct: `\\${c}{${name}}`, position: pos });
    }
    this.i += m[0].length;
    return `\\${c}{${name}}`;
  }

  /**
   * Escapes that stand for one character: \t \n \r \f \v \0 \xHH \uHHHH \cX, and identity escapes (\@, \-, …).
   * this.i is just past the escaped character.
   */
  private charEscape(c: string): number {
    switch (c) {
      case 't':
        return 9;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 'f':
        return 12;
      case 'v':
        return 11;
      case '0':
        return 0;
      case 'x': {
        const h = /^[0-9A-Fa-f]{2}/.exec(this.p.slice(this.i, this.i + 2));
        if (!h) return 0x78;
        this.i += 2;
        return parseInt(h[0], 16);
      }
      case 'u': {
        const h = /^[0-9A-Fa-f]{4}/.exec(this.p.slice(this.i, this.i + 4));
        if (!h) return 0x75;
        this.i += 4;
        const unit = parseInt(h[0], 16);
        const low = /^\\u([Dd][C-Fc-f][0-9A-Fa-f]{2})/.exec(this.p.slice(this.i, this.i + 6));
        if (unit >= 0xd800 && unit <= 0xdbff && low) {
          this.i += 6;
          return 0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1] as string, 16) - 0xdc00);
        }
        return unit;
      }
      case 'c': {
        const letter = this.at();
        if (letter !== undefined && /[A-Za-z]/.test(letter)) {
          this.i++;
          return letter.charCodeAt(0) % 32;
        }
        // ECMAScript reads a \c without a letter as a backslash and a "c".
        this.i--;
        return 0x5c;
      }
      default: {
        const cp = c.codePointAt(0) ?? 0;
        if (cp > 0xffff) this.i++;
        return cp;
      }
    }
  }

  private charClass(): string {
    const start = this.i;
    this.i++;
    let negate = false;
    if (this.at() === '^') {
      negate = true;
      this.i++;
    }
    if (this.at() === ']') {
      this.i++;
      // ECMAScript: [] matches nothing and [^] matches any character.
      return negate ? '[\\x{0}-\\x{10FFFF}]' : '[^\\x{0}-\\x{10FFFF}]';
    }
    let body = '';
    for (;;) {
      if (this.i >= this.p.length) this.reject('unclosedClass', { position: start + 1 });
      if (this.at() === ']') {
        this.i++;
        break;
      }
      const first = this.classAtom();
      if (this.at() === '-' && this.at(1) !== ']' && this.at(1) !== undefined) {
        const save = this.i;
        this.i++;
        const second = this.classAtom();
        if ('single' in first && 'single' in second) {
          if (first.single > second.single) this.reject('classRangeOrder', { position: save });
          body += `${literal(first.single)}-${literal(second.single)}`;
          continue;
        }
        // Annex B: a range with a class escape at either end is the three items taken literally.
        body += this.atomText(first) + '\\-' + this.atomText(second);
        continue;
      }
      body += this.atomText(first);
    }
    return `[${negate ? '^' : ''}${body}]`;
  }

  private atomText(a: ClassAtom): string {
    return 'single' in a ? literal(a.single) : a.text;
  }

  private classAtom(): ClassAtom {
    const ch = this.at() as string;
    if (ch !== '\\') {
      const cp = this.codePointHere();
      this.i += cp > 0xffff ? 2 : 1;
      return { single: cp };
    }
    const pos = this.i + 1;
    const c = this.p[this.i + 1];
    if (c === undefined) this.reject('loneBackslash');
    this.i += 2;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return { text: '\\' + c };
      case 's':
        return { text: ECMA_SPACE_CLASS_BODY };
      case 'S':
        // RE2 cannot negate part of a class; its \S differs from ECMAScript's only for Unicode spaces.
        return { text: '\\S' };
      case 'b':
        return { single: 8 };
      case 'p':
      case 'P': {
        const text = this.unicodeProperty(c, pos);
        return text.length === 1 ? { single: text.charCodeAt(0) } : { text };
      }
      default:
        if (c >= '1' && c <= '9') {
          this.reject('octalInClass', { construct: `\\${c}`, position: pos });
        }
        return { single: this.charEscape(c) };
    }
  }
}

/** Translates; never throws. */
export function translatePattern(pattern: string): TranslateResult {
  let body = pattern;
  let caseInsensitive = false;
  if (body.startsWith('(?i)')) {
    caseInsensitive = true;
    body = body.slice(4);
  }
  try {
    return { ok: true, source: new Translator(body).run(), caseInsensitive };
  } catch (e) {
    if (e instanceof Reject) return { ok: false, message: e.message, problem: e.problem };
    throw e;
  }
}
