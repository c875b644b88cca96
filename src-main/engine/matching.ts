import type { ObjectMapping } from '@shared/domain/jobs';
import type { SourceObject, TargetObjectState } from '../connectors/connector';
import type { CycleContext } from './cycle-context';
import { matchingMappings, targetPaths } from './object-mappings';
import { ObjectFailure } from './object-failure';
import { say, type LogText } from '@shared/domain/log-messages';

/** `description` is the English sentence; `message` the same under its code (log in the admin's language). */
export type MatchResult =
  | {
      kind: 'matched';
      object: TargetObjectState;
      description: string;
      message?: LogText;
      details: Record<string, string>;
    }
  | { kind: 'none'; description: string; message?: LogText; details: Record<string, string> }
  | { kind: 'disputed'; description: string; message?: LogText; details: Record<string, string> }
  | { kind: 'noValue'; description: string; message?: LogText };

function told(message: LogText): { description: string; message: LogText } {
  return { description: message.text, message };
}

/** The matching values of an object, in priority order (§4 steps 1–2); empty values are left out. */
export async function matchingLookups(
  ctx: Pick<CycleContext, 'evaluator'>,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
): Promise<{ path: string; value: string }[]> {
  const lookups: { path: string; value: string }[] = [];
  for (const m of matchingMappings(mapping)) {
    const outcome = await ctx.evaluator.evaluate(m, source, 'create');
    if (outcome.kind === 'error') throw new ObjectFailure(outcome.code, outcome.text);
    if (outcome.kind !== 'send' || outcome.value === '' || Array.isArray(outcome.value)) continue;
    lookups.push({ path: m.target, value: String(outcome.value) });
  }
  return lookups;
}

/** §4: query the target on each matching value in priority order; the first hit decides. */
export async function findByLookups(
  ctx: CycleContext,
  type: SourceObject['type'],
  lookups: readonly { path: string; value: string }[],
  paths: readonly string[],
): Promise<Exclude<MatchResult, { kind: 'noValue' }>> {
  const details: Record<string, string> = {};
  for (const { path, value } of lookups) {
    const found = await ctx.target.find(type, path, value, paths);
    details[`${path} eq "${value}"`] = `${found.length} found`;
    if (found.length === 1 && found[0]) {
      return {
        kind: 'matched',
        object: found[0],
        ...told(say('matchFound', { targetId: found[0].id, path, value })),
        details,
      };
    }
    if (found.length > 1) {
      return {
        kind: 'disputed',
        ...told(say('matchDisputed', { count: found.length, path, value })),
        details,
      };
    }
  }
  return { kind: 'none', ...told(say('matchNone')), details };
}

export async function findMatch(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
): Promise<MatchResult> {
  if (matchingMappings(mapping).length === 0)
    return {
      kind: 'none',
      ...told(say('matchNoAttributes')),
      details: {},
    };
  const lookups = await matchingLookups(ctx, mapping, source);
  if (lookups.length === 0)
    return {
      kind: 'noValue',
      ...told(say('matchNoValue')),
    };
  return findByLookups(ctx, object.type, lookups, targetPaths(ctx, mapping));
}
