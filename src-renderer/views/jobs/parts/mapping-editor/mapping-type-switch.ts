import { parseWithDiagnostics, quoteString } from '@shared/expressions';
import type { AttributeMapping } from '@shared/domain/jobs';

export type MappingType = AttributeMapping['type'];

/** What the admin typed for each type in this dialog, so switching away and back loses nothing. */
export type TypedSources = Partial<Record<MappingType, string>>;

/** `[name]` and nothing else: the expression a Direct mapping stands for. */
function bareAttribute(expression: string): string | null {
  const { tree, diagnostics } = parseWithDiagnostics(expression);
  if (!tree || diagnostics.some((d) => d.severity === 'error')) return null;
  return tree.kind === 'attribute' ? tree.name : null;
}

/** `"text"` and nothing else: the expression a Constant mapping stands for. */
function bareString(expression: string): string | null {
  const { tree, diagnostics } = parseWithDiagnostics(expression);
  if (!tree || diagnostics.some((d) => d.severity === 'error')) return null;
  return tree.kind === 'string' ? tree.value : null;
}

/** The source a new type starts from when nothing was typed for it yet: the old one carried over when it means the same. */
function carriedSource(from: MappingType, to: MappingType, source: string): string {
  if (source === '') return '';
  if (to === 'Expression' && from === 'Direct') return `[${source}]`;
  if (to === 'Expression' && from === 'Constant') return quoteString(source);
  if (to === 'Direct' && from === 'Expression') return bareAttribute(source) ?? '';
  if (to === 'Constant' && from === 'Expression') return bareString(source) ?? '';
  return '';
}

/**
 * A mapping switched to another type (Entra's Direct / Constant / Expression / None). The target,
 * default value and when it applies stay; the source is what was typed for that type before, or the
 * old source when it says the same thing (Direct `mail` ↔ Expression `[mail]`), else empty. Constant
 * and None mappings cannot match objects (every object would "match" the same account, or nothing is
 * sent to match on), so switching to them turns matching off; `typed` remembers the old source.
 */
export function switchMappingType(
  mapping: AttributeMapping,
  to: MappingType,
  typed: TypedSources,
): { mapping: AttributeMapping; typed: TypedSources } {
  if (mapping.type === to) return { mapping, typed };
  const remembered: TypedSources = { ...typed, [mapping.type]: mapping.source };
  const source = to === 'None' ? '' : (typed[to] ?? carriedSource(mapping.type, to, mapping.source));
  const matches = to === 'Constant' || to === 'None' ? 0 : mapping.matchingPriority;
  return {
    mapping: { ...mapping, type: to, source, matchingPriority: matches },
    typed: remembered,
  };
}

/** Whether a mapping of this type can be a matching attribute. */
export function canMatch(type: MappingType): boolean {
  return type === 'Direct' || type === 'Expression';
}
