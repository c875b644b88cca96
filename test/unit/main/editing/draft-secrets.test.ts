import { describe, expect, it } from 'vitest';
import { RosterError } from '@shared/domain/errors';
import {
  assertNoSecrets,
  looksLikeSecretKey,
  secretKeyPaths,
} from '../../../../src-main/app/editing/draft-secrets';

describe('secrets in a wizard draft', () => {
  it('recognises secret-looking keys however they are written', () => {
    for (const key of [
      'password',
      'bindPassword',
      'bind_password',
      'clientSecret',
      'BearerToken',
      'api-key',
      'secrets',
      'privateKey',
    ])
      expect(looksLikeSecretKey(key), key).toBe(true);
  });

  it('leaves ordinary wizard keys alone', () => {
    for (const key of [
      'source',
      'target',
      'sourceTest',
      'config',
      'tokenUrl',
      'secretIds',
      'passwordPolicy',
      'assignmentLabels',
    ])
      expect(looksLikeSecretKey(key), key).toBe(false);
  });

  it('names every place, through arrays and odd keys', () => {
    expect(
      secretKeyPaths(
        {
          connections: [{ name: 'App', token: 'x' }],
          'odd key': { clientSecret: '' },
          config: { name: 'Job' },
        },
        'data',
      ),
    ).toEqual(['data.connections[0].token', 'data["odd key"].clientSecret']);
  });

  it('refuses with invalidInput and one issue per place', () => {
    let caught: unknown;
    try {
      assertNoSecrets({ target: { password: 'hunter2' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RosterError);
    const error = caught as RosterError;
    expect(error.code).toBe('invalidInput');
    expect(error.message).not.toContain('hunter2');
    expect(error.details).toEqual({
      issues: [{ path: 'data.target.password', message: 'Looks like a secret: drafts never hold secrets' }],
      said: { code: 'draftHoldsSecret', params: { paths: 'data.target.password' } },
    });
    expect(() => assertNoSecrets({ source: 'HR', step: 3 })).not.toThrow();
  });
});
