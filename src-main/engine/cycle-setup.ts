import type { ObjectMapping } from '@shared/domain/jobs';
import type { CycleCounters, CycleProgress } from '@shared/domain/provisioning';
import type { TargetSchemaAttribute } from '@shared/domain/schema';
import { ConnectorError, type TargetConnector } from '../connectors/connector';
import type { JobRecord } from '../store/jobs-repo';
import type { Store } from '../store/store';
import type { CycleContext } from './cycle-context';
import { loadCycleStateNow } from './load-cycle-state';
import { MappingEvaluator } from './mapping-evaluator';

/**
 * What a cycle works with before it reads anything: the job's mappings, the evaluator over the target
 * schema, the links and the previous source state. A scheduled cycle and a provision-on-demand run
 * (§13) start from the same context, so both decide, match, send and record alike.
 */
export interface CycleContextInit {
  job: JobRecord;
  cycleId: string;
  kind: CycleContext['kind'];
  dryRun: boolean;
  forceDeletes: boolean;
  initiatedBy: CycleContext['initiatedBy'];
  store: Store;
  target: TargetConnector;
  sourceName: string;
  targetName: string;
  mappings: CycleContext['mappings'];
  clock: () => Date;
  signal: AbortSignal;
  counters: CycleCounters;
  progress(update: Partial<Pick<CycleProgress, 'phase' | 'processed' | 'total'>>): void;
  /** The links and state a cycle read page by page (load-cycle-state.ts); read here at once when absent. */
  loaded?: Pick<CycleContext, 'links' | 'previousHashes'>;
}

export function createCycleContext(init: CycleContextInit): CycleContext {
  const { job, store, loaded, ...rest } = init;
  const { links, previousHashes } = loaded ?? loadCycleStateNow(store, job.id);
  return {
    ...rest,
    job,
    store,
    settings: job.config.settings,
    evaluator: new MappingEvaluator(schemaIndex(job.config.targetSchema)),
    users: new Map(),
    groups: new Map(),
    verdicts: new Map(),
    links,
    previousHashes,
    deprovision: [],
    deferredState: new Map(),
    openIntents: new Map(),
    unsettled: new Set(),
    claimedValues: new Set(),
    plan: [],
  };
}

/** The job's enabled Users mapping (required) and Groups mapping (optional). */
export function mappingsOf(job: JobRecord): CycleContext['mappings'] {
  const users = job.config.objectMappings.find((m) => m.sourceObject === 'User' && m.enabled);
  if (!users)
    throw new ConnectorError('stopCycle', 'NoUserMapping', 'The job has no enabled Users object mapping.');
  const groups = job.config.objectMappings.find((m) => m.sourceObject === 'Group' && m.enabled) ?? null;
  return { User: users, Group: groups };
}

export function schemaIndex(schema: readonly TargetSchemaAttribute[]): Map<string, TargetSchemaAttribute> {
  // Users and groups may both have e.g. displayName: the engine looks attributes up by path only,
  // and the first declaration wins (they agree on type in practice).
  const map = new Map<string, TargetSchemaAttribute>();
  for (const attribute of schema) if (!map.has(attribute.name)) map.set(attribute.name, attribute);
  return map;
}

/** The path the connection check (§17.2) queries: the first Users matching attribute. */
export function firstMatchingPath(mapping: ObjectMapping): string | undefined {
  return mapping.attributeMappings
    .filter((m) => m.matchingPriority > 0)
    .sort((a, b) => a.matchingPriority - b.matchingPriority)[0]?.target;
}
