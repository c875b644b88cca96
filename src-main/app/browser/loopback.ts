import { isIP } from 'node:net';

/**
 * Browser mode serves only this computer. Any other bind address would put the app, and the
 * credentials it can use, on the network.
 */
export function assertLoopbackBindAddress(host: string): string {
  if (host === 'localhost') return '127.0.0.1';
  if (host === '::1' || host === '[::1]') return '::1';
  if (isIP(host) === 4 && host.startsWith('127.')) return host;
  throw new Error(
    `Browser mode binds to this computer only (127.0.0.1 or ::1); refusing to listen on "${host}". ` +
      'To reach Roster from another machine, use an SSH tunnel to the loopback port.',
  );
}
