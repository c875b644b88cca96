import type { JobAlertEvent, JobAlertKind } from '@shared/domain/notifications';

/**
 * What Roster last told about one job (by email and desktop notification alike). Kept per job and
 * stored, so that a restart of Roster does not tell the same quarantine twice.
 */
export interface JobAlertState {
  /** The quarantine reason last told; null when the job is not in quarantine as far as anyone was told. */
  reason: string | null;
  /** When the quarantine that was told began (the event's `quarantineBegan`), when known. */
  began: string | null;
  /** The job was told to be Disabled (28 days in quarantine). */
  disabled: boolean;
}

export const quietState: JobAlertState = { reason: null, began: null, disabled: false };

export interface AlertDecision {
  /** Tell (email and desktop) or stay quiet. */
  notify: boolean;
  /**
   * The kind the message speaks of. A second "entered quarantine" with another reason in the same
   * quarantine is told as a change of reason.
   */
  kind: JobAlertKind;
  next: JobAlertState;
}

function reasonOf(event: JobAlertEvent): string {
  return event.kind === 'deletesHeldBack' ? 'TooManyDeletes' : (event.reason ?? 'Unknown');
}

/** A quarantine that began at another time than the one told is a new one, even with the same reason. */
function isNewQuarantine(state: JobAlertState, event: JobAlertEvent): boolean {
  return state.began !== null && event.quarantineBegan !== undefined && state.began !== event.quarantineBegan;
}

function entered(state: JobAlertState, event: JobAlertEvent): AlertDecision {
  const reason = reasonOf(event);
  const began = event.quarantineBegan ?? null;
  const fresh = state.disabled || state.reason === null || isNewQuarantine(state, event);
  const next: JobAlertState = { reason, began: fresh ? began : (state.began ?? began), disabled: false };
  if (fresh) return { notify: true, kind: event.kind, next };
  if (state.reason === reason) return { notify: false, kind: event.kind, next };
  // Same quarantine, another reason (§10.3: "if the reason changes … a new email is sent").
  return {
    notify: true,
    kind: event.kind === 'deletesHeldBack' ? 'deletesHeldBack' : 'quarantineReasonChanged',
    next,
  };
}

/**
 * The delivery rules of §16 as a pure function of what was told before and what happened now: tell
 * when a job enters quarantine, again only when the reason changes, once when deletes are held back,
 * once when it recovers, once when it becomes Disabled. Nothing else raises an alert (single object
 * failures have no event at all).
 */
export function decideAlert(state: JobAlertState, event: JobAlertEvent): AlertDecision {
  switch (event.kind) {
    case 'quarantineEntered':
    case 'quarantineReasonChanged':
    case 'deletesHeldBack':
      return entered(state, event);
    case 'recovered':
      // Nothing was told, so there is nothing to take back.
      if (state.reason === null && !state.disabled) return { notify: false, kind: event.kind, next: state };
      return { notify: true, kind: event.kind, next: quietState };
    case 'disabled':
      if (state.disabled) return { notify: false, kind: event.kind, next: state };
      return {
        notify: true,
        kind: event.kind,
        next: { reason: event.reason ?? state.reason, began: state.began, disabled: true },
      };
  }
}
