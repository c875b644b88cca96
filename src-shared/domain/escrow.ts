import type { LogMessage } from './log-messages';
import type { ObjectType } from './schema';

/** How a failure was classified where it arose (provisioning-behaviour.md §9.1). */
export type EscrowErrorClass = 'transient' | 'permanent' | 'credential';

/** One object waiting for a retry, as the job page and the errors report show it (§9.2). */
export interface EscrowView {
  objectType: ObjectType;
  anchor: string;
  displayName: string;
  /** A failed manager or membership write of an object whose own write landed. */
  isReference: boolean;
  errorClass: EscrowErrorClass;
  errorCode: string;
  errorMessage: string;
  /** The error under its log message code, when the engine wrote it so (the app translates it). */
  errorText?: LogMessage;
  firstFailure: string;
  lastAttempt: string;
  attempts: number;
  /**
   * When it is tried again if nothing changes in the source: in the next cycle, in the first cycle
   * at or after an ISO time, or never (28 days passed: only a source change or a restart retries it).
   */
  nextRetry: { kind: 'nextCycle' } | { kind: 'at'; at: string } | { kind: 'never' };
  expired: boolean;
  /** The admin asked for a retry in the next cycle. */
  retryNow: boolean;
}
