import type { JobSettings, ObjectMapping } from '@shared/domain/jobs';
import type { CycleCounters, CycleProgress, PlanItem } from '@shared/domain/provisioning';
import type { ObjectType } from '@shared/domain/schema';
import type { SourceObject, TargetConnector } from '../connectors/connector';
import type { JobRecord } from '../store/jobs-repo';
import type { LinkRecord } from '../store/links-repo';
import type { Store } from '../store/store';
import type { LinkLookup } from './job-links';
import type { CycleStepObserver } from './log-builder';
import type { MappingEvaluator } from './mapping-evaluator';
import type { MatchIndex } from './match-index';
import type { WriteBehind } from './write-behind';
import type { ScopeVerdict } from './scope';

/** A linked object leaving the target's care this cycle, decided in the deprovisioning phase (§8). */
export interface DeprovisionCandidate {
  objectType: ObjectType;
  anchor: string;
  displayName: string;
  link: LinkRecord;
  /** hardDeleted: gone from the source; the rest: left scope (§2.3). */
  reason: 'hardDeleted' | ScopeVerdict['reason'];
  detail: string;
  /** The source object, when it still exists (to record its state once handled). */
  object: SourceObject | null;
  stateHash: string | null;
}

export interface CycleContext {
  job: JobRecord;
  settings: JobSettings;
  cycleId: string;
  kind: 'initial' | 'incremental';
  dryRun: boolean;
  forceDeletes: boolean;
  initiatedBy: { type: 'system' | 'admin'; displayName: string };
  store: Store;
  target: TargetConnector;
  sourceName: string;
  targetName: string;
  mappings: { User: ObjectMapping; Group: ObjectMapping | null };
  evaluator: MappingEvaluator;
  clock: () => Date;
  signal: AbortSignal;
  counters: CycleCounters;
  users: Map<string, SourceObject>;
  groups: Map<string, SourceObject>;
  verdicts: Map<string, ScopeVerdict>;
  links: LinkLookup;
  /** Link key → the state hash recorded for the object at the last completed cycle. */
  previousHashes: Map<string, string>;
  deprovision: DeprovisionCandidate[];
  /**
   * State hashes waiting for a later phase (a user's manager, a group's members): recorded only
   * when the object's last write has landed (ARCHITECTURE.md §4).
   */
  deferredState: Map<string, string>;
  /** Intents of the writes in flight per object (link key → intent ids), finished by `record`. */
  openIntents: Map<string, number[]>;
  /** Objects with a write intent that recovery could not settle: left alone this cycle. */
  unsettled: Set<string>;
  /** Target values handed out in this cycle (SelectUniqueValue must not give one twice). */
  claimedValues: Set<string>;
  plan: PlanItem[];
  /** Outcomes and intents committed many objects per transaction (a cycle; on demand writes at once). */
  writes?: WriteBehind;
  /** The target's objects listed once for a phase with many objects to match (match-index.ts). */
  matchIndexes?: Map<ObjectType, MatchIndex>;
  /** Sees every log step as it is written: provision on demand streams them to the admin (§13). */
  observeStep?: CycleStepObserver;
  progress(update: Partial<Pick<CycleProgress, 'phase' | 'processed' | 'total'>>): void;
}

export class CycleCancelled extends Error {
  constructor() {
    super('The cycle was cancelled');
    this.name = 'CycleCancelled';
  }
}

export function throwIfCancelled(ctx: Pick<CycleContext, 'signal'>): void {
  if (ctx.signal.aborted) throw new CycleCancelled();
}
