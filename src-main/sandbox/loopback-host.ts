import { isIP } from 'node:net';
import { refusal } from '@shared/domain/error-messages';

/**
 * The sandbox holds test accounts and answers to a bearer token, but it is still a server: it serves
 * this computer only. Returns the address to bind and the host to put in URLs.
 */
export function loopbackBindAddress(host: string): { bind: string; urlHost: string } {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return { bind: '127.0.0.1', urlHost: '127.0.0.1' };
  if (bare === '::1') return { bind: '::1', urlHost: '[::1]' };
  if (isIP(bare) === 4 && bare.startsWith('127.')) return { bind: bare, urlHost: bare };
  throw refusal('invalidInput', 'sandboxNotLoopback', { host }, { host });
}
