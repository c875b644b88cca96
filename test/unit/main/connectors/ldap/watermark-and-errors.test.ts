import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../../src-main/connectors/connector';
import { networkKind, toConnectorError } from '../../../../../src-main/connectors/ldap/ldap-errors';
import { digestWith, SettledSet } from '../../../../../src-main/connectors/ldap/settled-set';
import { decodeWatermark, encodeWatermark } from '../../../../../src-main/connectors/ldap/watermark';

class FakeResultError extends Error {
  constructor(readonly code: number) {
    super(`result ${code}`);
  }
}

describe('watermark', () => {
  it('round-trips, and refuses anything else', () => {
    const mark = {
      by: 'usn' as const,
      position: '12345',
      server: 'CN=NTDS Settings,CN=DC1',
      objects: 10,
      cutoff: '12345',
      settled: 9,
      digest: '00000000000000ff',
      deltas: 2,
    };
    expect(decodeWatermark(encodeWatermark(mark))).toEqual(mark);
    expect(decodeWatermark(null)).toBeNull();
    expect(decodeWatermark('full@2024-01-01T00:00:00Z')).toBeNull();
    expect(decodeWatermark('sha256:abc')).toBeNull();
    expect(decodeWatermark('ldap:{"by":"other"}')).toBeNull();
    expect(decodeWatermark('ldap:{not json')).toBeNull();
  });
});

describe('settled set', () => {
  it('gives the same digest for the same anchors in any order, another after a deletion', () => {
    const a = new SettledSet();
    const b = new SettledSet();
    ['x', 'y', 'z'].forEach((anchor) => a.add(anchor));
    ['z', 'x', 'y'].forEach((anchor) => b.add(anchor));
    expect(a.digest()).toBe(b.digest());
    const less = new SettledSet();
    ['x', 'y'].forEach((anchor) => less.add(anchor));
    expect(less.digest()).not.toBe(a.digest());
    // Adding the deleted anchors back (AD's show-deleted answer) restores the earlier digest.
    expect(digestWith(less.digest(), ['z'])).toBe(a.digest());
  });
});

describe('LDAP result codes → error classes', () => {
  it.each([
    [49, 'stopCycle', 'InvalidCredentials'],
    [32, 'notFound', 'InvalidAnchor'],
    [68, 'objectRejected', 'EntryConflict'],
    [51, 'transient', 'ServerBusy'],
    [52, 'transient', 'ServerBusy'],
    [19, 'objectRejected', 'ConstraintViolation'],
    [65, 'objectRejected', 'ObjectClassViolation'],
    [4, 'stopCycle', 'SizeLimitExceeded'],
    [50, 'stopCycle', 'InsufficientRights'],
    [8, 'stopCycle', 'ConfidentialityRequired'],
  ])('result code %i → %s %s', (code, errorClass, name) => {
    const error = toConnectorError(new FakeResultError(code), { operation: 'modify', dn: 'cn=a,dc=x' });
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ errorClass, code: name, info: { status: code } });
    expect(error.message).toContain('cn=a,dc=x');
  });

  it('makes every failure of a source read stop the cycle', () => {
    expect(toConnectorError(new FakeResultError(51), { operation: 'search', read: true }).errorClass).toBe(
      'stopCycle',
    );
  });

  it('tells network failures apart', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(networkKind(refused)).toBe('refused');
    expect(networkKind(new Error('SearchRequest: Operation timed out'))).toBe('timeout');
    expect(networkKind(Object.assign(new Error('self-signed'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }))).toBe(
      'tls',
    );
    expect(toConnectorError(refused, { operation: 'bind' })).toMatchObject({
      errorClass: 'transient',
      code: 'ConnectionFailed',
    });
    expect(
      toConnectorError(new Error('Connection closed before message response was received'), {
        operation: 'search',
      }).errorClass,
    ).toBe('transient');
  });
});
