import { refusal } from '@shared/domain/error-messages';

/**
 * The file that holds a secret in a credentials directory: the secret's id with each `/` turned into
 * a `.`. So `connection/<connection id>/bearerToken` is read from `connection.<connection id>.bearerToken`
 * and the SMTP password (`notifications/smtp/password`) from `notifications.smtp.password`.
 * Ids are made by Roster (a UUID and a field name), so the result is always a plain file name that
 * systemd accepts as a credential name; anything else is refused rather than mapped to a path.
 */
export function secretFileName(secretId: string): string {
  const name = secretId.split('/').join('.');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(name) || name.includes('..'))
    throw refusal('invalidInput', 'secretIdUnmappable', { id: secretId });
  return name;
}
