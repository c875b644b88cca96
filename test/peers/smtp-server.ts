/**
 * A real SMTP server for tests (smtp-server from npm) on 127.0.0.1 at a free port: plain, STARTTLS or
 * implicit TLS, optionally with AUTH, and a switch that makes it refuse every message with a temporary
 * error. Received messages are parsed with mailparser, so tests check what a mail client would show.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { makeTempDirFor } from './temp';

export interface TestCertificates {
  /** The CA that signed the server certificate: configure this one and verification passes. */
  ca: string;
  cert: string;
  key: string;
  /** A CA that signed nothing here: configure it and verification must fail. */
  otherCa: string;
}

/** A throwaway CA and a certificate for 127.0.0.1 / localhost signed by it, made with the system openssl. */
export function makeTestCertificates(): TestCertificates {
  const dir = makeTempDirFor('roster-smtp-certs-');
  try {
    const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
    const file = (name: string) => join(dir.path, name);
    const newCa = (name: string, cn: string) =>
      run(
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${cn}`].concat([
          '-keyout',
          file(`${name}-key.pem`),
          '-out',
          file(`${name}.pem`),
        ]),
      );
    newCa('ca', 'Roster test SMTP CA');
    newCa('other-ca', 'Some other CA');
    run(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('key.pem'), '-out', file('server.csr')].concat(
        ['-subj', '/CN=127.0.0.1'],
      ),
    );
    writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    run(
      ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem')].concat(
        ['-CAcreateserial', '-days', '1', '-out', file('cert.pem'), '-extfile', file('server.ext')],
      ),
    );
    const read = (name: string) => readFileSync(file(name), 'utf8');
    return {
      ca: read('ca.pem'),
      cert: read('cert.pem'),
      key: read('key.pem'),
      otherCa: read('other-ca.pem'),
    };
  } finally {
    dir.remove();
  }
}

export interface SmtpPeerOptions {
  tls: 'none' | 'starttls' | 'implicit';
  /** Required for starttls and implicit. */
  certificates?: TestCertificates;
  /** AUTH required with these credentials (only after TLS, as real servers do). */
  auth?: { user: string; pass: string };
}

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface SmtpPeer {
  host: string;
  port: number;
  received: ReceivedMail[];
  /** How many messages were refused while failing. */
  refused: number;
  /** While true every message is refused with 451 (a temporary failure, as a server under load). */
  setFailing(failing: boolean): void;
  stop(): Promise<void>;
}

export async function startSmtpPeer(options: SmtpPeerOptions): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  let failing = false;
  let refused = 0;
  const tlsOptions: Partial<SMTPServerOptions> = options.certificates
    ? { key: options.certificates.key, cert: options.certificates.cert }
    : {};
  const server = new SMTPServer({
    ...tlsOptions,
    secure: options.tls === 'implicit',
    // A plain server that really has no TLS (hideSTARTTLS alone still answers the command).
    disabledCommands: [...(options.tls === 'none' ? ['STARTTLS'] : []), ...(options.auth ? [] : ['AUTH'])],
    authOptional: options.auth === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      if (expected && auth.username === expected.user && auth.password === expected.pass) {
        callback(null, { user: auth.username });
        return;
      }
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      if (failing) {
        refused += 1;
        stream.resume();
        stream.on('end', () => {
          const error = new Error('Try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
        });
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that refuses our certificate drops the connection: the server reports it as an error
  // event, which is what the test wants to happen, not a crash.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The SMTP peer has no port');
  return {
    host: '127.0.0.1',
    port: address.port,
    received,
    get refused() {
      return refused;
    },
    setFailing(next) {
      failing = next;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
