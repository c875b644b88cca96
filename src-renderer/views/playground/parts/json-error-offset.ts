const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * Where a JSON text first goes wrong, as an offset (text.length: it ends too early). Engines word and place
 * JSON.parse errors differently (Chromium often names no position), so the playground finds the place itself.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  let failedAt = text.length;
  const fail = (): false => {
    failedAt = i;
    return false;
  };
  const skipSpace = (): void => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  };

  function string(): boolean {
    i++;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return true;
      }
      if (c < ' ') return fail();
      if (c === '\\') {
        const next = text.charAt(i + 1);
        if (next === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
        else if (ESCAPES.has(next)) i += 2;
        else {
          i++;
          return fail();
        }
        continue;
      }
      i++;
    }
    return fail();
  }

  function number(): boolean {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return fail();
    i += match[0].length;
    return true;
  }

  function members(close: '}' | ']'): boolean {
    i++;
    skipSpace();
    if (text.charAt(i) === close) {
      i++;
      return true;
    }
    for (;;) {
      skipSpace();
      if (close === '}') {
        if (text.charAt(i) !== '"') return fail();
        if (!string()) return false;
        skipSpace();
        if (text.charAt(i) !== ':') return fail();
        i++;
      }
      if (!value()) return false;
      skipSpace();
      const c = text.charAt(i);
      if (c === ',') i++;
      else if (c === close) {
        i++;
        return true;
      } else return fail();
    }
  }

  function value(): boolean {
    skipSpace();
    const c = text.charAt(i);
    if (c === '{') return members('}');
    if (c === '[') return members(']');
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    return fail();
  }

  try {
    if (!value()) return failedAt;
  } catch {
    // Nesting deep enough to exhaust the stack: no better place to name than the end.
    return text.length;
  }
  skipSpace();
  return i < text.length ? i : text.length;
}
