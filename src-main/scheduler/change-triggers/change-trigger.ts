/**
 * A change trigger watches one started job's source and says when it changed, so the scheduler can
 * start a cycle at once instead of at the next interval (issue 9, fast deprovisioning: a leaver is
 * disabled in the target within a minute). A trigger only says "changed"; the cycle decides what
 * changed, so a false alarm costs one cheap incremental cycle and never a wrong write.
 */
import type { SourceWatch } from '@shared/domain/job-view';
import type { Timers } from '../time';

export interface ChangeTrigger {
  /** What the job page shows beside the next run. */
  readonly watch: SourceWatch;
  /** Stops watching: no onChange after the returned promise resolves. */
  close(): Promise<void>;
}

/**
 * What a trigger needs of a source connector: the optional fast-deprovisioning capabilities of
 * connector.ts's SourceConnector, restated here because the scheduler never imports connectors (the
 * app hands it the connector, which fits this shape).
 */
export interface WatchableSource {
  watchTargets?(): string[];
  pollChanges?(watermark: string | null, signal: AbortSignal): Promise<SourcePoll>;
  close?(): Promise<void>;
}

export interface SourcePoll {
  changed: boolean;
  by: 'usn' | 'csn' | 'timestamp';
}

export interface TriggerLog {
  warn(message: string): void;
}

export interface TriggerContext {
  timers: Timers;
  log: TriggerLog;
  /** The source changed: start a cycle (the scheduler ignores it for paused jobs). */
  onChange(): void;
  /** The job's watermark now (the last completed read's), for polls that compare against it. */
  watermark(): string | null;
}
