/**
 * Alerts (issue 9 item 7, provisioning-behaviour.md §16): the SMTP settings, the job events that
 * raise an email and a desktop notification, and what crosses the contract about them. The SMTP
 * password never appears here: it lives in the keychain, and views carry only whether it is set.
 */
import { z } from 'zod';
import { isLoopbackHost, type SecretState } from './connections';
import { languageSchema, type Language } from './settings';
import { strictObject } from './strict-input';

export const smtpTlsModes = ['none', 'starttls', 'implicit'] as const;
export type SmtpTlsMode = (typeof smtpTlsModes)[number];

/** The port an admin most likely means for each TLS mode (the form suggests it). */
export const defaultSmtpPorts: Record<SmtpTlsMode, number> = { none: 25, starttls: 587, implicit: 465 };

const hostName = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(253)
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[?[0-9A-Fa-f:.]+\]?)$/,
    {
      message: 'Enter a host name or an IP address, without a scheme or a port',
    },
  );

const emailAddress = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ message: 'Enter an email address such as alerts@example.com' }));

const pem = z
  .string()
  .trim()
  .max(100_000)
  .refine((v) => v === '' || v.includes('-----BEGIN CERTIFICATE-----'), {
    message: 'Paste a PEM certificate (it starts with -----BEGIN CERTIFICATE-----)',
    params: { code: 'pemCertificate' },
  })
  .optional();

function isLoopback(host: string): boolean {
  return isLoopbackHost(host) || host === '::1';
}

/**
 * How Roster reaches the mail server. Certificate verification is always on (ARCHITECTURE.md §6); a
 * custom CA is trusted in addition to the system's roots.
 */
