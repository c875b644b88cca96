import { groupIndex, regexMatches, type CompiledRegex, type RegexMatch } from './regex';

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'group'; index: number }
  | { kind: 'before' }
  | { kind: 'after' }
  | { kind: 'lastGroup' }
  | { kind: 'input' };

/**
 * Reads a .NET replacement string (expressions.md §5 Replace, mode C): `$1`, `${name}`, `$$`, `$&`, `` $` ``,
 * `$'`, plus .NET's `$+` and `$_`. As in .NET, `$n` takes the longest run of digits that is still a group
 * number, and a reference to a group that does not exist stays literal text.
 */
export function parseReplacement(replacement: string, regex: CompiledRegex): Part[] {
  const parts: Part[] = [];
  let text = '';
  const emit = (part: Part): void => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push(part);
  };
  let i = 0;
  while (i < replacement.length) {
    const ch = replacement[i] as string;
    if (ch !== '$' || i + 1 >= replacement.length) {
      text += ch;
      i++;
      continue;
    }
    const next = replacement[i + 1] as string;
    if (next === '$') {
      text += '$';
      i += 2;
    } else if (next === '&') {
      emit({ kind: 'group', index: 0 });
      i += 2;
    } else if (next === '`') {
      emit({ kind: 'before' });
      i += 2;
    } else if (next === "'") {
      emit({ kind: 'after' });
      i += 2;
    } else if (next === '+') {
      emit({ kind: 'lastGroup' });
      i += 2;
    } else if (next === '_') {
      emit({ kind: 'input' });
      i += 2;
    } else if (next === '{') {
      const close = replacement.indexOf('}', i + 2);
      const name = close < 0 ? undefined : replacement.slice(i + 2, close);
      const index = name === undefined ? undefined : groupIndex(regex, name);
      if (index === undefined) {
        text += '$';
        i++;
      } else {
        emit({ kind: 'group', index });
        i = close + 1;
      }
    } else if (next >= '0' && next <= '9') {
      let j = i + 1;
      let value = 0;
      let best: { index: number; end: number } | undefined;
      while (j < replacement.length && /[0-9]/.test(replacement[j] as string) && value <= regex.groupCount) {
        value = value * 10 + Number(replacement[j]);
        j++;
        if (value <= regex.groupCount) best = { index: value, end: j };
      }
      if (best) {
        emit({ kind: 'group', index: best.index });
        i = best.end;
      } else {
        text += '$';
        i++;
      }
    } else {
      text += '$';
      i++;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

function expand(parts: readonly Part[], m: RegexMatch, input: string): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'group': {
        const g = m.groups[part.index];
        if (g) out += input.slice(g[0], g[1]);
        break;
      }
      case 'before':
        out += input.slice(0, m.start);
        break;
      case 'after':
        out += input.slice(m.end);
        break;
      case 'lastGroup': {
        const g = m.groups.length > 1 ? m.groups[m.groups.length - 1] : m.groups[0];
        if (g) out += input.slice(g[0], g[1]);
        break;
      }
      case 'input':
        out += input;
        break;
    }
  }
  return out;
}

/** Mode C: every match replaced by the expanded replacement. */
export function regexReplace(regex: CompiledRegex, input: string, replacement: string): string {
  const parts = parseReplacement(replacement, regex);
  let out = '';
  let last = 0;
  for (const m of regexMatches(regex, input)) {
    out += input.slice(last, m.start) + expand(parts, m, input);
    last = m.end;
  }
  return out + input.slice(last);
}

/** Mode D: in every match only the named group's text is replaced (literally); other matches stay. */
export function regexReplaceGroup(
  regex: CompiledRegex,
  input: string,
  group: number,
  replacement: string,
): string {
  let out = '';
  let last = 0;
  for (const m of regexMatches(regex, input)) {
    const g = m.groups[group];
    if (!g) continue;
    out += input.slice(last, g[0]) + replacement;
    last = g[1];
  }
  return out + input.slice(last);
}

/** Mode E: the text the group captured in the first match, or null. */
export function regexExtractGroup(regex: CompiledRegex, input: string, group: number): string | null {
  for (const m of regexMatches(regex, input)) {
    const g = m.groups[group];
    return g ? input.slice(g[0], g[1]) : null;
  }
  return null;
}
