import { describe, expect, it } from 'vitest';
import { redact, rememberSecret } from '../../../src-main/vault/redact';

describe('redact', () => {
  it('masks every secret the vault has handled', () => {
    rememberSecret('correct-horse-battery');
    expect(redact('bind failed for correct-horse-battery at ldap://dc1')).toBe(
      'bind failed for [redacted] at ldap://dc1',
    );
  });

  it('masks credential-shaped text it was never told about', () => {
    expect(redact('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig')).not.toContain('eyJhbGci');
    expect(redact('GET https://admin:hunter22@scim.example.com/Users')).toBe(
      'GET https://admin:[redacted]@scim.example.com/Users',
    );
    expect(redact('{"client_secret":"abcdef123456"}')).not.toContain('abcdef123456');
    expect(redact('password=swordfish&user=a')).toBe('password=[redacted]&user=a');
  });

  it('leaves ordinary text alone', () => {
    expect(redact('Created 12 users in Slack')).toBe('Created 12 users in Slack');
  });
});
