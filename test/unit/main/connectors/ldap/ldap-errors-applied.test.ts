import { describe, expect, it } from 'vitest';
import { toConnectorError } from '../../../../../src-main/connectors/ldap/ldap-errors';

class FakeResultError extends Error {
  constructor(readonly code: number) {
    super(`result ${code}`);
  }
}

function systemError(code: string): Error {
  return Object.assign(new Error(`boom ${code}`), { code });
}

describe('LDAP errors: mayHaveApplied on writes whose outcome is unknown', () => {
  it.each([
    ['add', new Error('Connection closed before message response was received'), true],
    ['modify', new Error('ModifyRequest: Operation timed out'), true],
    ['modifyDN', systemError('ECONNRESET'), true],
    ['delete', new Error('something odd'), true],
    ['modify', systemError('ECONNREFUSED'), false],
    ['add', systemError('ENOTFOUND'), false],
    ['add', systemError('SELF_SIGNED_CERT_IN_CHAIN'), false],
    ['modify', new FakeResultError(51), false],
    ['add', new FakeResultError(68), false],
    ['search', new Error('SearchRequest: Operation timed out'), false],
    ['bind', new Error('Connection closed'), false],
  ])('%s failing with %s → %s', (operation, error, applied) => {
    const converted = toConnectorError(error, { operation, dn: 'cn=a,dc=x' });
    expect(converted.info.mayHaveApplied === true).toBe(applied);
  });
});
