import type { Database } from 'better-sqlite3';
import { migration001Initial } from './001-initial';
import { migration002Provisioning } from './002-provisioning';
import { migration003WriteSafety } from './003-write-safety';
import { migration004Scheduler } from './004-scheduler';
import { migration005Escrow } from './005-escrow';
import { migration006LogRetention } from './006-log-retention';
import { migration007Drafts } from './007-drafts';
import { migration008AccountDiscovery } from './008-account-discovery';
import { migration009LogSeqIndexes } from './009-log-seq-indexes';
import { migration010LogFilterIndexes } from './010-log-filter-indexes';
import { migration011PreviewJobs } from './011-preview-jobs';
import { migration012SourceStateEpochs } from './012-source-state-epochs';
import { migration013LogMessageCodes } from './013-log-message-codes';
import { migration014AccountDiscoveryRunner } from './014-account-discovery-runner';
import { migration015LogFlatCsv } from './015-log-flat-csv';
import { migration016EscrowMessageCodes } from './016-escrow-message-codes';
import { migration017PlainIntentIds } from './017-plain-intent-ids';

export interface Migration {
  /** user_version after this migration has run; migrations run in ascending order, each once. */
  version: number;
  name: string;
  up(db: Database): void;
}

/** Every migration, in order. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [
  migration001Initial,
  migration002Provisioning,
  migration003WriteSafety,
  migration004Scheduler,
  migration005Escrow,
  migration006LogRetention,
  migration007Drafts,
  migration008AccountDiscovery,
  migration009LogSeqIndexes,
  migration010LogFilterIndexes,
  migration011PreviewJobs,
  migration012SourceStateEpochs,
  migration013LogMessageCodes,
  migration014AccountDiscoveryRunner,
  migration015LogFlatCsv,
  migration016EscrowMessageCodes,
  migration017PlainIntentIds,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
