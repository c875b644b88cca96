import type { JobAlertKind, KnownAlertReason } from '@shared/domain/notifications';

/** The parameters every alert's sentences may use, already formatted for the catalogue's language. */
export interface AlertWords {
  job: string;
  source: string;
  target: string;
  /** The reason's short name (or the code itself when Roster has no words for it). */
  reason: string;
  /** Held-back disables and deletes, formatted (deletesHeldBack). */
  count: string;
  threshold: string;
}

/** A quarantine reason in words: a short name for subjects, what it means, and what to do about it. */
export interface ReasonText {
  short: string;
  words: string;
  action(w: AlertWords): string;
}

type Sentence = (w: AlertWords) => string;

/**
 * Everything an alert says, per language. Messages are built from the event's codes and parameters
 * with these functions, so a language is one more catalogue and nothing else.
 */
export interface AlertCatalog {
  /** The Intl locale dates and numbers are formatted in. */
  locale: string;
  subject: Record<JobAlertKind, Sentence>;
  heading: Record<JobAlertKind, Sentence>;
  /** The opening sentences: what happened and what it means for provisioning. */
  summary: Record<JobAlertKind, Sentence>;
  reasons: Record<KnownAlertReason, ReasonText>;
  unknownReason(code: string): ReasonText;
  /** What to do, where it does not depend on the reason alone. */
  actions: {
    recovered: string;
    disabled(reasonAction: string): string;
  };
  labels: {
    job: string;
    source: string;
    target: string;
    reason: string;
    /** The reason a recovered job had been in quarantine for. */
    recoveredFrom: string;
    detail: string;
    heldBack: string;
    threshold: string;
    failed: string;
    referenceFailed: string;
    succeeded: string;
    quarantineBegan: string;
    nextAttempt: string;
    nextCycle: string;
    at: string;
    whatToDo: string;
  };
  /** The next-attempt line when the event gives no time, per situation. */
  nextAttempt: {
    notScheduled: string;
    heldBack: string;
    disabled: string;
  };
  /** The line under every alert: why the reader got it and how to stop it. */
  footer: string;
  test: {
    subject: string;
    heading: string;
    body(server: string): string;
  };
}
