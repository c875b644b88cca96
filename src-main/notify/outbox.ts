import { nextRetryAt } from './retry-schedule';
import type { Timers } from './timers';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** How logs name the message ("quarantine alert for job HR → Slack"). */
  label: string;
}

export interface NotifyLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

interface Entry {
  mail: OutgoingMail;
  failures: number;
  firstAttemptAt: number;
  sending: boolean;
  cancelTimer: (() => void) | null;
}

export interface Outbox {
  /** Queues a message and tries it at once, in the background: the caller never waits for SMTP. */
  enqueue(mail: OutgoingMail): void;
  /** Tries every waiting message now (the admin just fixed the SMTP settings). */
  retryNow(): void;
  /** Messages not sent yet (waiting for a retry or being sent). */
  pending(): number;
  /** Resolves when no send is in flight. */
  idle(): Promise<void>;
  /** Cancels the retries; returns how many messages were left unsent. */
  close(): number;
}

/**
 * Alert emails, sent in the background and retried with backoff (1, 5, 30 minutes, then hourly, for up
 * to a day). A failure is logged, never thrown: an unreachable mail server must not stop a cycle.
 */
export function createOutbox(deps: {
  /** Sends, or answers 'dropped' when email was turned off since the message was queued. */
  send(mail: OutgoingMail): Promise<'sent' | 'dropped'>;
  clock: () => Date;
  timers: Timers;
  logger: NotifyLogger;
}): Outbox {
  const entries = new Set<Entry>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  function schedule(entry: Entry, error: unknown): void {
    const now = deps.clock().getTime();
    const message = error instanceof Error ? error.message : String(error);
    const at = nextRetryAt(entry.failures, entry.firstAttemptAt, now);
    if (at === null) {
      entries.delete(entry);
      deps.logger.error(
        `Gave up sending the ${entry.mail.label} after ${entry.failures} attempts over a day: ${message}`,
      );
      return;
    }
    deps.logger.warn(
      `Could not send the ${entry.mail.label} (attempt ${entry.failures}): ${message}. ` +
        `Trying again at ${new Date(at).toISOString()}.`,
    );
    entry.cancelTimer = deps.timers.after(at - now, () => attempt(entry));
  }

  function attempt(entry: Entry): void {
    if (closed || entry.sending || !entries.has(entry)) return;
    entry.cancelTimer?.();
    entry.cancelTimer = null;
    entry.sending = true;
    const run = deps
      .send(entry.mail)
      .then(
        (outcome) => {
          entries.delete(entry);
          deps.logger.info(
            outcome === 'sent'
              ? `Sent the ${entry.mail.label} to ${entry.mail.to.join(', ')}.`
              : `Dropped the ${entry.mail.label}: email alerts were turned off.`,
          );
        },
        (error: unknown) => {
          entry.failures += 1;
          if (!closed) schedule(entry, error);
        },
      )
      .finally(() => {
        entry.sending = false;
        inFlight.delete(run);
      });
    inFlight.add(run);
  }

  return {
    enqueue(mail) {
      if (closed) return;
      const entry: Entry = {
        mail,
        failures: 0,
        firstAttemptAt: deps.clock().getTime(),
        sending: false,
        cancelTimer: null,
      };
      entries.add(entry);
      attempt(entry);
    },
    retryNow() {
      for (const entry of entries) attempt(entry);
    },
    pending: () => entries.size,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close() {
      closed = true;
      for (const entry of entries) entry.cancelTimer?.();
      const unsent = entries.size;
      entries.clear();
      return unsent;
    },
  };
}
