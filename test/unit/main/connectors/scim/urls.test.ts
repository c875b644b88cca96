import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../../src-main/connectors/connector';
import { parseServiceUrl, resourceTarget, resourceUrl } from '../../../../../src-main/connectors/scim/urls';

describe('tenant URLs', () => {
  it('keeps the path and the query string of the tenant URL (§17.1)', () => {
    const base = parseServiceUrl('https://app.example.com/scim/v2/?aadOptscim062020', 'The tenant URL');
    expect(resourceUrl(base, ['Users'])).toBe('https://app.example.com/scim/v2/Users?aadOptscim062020');
    expect(resourceUrl(base, ['Users', 'a/b c'], [['attributes', 'id']])).toBe(
      'https://app.example.com/scim/v2/Users/a%2Fb%20c?aadOptscim062020&attributes=id',
    );
    expect(base.display).toBe('app.example.com/scim/v2');
  });

  it('gives undici the origin and path that parsing the whole URL back would give', () => {
    // The request no longer goes through `new URL`: what it sends must be what that parse made.
    const tenants = [
      'https://app.example.com/scim/v2/?aadOptscim062020',
      'https://App.Example.com:8443/scim/v2',
      'http://127.0.0.1:3000/',
      'http://[::1]:3000/api/scim/v2/?tenant=a%20b&x=1',
      'https://example.com',
    ];
    const requests: [string[], [string, string][]][] = [
      [['Users'], []],
      [['Users', 'a/b c', 'ü'], [['attributes', 'id,userName']]],
      [
        ['Groups'],
        [
          ['filter', 'displayName eq "R&D ‘Ops’ <all> #1"'],
          ['startIndex', '1'],
        ],
      ],
      [['Users', "o'brien!*()"], [['excludedAttributes', 'members']]],
    ];
    for (const tenant of tenants) {
      const base = parseServiceUrl(tenant, 'The tenant URL');
      for (const [segments, parameters] of requests) {
        const target = resourceTarget(base, segments, parameters);
        const parsed = new URL(resourceUrl(base, segments, parameters));
        expect(target).toEqual({ origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` });
      }
    }
  });

  it('allows plain http only for loopback hosts', () => {
    for (const ok of [
      'http://localhost:8080/scim',
      'http://127.0.0.1/scim',
      'http://127.9.9.9/',
      'http://[::1]:3000/',
    ]) {
      expect(() => parseServiceUrl(ok, 'The tenant URL')).not.toThrow();
    }
    expect(() => parseServiceUrl('http://scim.example.com/', 'The tenant URL')).toThrow(
      expect.objectContaining({ errorClass: 'stopCycle', code: 'InsecureUrl' }),
    );
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => parseServiceUrl('not a url', 'The tenant URL')).toThrow(ConnectorError);
    expect(() => parseServiceUrl('ftp://example.com/', 'The tenant URL')).toThrow(
      expect.objectContaining({ code: 'InvalidUrl' }),
    );
  });
});
