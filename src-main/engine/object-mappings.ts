import type { AttributeMapping, ObjectMapping } from '@shared/domain/jobs';
import type { ModifiedProperty } from '@shared/domain/provisioning';
import type { TargetValue } from '@shared/domain/schema';
import type { SourceObject } from '../connectors/connector';
import type { CycleContext } from './cycle-context';
import { displayValue } from './target-values';

/** The attributes expressions see: the source's, plus the virtual ones (§2.4). */
export function sourceAttributesFor(object: SourceObject, inScope: boolean): Record<string, unknown> {
  return { objectId: object.anchor, ...object.attributes, IsSoftDeleted: !inScope };
}

/** Mappings that write plain attributes (references and group members have phases of their own). */
export function attributeMappings(
  ctx: Pick<CycleContext, 'evaluator'>,
  mapping: ObjectMapping,
): AttributeMapping[] {
  return mapping.attributeMappings.filter((m) => {
    if (m.target === 'members') return false;
    return ctx.evaluator.schemaFor(m.target)?.type !== 'Reference';
  });
}

export function referenceMappings(
  ctx: Pick<CycleContext, 'evaluator'>,
  mapping: ObjectMapping,
): AttributeMapping[] {
  return mapping.attributeMappings.filter(
    (m) => m.target !== 'members' && ctx.evaluator.schemaFor(m.target)?.type === 'Reference',
  );
}

export function matchingMappings(mapping: ObjectMapping): AttributeMapping[] {
  return mapping.attributeMappings
    .filter((m) => m.matchingPriority > 0)
    .sort((a, b) => a.matchingPriority - b.matchingPriority);
}

export function targetPaths(ctx: Pick<CycleContext, 'evaluator'>, mapping: ObjectMapping): string[] {
  return [...new Set(attributeMappings(ctx, mapping).map((m) => m.target))];
}

export function readsSoftDeleted(mapping: ObjectMapping): boolean {
  return mapping.attributeMappings.some((m) => m.source.includes('IsSoftDeleted'));
}

export function redactable(
  path: string,
  oldValue: TargetValue,
  newValue: TargetValue,
  redacted: boolean,
): ModifiedProperty {
  return redacted
    ? { displayName: path, oldValue: '[Redact]', newValue: '[Redact]' }
    : { displayName: path, oldValue: displayValue(oldValue), newValue: displayValue(newValue) };
}

export function isInactive(value: TargetValue | undefined): boolean {
  return value === false || String(value).toLowerCase() === 'false';
}
