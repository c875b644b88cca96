import type { AccountActOutcome, AccountRow } from '@shared/domain/accounts';
import type { ObjectMapping } from '@shared/domain/jobs';
import type { ObjectType } from '@shared/domain/schema';
import { isConnectorError, type SourceConnector, type SourceObject } from '../../connectors/connector';
import type { JobRecord } from '../../store/jobs-repo';
import type { LinkRecord } from '../../store/links-repo';
import type { MappingEvaluator } from '../mapping-evaluator';
import { matchingLookups } from '../matching';
import { isInactive, matchingMappings, sourceAttributesFor } from '../object-mappings';
import { readWholeSource } from '../on-demand-source';
import { assignedUserAnchors, scopeObject, type ScopeVerdict } from '../scope';
import { done, refused, type AccountActionContext } from './account-outcome';
import { accountLog, recordedAsSuccess } from './account-log';
import { matchValuesOf } from './source-index';

/** The source as adoption checks it: the objects, their scope, and how their matching values are made. */
export interface AdoptionSource {
  objects: Record<ObjectType, ReadonlyMap<string, SourceObject>>;
  mappings: { User: ObjectMapping; Group: ObjectMapping | null };
  evaluator: MappingEvaluator;
  verdictOf(object: SourceObject): ScopeVerdict | null;
}

/** One read of the whole source for every account of the action (never one per account). */
export async function readSourceForAdoption(
  source: SourceConnector,
  job: JobRecord,
  mappings: AdoptionSource['mappings'],
  evaluator: MappingEvaluator,
): Promise<AdoptionSource> {
  const read = await readWholeSource(source, job, mappings.Group !== null, new AbortController().signal);
  const assigned = assignedUserAnchors(
    job.config.assignments,
    read.groups,
    read.users,
    job.config.settings.expandNestedGroups,
  );
  const assignedGroups = new Set(job.config.assignments.groups);
  return {
    objects: { User: read.users, Group: read.groups },
    mappings,
    evaluator,
    verdictOf(object) {
      const mapping = object.type === 'User' ? mappings.User : mappings.Group;
      if (!mapping) return null;
      return scopeObject(
        object,
        mapping,
        job.config.settings,
        object.type === 'User' ? assigned : assignedGroups,
      );
    },
  };
}

/**
 * Adopt (issue 12 item 5): link the account to the source object it matches, as matching does in a
 * cycle (§4 step 3, apply-update.ts `adopt`) — nothing is written to the target now. The object's
 * recorded source state is forgotten, so the next cycle processes it as linked and updates the
 * account to the mapped values; a delta watermark becomes a full read for that one cycle
 * (handled by the caller). Refused when anything the report said is no longer true.
 */
export async function adoptAccount(
  ctx: AccountActionContext,
  source: AdoptionSource,
  row: AccountRow,
): Promise<AccountActOutcome> {
  const { store, job, run } = ctx;
  const no = (refusal: Parameters<typeof refused>[3], message: string | null = null) =>
    refused(row.objectType, row.targetId, row, refusal, message);
  if (!row.source || row.accountClass === 'unmanaged') return no('noSourceMatch');
  if (row.note === 'severalSources') return no('severalSources');
  const mapping = row.objectType === 'User' ? source.mappings.User : source.mappings.Group;
  const object = source.objects[row.objectType].get(row.source.anchor);
  if (!object || !mapping) return no('sourceGone');
  const verdict = source.verdictOf(object);
  if (!verdict?.inScope) return no('outOfScope', verdict?.detail ?? null);
  if (store.links.get(job.id, row.objectType, object.anchor)) return no('sourceLinked');

  const paths = matchingMappings(mapping).map((m) => m.target);
  let account;
  try {
    account = await ctx.target.get(row.objectType, row.targetId, [...new Set([...paths, 'active'])]);
  } catch (error) {
    if (isConnectorError(error) && error.errorClass === 'notFound') return no('targetGone');
    return no('failed', error instanceof Error ? error.message : String(error));
  }
  // Still a match, as matching compares: one of the object's matching values is the account's.
  const lookups = await matchingLookups(
    { evaluator: source.evaluator },
    mapping,
    sourceAttributesFor(object, true),
  ).catch(() => []);
  const fold = (path: string, value: string) =>
    source.evaluator.schemaFor(path)?.caseExact ? value : value.toLowerCase();
  const hit = lookups.find(({ path, value }) =>
    matchValuesOf(account.values[path]).some((v) => fold(path, v) === fold(path, value)),
  );
  if (!hit) return no('noLongerMatches');

  const now = ctx.clock();
  const link: LinkRecord = {
    jobId: job.id,
    objectType: object.type,
    anchor: object.anchor,
    targetId: account.id,
    displayName: object.displayName,
    exported: {},
    active: !isInactive(account.values['active']),
    members: [],
    linkedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const log = accountLog(run, row, (first) => {
    first.step('import', 'success', `Read from the source`, { anchor: object.anchor });
    first.step('scoping', 'success', verdict.detail);
  });
  log.step(
    'processing',
    'success',
    `Linked to ${row.displayName} (${account.id}) on ${hit.path} = "${hit.value}" by ${run.initiatedBy.displayName}; the next cycle updates its attributes`,
    { messageCode: 'AccountDiscovery.adopted', [`${hit.path} eq "${hit.value}"`]: '1 found' },
  );
  log.step('export', 'skipped', 'Nothing is written to the target now', { reason: 'AdoptedForNextCycle' });
  store.transaction(() => {
    store.links.upsert(link);
    store.sourceState.deleteMany(job.id, [{ objectType: object.type, anchor: object.anchor }]);
    store.log.insertMany([recordedAsSuccess(log.build(now))]);
    store.accounts.decide(
      job.id,
      row.objectType,
      row.targetId,
      'adopted',
      now.toISOString(),
      run.initiatedBy.displayName,
    );
    store.accounts.updateRow(job.id, row.objectType, row.targetId, { accountClass: 'linked', note: null });
  });
  return done(row);
}
