import { clip } from '../coerce';
import { said, saidRegex } from '../evaluation-messages';
import { compileRegex, groupIndex, type CompiledRegex } from '../regex';
import { regexExtractGroup, regexReplace, regexReplaceGroup } from '../regex-replace';
import type { Frame, FunctionImpl } from './frame';
import { REPLACE_MODES_HELP, replaceMode } from './replace-mode';

function regex(f: Frame, pattern: string): CompiledRegex {
  const compiled = compileRegex(pattern);
  if (!compiled.ok) f.fail(saidRegex(compiled.problem), 2);
  return compiled.regex;
}

function group(f: Frame, re: CompiledRegex, name: string): number {
  const index = groupIndex(re, name);
  if (index === undefined) f.fail(said('evalNoSuchGroup', { group: clip(name) }), 3);
  return index;
}

export const REPLACE_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  Replace: {
    evaluate(f: Frame) {
      const mode = replaceMode((i) => f.filled(i));
      if (mode === undefined) f.fail(said('evalReplaceMode', { help: REPLACE_MODES_HELP }));
      if (mode === 'fallback') {
        const source = f.string(0);
        const pattern = f.string(2);
        const groupName = f.string(3);
        const fallback = f.string(5);
        // The source wins whenever it has a value; no regex is applied to it.
        if (source !== null && source !== '') return source;
        if (pattern === null || groupName === null || fallback === null) return null;
        const re = regex(f, pattern);
        return regexExtractGroup(re, fallback, group(f, re, groupName));
      }
      const source = f.string(0);
      if (mode === 'literal' || mode === 'template') {
        const oldValue = f.string(1);
        const other = f.string(mode === 'literal' ? 4 : 6);
        if (source === null || oldValue === null || other === null) return null;
        if (oldValue === '') f.fail(said('evalOldValueEmpty'), 1);
        return mode === 'literal' ? source.split(oldValue).join(other) : other.split(oldValue).join(source);
      }
      const pattern = f.string(2);
      const groupName = mode === 'group' ? f.string(3) : '';
      const replacement = f.string(4);
      if (source === null || pattern === null || groupName === null || replacement === null) return null;
      const re = regex(f, pattern);
      if (mode === 'regex') return regexReplace(re, source, replacement);
      return regexReplaceGroup(re, source, group(f, re, groupName), replacement);
    },
  },
};
