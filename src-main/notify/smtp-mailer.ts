import { isIP } from 'node:net';
import { rootCertificates, type ConnectionOptions } from 'node:tls';
import type { SmtpSettings } from '@shared/domain/notifications';

export interface MailToSend {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Timeouts short enough that a dead server is noticed, long enough for a slow relay. */
const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}

/** TLS options: verification always on; a custom CA adds to the system's roots rather than replacing them. */
export function smtpTlsOptions(smtp: SmtpSettings): ConnectionOptions {
  const host = bareHost(smtp.host);
  const ca = smtp.caCertificate?.trim();
  return {
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    // SNI must not be an IP address (RFC 6066); the certificate is still checked against the IP.
    ...(isIP(host) === 0 ? { servername: host } : {}),
    ...(ca ? { ca: [...rootCertificates, ca] } : {}),
  };
}

/**
 * Sends one message through the configured server and closes the connection (alerts are rare; a
 * pool would only hold a socket open). Rejects with nodemailer's error; smtp-problems.ts words it.
 */
export async function sendSmtpMail(
  smtp: SmtpSettings,
  password: string | null,
  mail: MailToSend,
): Promise<void> {
  // Loaded when a mail is sent: alerts are rare, and every `roster` command would pay for it at start-up.
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: bareHost(smtp.host),
    port: smtp.port,
    // implicit: TLS from the first byte; starttls: upgrade or fail; none: never upgrade, so that an
    // unverifiable certificate offered by a plain relay cannot fail a send the admin chose plain for.
    secure: smtp.tls === 'implicit',
    requireTLS: smtp.tls === 'starttls',
    ignoreTLS: smtp.tls === 'none',
    tls: smtpTlsOptions(smtp),
    // With a user configured, always log in: a server that does not offer AUTH fails clearly
    // instead of accepting mail the admin believed authenticated.
    ...(smtp.user ? { auth: { user: smtp.user, pass: password ?? '' }, forceAuth: true } : {}),
    ...timeouts,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({
      from: { name: 'Roster', address: smtp.from },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } finally {
    transport.close();
  }
}
