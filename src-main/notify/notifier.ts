import type {
  JobAlertEvent,
  JobAlertKind,
  NotificationSettings,
  SmtpSettings,
  TestEmailResult,
} from '@shared/domain/notifications';
import type { Language } from '@shared/domain/settings';
import { decideAlert } from './alert-policy';
import type { AlertStateStore } from './alert-state-store';
import type { DesktopNotifier } from './desktop';
import { buildAlertEmail, buildDesktopText, buildTestEmail } from './messages/messages';
import type { NotificationSettingsStore } from './notification-settings';
import { createOutbox, type NotifyLogger, type OutgoingMail } from './outbox';
import { sendSmtpMail, type MailToSend } from './smtp-mailer';
import { describeSmtpProblem, type SmtpProblem } from './smtp-problems';
import { realTimers, type Timers } from './timers';

/** Per job: who gets its alerts, and whether they want them (src-shared/domain/jobs.ts settings). */
export interface JobAlertRecipients {
  notificationEmail?: string | undefined;
  notifyOnFailure: boolean;
}

export interface NotifierOptions {
  settingsStore: NotificationSettingsStore;
  /** Only reads the SMTP password; the handlers write it. */
  vault: { get(secretId: string): Promise<string | null> };
  /** The job's recipients and on/off; null when the job no longer exists. */
  jobs: { recipients(jobId: string): JobAlertRecipients | null };
  alertState: AlertStateStore;
  logger: NotifyLogger;
  clock: () => Date;
  desktop: DesktopNotifier;
  /** The language of desktop notifications: the admin's own (emails have their own setting). */
  desktopLanguage: () => Language;
  timers?: Timers;
  /** IANA time zone of the times in messages; the computer's own when absent. */
  timeZone?: string;
  /** Masks secrets in text that leaves the process (a detail quoting a server's answer). */
  redact?: (text: string) => string;
}

export interface Notifier {
  /**
   * A job's state changed. Returns at once: the policy decides whether this is news, the desktop
   * notice is shown, and the email is sent in the background and retried if the server fails.
   */
  jobEvent(event: JobAlertEvent): void;
  /** The job was deleted or restarted: what was told about it no longer applies. */
  forgetJob(jobId: string): void;
  /** Sends one email now with the saved settings and says how it went (never throws for SMTP trouble). */
  sendTestEmail(to: string): Promise<TestEmailResult>;
  /** The settings changed: try waiting emails again now rather than at their next retry. */
  settingsChanged(): void;
  /** Emails queued or waiting for a retry. */
  pendingEmails(): number;
  /** Resolves when no send is in flight (tests; shutdown). */
  idle(): Promise<void>;
  close(): void;
}

/** A send that cannot start: the settings or the keychain are missing something. */
class SmtpSetupError extends Error {
  constructor(readonly problem: SmtpProblem) {
    super(problem.message);
  }
}

const kindWords: Record<JobAlertKind, string> = {
  quarantineEntered: 'quarantine alert',
  quarantineReasonChanged: 'quarantine reason alert',
  recovered: 'recovery notice',
  deletesHeldBack: 'held-back deletes alert',
  disabled: 'disabled-job alert',
};

function tlsWords(smtp: SmtpSettings): string {
  return smtp.tls === 'none' ? 'without TLS' : smtp.tls === 'starttls' ? 'with STARTTLS' : 'with TLS';
}