export const smtpSettingsSchema = strictObject({
  host: hostName,
  port: z.number().int().min(1).max(65_535),
  tls: z.enum(smtpTlsModes),
  caCertificate: pem,
  /** The SMTP user; its password is in the keychain. No user: no AUTH (a relay that trusts the host). */
  user: z.string().trim().max(320).optional(),
  /** The sender address of every alert. */
  from: emailAddress,
}).superRefine((smtp, ctx) => {
  // Like plain http (§6): a password travels unencrypted only to this computer.
  if (smtp.tls === 'none' && smtp.user && !isLoopback(smtp.host)) {
    ctx.addIssue({
      code: 'custom',
      path: ['tls'],
      message: 'A user name and password are never sent unencrypted: choose STARTTLS or implicit TLS',
      params: { code: 'smtpCredentialsNeedTls' },
    });
  }
  if (smtp.tls === 'none' && smtp.caCertificate) {
    ctx.addIssue({
      code: 'custom',
      path: ['caCertificate'],
      message: 'A CA certificate is used only with STARTTLS or implicit TLS',
      params: { code: 'smtpCaNeedsTls' },
    });
  }
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

const settingsShape = {
  /** null: no email. §16: without SMTP, Roster shows desktop notifications only. */
  smtp: smtpSettingsSchema.nullable().default(null),
  /** The language of alert emails (recipients need not read the admin's UI language). */
  emailLanguage: languageSchema.default('en'),
  /** Desktop notifications (Electron) or Web Notifications (browser mode) for the same events. */
  desktop: z.boolean().default(true),
};

export const notificationSettingsSchema = strictObject(settingsShape);
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const defaultNotificationSettings: NotificationSettings = {
  smtp: null,
  emailLanguage: 'en',
  desktop: true,
};

/** What the renderer sees: the settings, and of the password only whether the keychain holds one. */
export interface NotificationSettingsView extends NotificationSettings {
  password: SecretState;
}

/**
 * `notifications.saveSettings`: the whole settings block, and the password as a secret field — a
 * string stores it in the keychain, null removes it, absent leaves it as it is.
 */
export const notificationSettingsSaveSchema = strictObject({
  ...settingsShape,
  password: z.string().min(1).max(1000).nullable().optional(),
}).superRefine((input, ctx) => {
  if (typeof input.password === 'string' && !input.smtp?.user) {
    ctx.addIssue({
      code: 'custom',
      path: ['password'],
      message: 'A password needs a user name',
      params: { code: 'passwordNeedsUserName' },
    });
  }
});
export type NotificationSettingsSave = z.input<typeof notificationSettingsSaveSchema>;

export const testEmailInputSchema = strictObject({ to: emailAddress });

/**
 * Why a send failed, so the renderer can say it in the admin's language: `notConfigured` (no SMTP
 * settings), `connection` (refused, DNS, unreachable), `timeout`, `tls` (no STARTTLS, handshake),
 * `certificate` (not trusted, wrong name, expired), `auth` (user or password refused, or missing),
 * `rejected` (the server refused the sender, a recipient or the message), `other`.
 */
export const smtpProblemCodes = [
  'notConfigured',
  'connection',
  'timeout',
  'tls',
  'certificate',
  'auth',
  'rejected',
  'other',
] as const;
export type SmtpProblemCode = (typeof smtpProblemCodes)[number];

export interface TestEmailResult {
  ok: boolean;
  /** One sentence: "Sent to … through …" or what went wrong and what to change. */
  summary: string;
  problem?: { code: SmtpProblemCode; message: string };
}

/** The job events that are worth telling someone about (§16); single object failures are not. */
export const jobAlertKinds = [
  'quarantineEntered',
  'quarantineReasonChanged',
  'recovered',
  'deletesHeldBack',
  'disabled',
] as const;
export type JobAlertKind = (typeof jobAlertKinds)[number];

/**
 * The quarantine reasons alerts explain in words (§10.1, and the shorter codes the job view uses).
 * Any other code is still sent, with the code and its detail.
 */
export const knownAlertReasons = [
  'EncounteredQuarantineException',
  'EncounteredEscrowProportionThreshold',
  'EncounteredBaseEscrowThreshold',
  'EncounteredTotalEscrowThreshold',
  'TooManyDeletes',
  'CredentialsInvalid',
  'TargetUnreachable',
  'EscrowThreshold',
] as const;
export type KnownAlertReason = (typeof knownAlertReasons)[number];

export function isKnownAlertReason(reason: string): reason is KnownAlertReason {
  return (knownAlertReasons as readonly string[]).includes(reason);
}

/** Counts an alert may report; each is optional and shown only when given. */
export interface JobAlertCounts {
  /** Disables and deletes held back by the deletion threshold (§11). */
  heldBack?: number;
  /** Objects with an open non-reference escrow entry (F in §10.2). */
  failed?: number;
  /** Open reference escrow entries (R in §10.2). */
  referenceFailed?: number;
  /** In-scope linked objects whose last action succeeded (S in §10.2). */
  succeeded?: number;
}

/**
 * What the scheduler and the engine's outcome tell the notifier. Send every transition; the
 * notifier's policy decides what is worth an email (a repeated quarantine with the same reason is not).
 */
export interface JobAlertEvent {
  kind: JobAlertKind;
  jobId: string;
  jobName: string;
  /** The source and target connections' names, as the admin named them. */
  sourceName: string;
  targetName: string;
  /** The quarantine reason code (§10.1); for `deletesHeldBack` it is TooManyDeletes. */
  reason?: string;
  /** What Roster saw, in words ("401 Unauthorized from https://…/Users"). */
  detail?: string;
  counts?: JobAlertCounts;
  /** The deletion threshold that was exceeded (`deletesHeldBack`). */
  threshold?: number;
  /** ISO time of the next attempt (quarantine), if one is scheduled. */
  nextAttemptAt?: string;
  /**
   * ISO time this quarantine series began (§10.3 `seriesBegan`): a quarantine entered again with the
   * same reason but a different beginning is a new quarantine, and is told again.
   */
  quarantineBegan?: string;
  /** ISO time of the event. */
  at: string;
}

/** A desktop notification, ready to show; browser mode receives it as the `notifications.desktop` event. */
export interface DesktopNotice {
  kind: JobAlertKind;
  jobId: string;
  title: string;
  body: string;
  at: string;
}

export type { Language };
