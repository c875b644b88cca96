import {
  defaultSmtpPorts,
  notificationSettingsSaveSchema,
  type NotificationSettingsSave,
  type NotificationSettingsView,
  type SmtpTlsMode,
} from '@shared/domain/notifications';
import { fieldProblemOf, type FieldProblem } from '@shared/domain/validation-issue-codes';
import type { Language } from '@shared/domain/settings';

/** The alerts form as the admin edits it: strings as typed, the password as a secret draft. */
export interface AlertsDraft {
  emailEnabled: boolean;
  host: string;
  port: number | null;
  tls: SmtpTlsMode;
  caCertificate: string;
  user: string;
  from: string;
  /** A new password to store, or "remove the stored one"; never the stored value. */
  password: { value: string; clear: boolean };
  emailLanguage: Language;
  desktop: boolean;
}

export function draftFrom(view: NotificationSettingsView): AlertsDraft {
  const smtp = view.smtp;
  return {
    emailEnabled: smtp !== null,
    host: smtp?.host ?? '',
    port: smtp?.port ?? defaultSmtpPorts.starttls,
    tls: smtp?.tls ?? 'starttls',
    caCertificate: smtp?.caCertificate ?? '',
    user: smtp?.user ?? '',
    from: smtp?.from ?? '',
    password: { value: '', clear: false },
    emailLanguage: view.emailLanguage,
    desktop: view.desktop,
  };
}

/** Picking a TLS mode moves the port along when it still holds another mode's usual port. */
export function withTls(draft: AlertsDraft, tls: SmtpTlsMode): AlertsDraft {
  const usualPorts = Object.values(defaultSmtpPorts);
  const port = draft.port === null || usualPorts.includes(draft.port) ? defaultSmtpPorts[tls] : draft.port;
  return { ...draft, tls, port };
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** What `notifications.saveSettings` receives: empty inputs are absent, the password only when changed. */
export function toSaveInput(draft: AlertsDraft): NotificationSettingsSave {
  const base = { emailLanguage: draft.emailLanguage, desktop: draft.desktop };
  if (!draft.emailEnabled) return { ...base, smtp: null };
  const user = optional(draft.user);
  const caCertificate = draft.tls === 'none' ? undefined : optional(draft.caCertificate);
  const input: NotificationSettingsSave = {
    ...base,
    smtp: {
      host: draft.host.trim(),
      port: draft.port ?? 0,
      tls: draft.tls,
      from: draft.from.trim(),
      ...(user ? { user } : {}),
      ...(caCertificate ? { caCertificate } : {}),
    },
  };
  if (draft.password.clear) input.password = null;
  else if (draft.password.value !== '' && user) input.password = draft.password.value;
  return input;
}

/** Field problems found before sending (the schema the app checks with), keyed by path (`smtp.host`). */
export function validateAlertsDraft(draft: AlertsDraft): Record<string, FieldProblem> {
  const parsed = notificationSettingsSaveSchema.safeParse(toSaveInput(draft));
  const problems: Record<string, FieldProblem> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const problem = fieldProblemOf(issue);
      problems[problem.path] ??= problem;
    }
  }
  return problems;
}

/** Whether the form differs from what is saved (the test email uses the saved settings). */
export function isDirty(draft: AlertsDraft, saved: NotificationSettingsView): boolean {
  return JSON.stringify(toSaveInput(draft)) !== JSON.stringify(toSaveInput(draftFrom(saved)));
}
