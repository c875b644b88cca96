/**
 * Replace's modes (expressions.md §5 Replace), chosen by which optional slots are filled. Slot indexes:
 * 1 oldValue, 2 regexPattern, 3 regexGroupName, 4 replacementValue, 5 replacementAttributeName, 6 template.
 */
export type ReplaceMode = 'literal' | 'template' | 'regex' | 'group' | 'fallback';

const MODES: readonly { mode: ReplaceMode; slots: readonly number[] }[] = [
  { mode: 'literal', slots: [1, 4] },
  { mode: 'template', slots: [1, 6] },
  { mode: 'regex', slots: [2, 4] },
  { mode: 'group', slots: [2, 3, 4] },
  { mode: 'fallback', slots: [2, 3, 5] },
];

export function replaceMode(filled: (index: number) => boolean): ReplaceMode | undefined {
  const set = [1, 2, 3, 4, 5, 6].filter(filled);
  return MODES.find((m) => m.slots.length === set.length && m.slots.every((s, i) => set[i] === s))?.mode;
}

export const REPLACE_MODES_HELP =
  'fill oldValue + replacementValue, oldValue + template, regexPattern + replacementValue, ' +
  'regexPattern + regexGroupName + replacementValue, or regexPattern + regexGroupName + replacementAttributeName';