export function createNotifier(options: NotifierOptions): Notifier {
  const { settingsStore, logger, clock } = options;
  const redact = options.redact ?? ((text: string) => text);
  const formatting = options.timeZone ? { timeZone: options.timeZone } : {};

  async function passwordFor(smtp: SmtpSettings, secretId: string | null): Promise<string | null> {
    if (!smtp.user) return null;
    const password = secretId ? await options.vault.get(secretId) : null;
    if (password === null) {
      throw new SmtpSetupError({
        code: 'auth',
        message: `No password for the SMTP user ${smtp.user} is in the keychain: enter it in Settings, Email alerts.`,
      });
    }
    return password;
  }

  async function sendNow(mail: MailToSend): Promise<SmtpSettings | null> {
    const { settings, passwordSecretId } = settingsStore.get();
    if (!settings.smtp) return null;
    await sendSmtpMail(settings.smtp, await passwordFor(settings.smtp, passwordSecretId), mail);
    return settings.smtp;
  }

  const outbox = createOutbox({
    send: async (mail: OutgoingMail) => {
      try {
        return (await sendNow(mail)) ? 'sent' : 'dropped';
      } catch (error) {
        const smtp = settingsStore.get().settings.smtp;
        if (error instanceof SmtpSetupError || !smtp) throw error;
        throw new Error(describeSmtpProblem(error, smtp).message);
      }
    },
    clock,
    timers: options.timers ?? realTimers,
    logger,
  });

  function showOnDesktop(event: JobAlertEvent): void {
    try {
      const text = buildDesktopText(event, options.desktopLanguage(), formatting);
      options.desktop.show({ kind: event.kind, jobId: event.jobId, ...text, at: event.at });
    } catch (error) {
      logger.warn(`Could not show a desktop notification: ${String(error)}`);
    }
  }

  function queueEmail(event: JobAlertEvent, settings: NotificationSettings): void {
    const label = `${kindWords[event.kind]} for job "${event.jobName}"`;
    const job = options.jobs.recipients(event.jobId);
    if (!job) return;
    if (!job.notifyOnFailure) return; // the admin chose no email for this job
    if (!job.notificationEmail) {
      logger.info(`No email for the ${label}: the job has notifications on but no notification email.`);
      return;
    }
    if (!settings.smtp) {
      logger.info(`No email for the ${label}: no SMTP server is set up (Settings, Email alerts).`);
      return;
    }
    const body = buildAlertEmail(event, settings.emailLanguage, formatting);
    outbox.enqueue({ ...body, to: [job.notificationEmail], label });
  }

  return {
    jobEvent(event) {
      try {
        const decision = decideAlert(options.alertState.get(event.jobId), event);
        options.alertState.set(event.jobId, decision.next);
        if (!decision.notify) return;
        const told: JobAlertEvent = {
          ...event,
          kind: decision.kind,
          ...(event.detail !== undefined ? { detail: redact(event.detail) } : {}),
        };
        const { settings } = settingsStore.get();
        if (settings.desktop) showOnDesktop(told);
        queueEmail(told, settings);
      } catch (error) {
        // Alerts are a side road: whatever fails here must not reach the cycle that reported the event.
        logger.error(`Could not handle the alert for job "${event.jobName}": ${String(error)}`);
      }
    },
    forgetJob(jobId) {
      options.alertState.forget(jobId);
    },
    async sendTestEmail(to) {
      const { settings } = settingsStore.get();
      const smtp = settings.smtp;
      if (!smtp) {
        const message = 'Email is not set up: enter the SMTP server and save first.';
        return { ok: false, summary: message, problem: { code: 'notConfigured', message } };
      }
      const server = `${smtp.host}:${smtp.port}`;
      try {
        const body = buildTestEmail(server, clock(), settings.emailLanguage, formatting);
        await sendNow({ ...body, to: [to] });
        return { ok: true, summary: `Sent to ${to} through ${server} ${tlsWords(smtp)}.` };
      } catch (error) {
        const problem = error instanceof SmtpSetupError ? error.problem : describeSmtpProblem(error, smtp);
        return { ok: false, summary: problem.message, problem };
      }
    },
    settingsChanged: () => outbox.retryNow(),
    pendingEmails: () => outbox.pending(),
    idle: () => outbox.idle(),
    close() {
      const unsent = outbox.close();
      if (unsent > 0) logger.warn(`${unsent} alert emails were not sent before Roster stopped.`);
    },
  };
}
