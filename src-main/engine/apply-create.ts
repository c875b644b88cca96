import type { AttributeMapping, ObjectMapping } from '@shared/domain/jobs';
import type { ModifiedProperty } from '@shared/domain/provisioning';
import type { TargetSchemaAttribute, TargetValue } from '@shared/domain/schema';
import { isConnectorError, type SourceObject, type TargetObjectState } from '../connectors/connector';
import type { CycleContext } from './cycle-context';
import type { LogBuilder } from './log-builder';
import { adopt, type ProcessOutcome } from './apply-update';
import { findByLookups, findMatch, matchingLookups } from './matching';
import { attributeMappings, redactable, targetPaths } from './object-mappings';
import { mayHaveApplied, ObjectFailure } from './object-failure';
import { plan } from './plan';
import { identityOf, keepIntent, sendWrite } from './record';
import { messageOf, say } from '@shared/domain/log-messages';

/** Creates sent again after an answer was lost and a lookup proved the object absent. */
const maxCreateAttempts = 3;

/** The values of a create request (§5.3 defaults, SelectUniqueValue), and what the log shows of them. */
async function buildCreateValues(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
): Promise<{ values: Record<string, TargetValue>; modified: ModifiedProperty[] }> {
  return createValues(ctx, attributeMappings(ctx, mapping), source, ctx.claimedValues, (path, candidate) =>
    ctx.target.find(object.type, path, candidate, []).then((found) => found.length > 0),
  );
}

/**
 * The values a create sends (§5.3), without I/O of its own: `inTarget` answers SelectUniqueValue's
 * "is this value taken in the target?" (a cycle asks the target; the impact view cannot and answers
 * from the values it has handed out). `claimed` holds the values handed out so far, so two creates
 * never get the same one.
 */
export async function createValues(
  ctx: Pick<CycleContext, 'evaluator'>,
  mappings: readonly AttributeMapping[],
  source: Record<string, unknown>,
  claimed: Set<string>,
  inTarget: ((path: string, candidate: string) => Promise<boolean>) | null,
): Promise<{ values: Record<string, TargetValue>; modified: ModifiedProperty[] }> {
  const values: Record<string, TargetValue> = {};
  const modified: ModifiedProperty[] = [];
  const unique = uniqueTargets(mappings);
  for (const m of mappings) {
    // The candidate is claimed before the target is asked, in the same tick as the check: two
    // creates running side by side must never both be told the same value is free.
    const isTaken = async (candidate: string): Promise<boolean> => {
      const key = `${m.target}\u0000${candidate.toLowerCase()}`;
      if (claimed.has(key)) return true;
      claimed.add(key);
      return inTarget ? inTarget(m.target, candidate) : false;
    };
    const outcome = await ctx.evaluator.evaluate(m, source, 'create', isTaken);
    if (outcome.kind === 'error') throw new ObjectFailure(outcome.code, outcome.text);
    let value: TargetValue = null;
    let redacted = false;
    if (outcome.kind === 'send') {
      value = outcome.value;
      redacted = outcome.redacted;
    } else if (outcome.kind === 'omit' && outcome.useDefault) {
      value = ctx.evaluator.defaultValue(m);
    }
    if (value === null || value === '') continue;
    values[m.target] = value;
    modified.push(redactable(m.target, null, value, redacted));
    if (typeof value === 'string' && unique.has(m.target))
      claimed.add(`${m.target}\u0000${value.toLowerCase()}`);
  }
  return { values, modified };
}

/**
 * The target attributes a SelectUniqueValue mapping writes: only their values need claiming. Claiming
 * every value of every create held about ten strings per user for the whole cycle (100,000 users: a
 * million keys). Function names are case-sensitive (ast.ts); a mention inside a string literal only
 * claims more than needed.
 */
function uniqueTargets(mappings: readonly AttributeMapping[]): ReadonlySet<string> {
  let targets: Set<string> | null = null;
  for (const m of mappings)
    if (m.type === 'Expression' && m.source.includes('SelectUniqueValue'))
      (targets ??= new Set()).add(m.target);
  return targets ?? noTargets;
}

const noTargets: ReadonlySet<string> = new Set();

/** The target's required attributes (§1) a create would leave without a value. */
export function missingRequired(
  targetSchema: readonly TargetSchemaAttribute[],
  objectType: SourceObject['type'],
  values: Readonly<Record<string, TargetValue>>,
): string[] {
  return targetSchema
    .filter(
      (a) =>
        a.objectType === objectType &&
        a.required &&
        !a.primaryKey &&
        a.type !== 'Reference' &&
        a.name !== 'members',
    )
    .filter((a) => values[a.name] === undefined)
    .map((a) => a.name);
}

