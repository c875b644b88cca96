import type { SmtpProblemCode, SmtpSettings } from '@shared/domain/notifications';

export interface SmtpProblem {
  code: SmtpProblemCode;
  /** What went wrong and what to change, in one or two sentences (English, for logs and the UI's detail). */
  message: string;
}

interface MailerError {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

const certificateWords =
  /certificate|self[- ]signed|unable to verify|altnames|CERT_|DEPTH_ZERO|UNABLE_TO_GET_ISSUER/i;

/**
 * nodemailer's error as a problem an admin can act on. The server's own words follow, because they
 * are often the most precise clue ("535 5.7.8 Authentication credentials invalid").
 */
export function describeSmtpProblem(error: unknown, smtp: SmtpSettings): SmtpProblem {
  const e = (typeof error === 'object' && error !== null ? error : {}) as MailerError;
  const code = typeof e.code === 'string' ? e.code : '';
  const response = typeof e.responseCode === 'number' ? e.responseCode : 0;
  const said = typeof e.message === 'string' ? e.message.trim() : String(error);
  const server = `${smtp.host}:${smtp.port}`;

  if (certificateWords.test(said)) {
    return {
      code: 'certificate',
      message:
        `The certificate of ${server} is not trusted (${said}). If the server uses a certificate from your own ` +
        'CA, paste that CA certificate; check also that the host name is the one in the certificate.',
    };
  }
  if (code === 'ETLS') {
    return {
      code: 'tls',
      message: `${server} does not offer STARTTLS (${said}). Choose implicit TLS if it expects TLS from the start (usually port 465).`,
    };
  }
  if (/wrong version number|packet length too long|unknown protocol/i.test(said)) {
    return {
      code: 'tls',
      message: `${server} did not answer with TLS (${said}). It probably expects STARTTLS (usually port 587) rather than implicit TLS.`,
    };
  }
  if (code === 'EAUTH' || code === 'ENOAUTH' || response === 530) {
    return {
      code: 'auth',
      message: smtp.user
        ? `${server} refused the user ${smtp.user} and its password (${said}). Check both, and that the account may send mail.`
        : `${server} requires a user name and password (${said}). Enter them in the email settings.`,
    };
  }
  if (code === 'ETIMEDOUT') {
    const hint =
      smtp.tls === 'implicit'
        ? ''
        : ' If the server expects TLS from the start (usually port 465), choose implicit TLS.';
    return { code: 'timeout', message: `${server} did not answer in time (${said}).${hint}` };
  }
  if (
    code === 'ECONNECTION' ||
    code === 'EDNS' ||
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(said)
  ) {
    return {
      code: 'connection',
      message: `Could not connect to ${server} (${said}). Check the host name and port, and that this computer may reach it.`,
    };
  }
  if (code === 'EENVELOPE' || code === 'EMESSAGE' || response >= 400) {
    const temporary = response >= 400 && response < 500 ? ' The server says it is temporary.' : '';
    return {
      code: 'rejected',
      message: `${server} refused the message (${said}). Check the sender address ${smtp.from} and the recipients.${temporary}`,
    };
  }
  return { code: 'other', message: `Sending through ${server} failed: ${said}` };
}
