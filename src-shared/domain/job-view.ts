import type { ConnectionTestResult } from './connection-test';
import type { JobConfig } from './jobs';
import type { CycleSummary } from './provisioning';

export type JobStatusCode = 'NotRun' | 'Active' | 'Paused' | 'Quarantine' | 'Disabled';

export interface JobView {
  id: string;
  name: string;
  sourceConnection: { id: string; name: string; kind: string };
  targetConnection: { id: string; name: string; kind: string };
  status: JobStatusCode;
  quarantine: { reason: string; since: string; detail: string } | null;
  /** The next cycle is an initial one (no watermark). */
  nextCycleInitial: boolean;
  linkedUsers: number;
  linkedGroups: number;
  stagedDeletes: number;
  running: boolean;
  lastCycle: CycleSummary | null;
  updatedAt: string;
}

export interface JobDetail extends JobView {
  config: JobConfig;
}

export type { ConnectionTestResult };