function requireMandatory(
  ctx: CycleContext,
  object: SourceObject,
  values: Record<string, TargetValue>,
  log: LogBuilder,
): void {
  const missing = missingRequired(ctx.job.config.targetSchema, object.type, values);
  if (missing.length === 0) return;
  log.step('processing', 'failure', say('processRequiredMissing', { attributes: missing.join(', ') }));
  throw new ObjectFailure(
    'MandatoryFieldsMissing',
    say('errorRequiredMissing', { attributes: missing.join(', ') }),
    { recommendedAction: say('adviceRequiredMissing') },
  );
}

/**
 * §4 step 4: create the object. The POST runs behind a write-ahead intent that names the lookups
 * that would find it. When its answer is lost (timeout, 5xx, unreadable body, no id), the object is
 * looked up before anything is sent again: found once → it was created, and is linked as such;
 * not found → the create is sent again (at most `maxCreateAttempts` in all). A failed lookup keeps
 * the intent for the next cycle's recovery rather than risk a duplicate.
 */
export async function create(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
): Promise<ProcessOutcome> {
  const { values, modified } = await buildCreateValues(ctx, object, mapping, source);
  requireMandatory(ctx, object, values, log);
  log.step('processing', 'success', say('processCreateRequest', { count: Object.keys(values).length }));
  log.action = 'create';
  log.modified = modified;
  if (ctx.dryRun) {
    plan(ctx, object, {
      situation: 'unmatched',
      action: 'create',
      targetId: null,
      changes: modified,
      note: null,
    });
    ctx.counters.created++;
    return { result: 'created', link: null };
  }
  const lookups = await matchingLookups(ctx, mapping, source);
  let created: TargetObjectState | null = null;
  for (let attempt = 1; created === null; attempt++) {
    try {
      created = await sendWrite(ctx, identityOf(object), 'create', null, { lookups, values }, () =>
        ctx.target.create(object.type, values),
      );
    } catch (error) {
      if (isConnectorError(error) && error.code === 'EntryConflict') {
        return adoptAfterConflict(ctx, object, mapping, source, log, error.info.detail);
      }
      if (!mayHaveApplied(error) || lookups.length === 0) throw error;
      let found;
      try {
        found = await findByLookups(ctx, object.type, lookups, targetPaths(ctx, mapping));
      } catch (lookupError) {
        keepIntent(ctx, identityOf(object));
        throw lookupError;
      }
      if (found.kind === 'matched') {
        log.targetId = found.object.id;
        log.targetDisplayName = object.displayName;
        log.step(
          'export',
          'success',
          say('exportCreatedAnswerLost', {
            target: ctx.targetName,
            error: error instanceof Error ? error.message : String(error),
          }),
          { targetId: found.object.id, ...found.details },
        );
        ctx.counters.created++;
        return createdOutcome(ctx, object, found.object.id, values);
      }
      if (found.kind === 'disputed') {
        throw new ObjectFailure('DuplicateTargetEntries', found.description);
      }
      if (attempt >= maxCreateAttempts) throw error;
      log.step('export', 'warning', say('exportCreateResent'), found.details);
    }
  }
  log.targetId = created.id;
  log.targetDisplayName = object.displayName;
  log.step('export', 'success', say('exportCreated', { target: ctx.targetName }), { targetId: created.id });
  ctx.counters.created++;
  return createdOutcome(ctx, object, created.id, values);
}

function createdOutcome(
  ctx: CycleContext,
  object: SourceObject,
  targetId: string,
  values: Record<string, TargetValue>,
): ProcessOutcome {
  const now = ctx.clock().toISOString();
  return {
    result: 'created',
    link: {
      jobId: ctx.job.id,
      objectType: object.type,
      anchor: object.anchor,
      targetId,
      displayName: object.displayName,
      exported: values,
      active: values['active'] !== false,
      members: [],
      linkedAt: now,
      updatedAt: now,
    },
  };
}

/** Roster decision (§4): a 409 on create runs matching once more and adopts a single hit. */
async function adoptAfterConflict(
  ctx: CycleContext,
  object: SourceObject,
  mapping: ObjectMapping,
  source: Record<string, unknown>,
  log: LogBuilder,
  detail: string | undefined,
): Promise<ProcessOutcome> {
  const again = await findMatch(ctx, object, mapping, source);
  if (again.kind !== 'matched') {
    throw new ObjectFailure(
      'EntryConflict',
      `${ctx.targetName} refused the create as a duplicate, and no single existing object matches it.`,
      {
        ...(detail ? { additionalDetails: detail } : {}),
        recommendedAction: say('adviceEntryConflict'),
      },
    );
  }
  log.step(
    'matching',
    'success',
    again.message
      ? {
          ...say('matchAfterConflict', { lookup: messageOf(again.message) }),
          text: `The create was refused as a duplicate (409); ${again.description.toLowerCase()}`,
        }
      : `The create was refused as a duplicate (409); ${again.description.toLowerCase()}`,
    again.details,
  );
  return adopt(ctx, object, mapping, source, log, again.object);
}
