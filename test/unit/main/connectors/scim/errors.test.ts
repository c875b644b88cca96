import { describe, expect, it } from 'vitest';
import {
  errorFromNetwork,
  errorFromResponse,
  networkProblem,
  type HttpFailure,
} from '../../../../../src-main/connectors/scim/errors';

function failure(status: number, extra: Partial<HttpFailure> = {}): HttpFailure {
  return { method: 'PATCH', path: '/Users/u1', status, body: undefined, notFound: 'anchor', ...extra };
}

describe('errorFromResponse (§9.1)', () => {
  it.each([
    [400, 'objectRejected', 'UnprocessableEntity'],
    [401, 'stopCycle', 'Unauthorized'],
    [403, 'stopCycle', 'InsufficientRights'],
    [405, 'stopCycle', 'MethodNotAllowed'],
    [409, 'objectRejected', 'EntryConflict'],
    [422, 'objectRejected', 'UnprocessableEntity'],
    [429, 'transient', 'TooManyRequests'],
    [500, 'transient', 'InternalServerError'],
    [501, 'objectRejected', 'NotImplemented'],
    [502, 'transient', 'InternalServerError'],
    [503, 'transient', 'InternalServerError'],
    [504, 'transient', 'InternalServerError'],
    [302, 'stopCycle', 'SystemForCrossDomainIdentityManagementServiceIncompatible'],
  ])('maps HTTP %i to %s / %s', (status, errorClass, code) => {
    expect(errorFromResponse(failure(status))).toMatchObject({ errorClass, code, info: { status } });
  });

  it('maps 404 to InvalidAnchor on an object, and to a stop on an endpoint', () => {
    expect(errorFromResponse(failure(404))).toMatchObject({ errorClass: 'notFound', code: 'InvalidAnchor' });
    expect(errorFromResponse(failure(404, { notFound: 'endpoint' }))).toMatchObject({
      errorClass: 'stopCycle',
      code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    });
  });

  it('copies the SCIM Error detail and scimType', () => {
    const error = errorFromResponse(
      failure(409, {
        method: 'POST',
        path: '/Users',
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '409',
          scimType: 'uniqueness',
          detail: 'userName ann is taken',
        },
      }),
    );
    expect(error.info).toEqual({ status: 409, detail: 'userName ann is taken', scimType: 'uniqueness' });
    expect(error.message).toBe(
      'POST /Users answered HTTP 409 (a conflicting object already exists): userName ann is taken',
    );
  });

  it('keeps retryAfterMs for the engine', () => {
    expect(errorFromResponse(failure(429, { retryAfterMs: 5000 })).info.retryAfterMs).toBe(5000);
  });
});

describe('network failures', () => {
  function systemError(code: string): Error {
    return Object.assign(new Error(`boom ${code}`), { code });
  }

  it('classifies timeouts, TLS, refused and DNS failures, through cause chains', () => {
    expect(networkProblem(Object.assign(new Error('t'), { name: 'TimeoutError' })).problem).toBe('timeout');
    expect(networkProblem(systemError('UND_ERR_HEADERS_TIMEOUT')).problem).toBe('timeout');
    expect(networkProblem(systemError('DEPTH_ZERO_SELF_SIGNED_CERT')).problem).toBe('tls');
    expect(networkProblem(systemError('ERR_TLS_CERT_ALTNAME_INVALID')).problem).toBe('tls');
    expect(networkProblem(new Error('fetch failed', { cause: systemError('ECONNREFUSED') })).problem).toBe(
      'refused',
    );
    expect(networkProblem(systemError('ENOTFOUND')).problem).toBe('dns');
    expect(networkProblem(systemError('ECONNRESET')).problem).toBe('dropped');
    expect(networkProblem(new Error('x', { cause: systemError('UND_ERR_SOCKET') })).problem).toBe('dropped');
    expect(networkProblem('weird').problem).toBe('network');
  });

  it('makes every network failure transient, with Timeout for timeouts', () => {
    const on = (method: string, host = 'h') => ({ method, path: '/Users', host, changesTarget: true });
    expect(errorFromNetwork(systemError('ETIMEDOUT'), on('GET'))).toMatchObject({
      errorClass: 'transient',
      code: 'Timeout',
    });
    const tls = errorFromNetwork(systemError('CERT_HAS_EXPIRED'), on('GET', 'app.example.com'));
    expect(tls).toMatchObject({ errorClass: 'transient', code: 'WebExceptionProtocolError' });
    expect(tls.message).toBe(
      'GET /Users to app.example.com failed: the TLS certificate could not be verified (CERT_HAS_EXPIRED)',
    );
  });
});

describe('mayHaveApplied: whether a write may have landed although its answer was lost', () => {
  function systemError(code: string, name = 'Error'): Error {
    return Object.assign(new Error(`boom ${code}`), { code, name });
  }

  it.each([
    [500, true],
    [502, true],
    [504, true],
    [501, false],
    [503, false],
    [429, false],
    [400, false],
    [404, false],
    [409, false],
    [422, false],
    [302, false],
  ])('HTTP %i on a POST → %s; never on a GET', (status, applied) => {
    const post = errorFromResponse(failure(status, { method: 'POST', path: '/Users' }));
    expect(post.info.mayHaveApplied === true).toBe(applied);
    expect(errorFromResponse(failure(status, { method: 'GET' })).info.mayHaveApplied).toBeUndefined();
  });

  it.each([
    ['UND_ERR_HEADERS_TIMEOUT', true],
    ['UND_ERR_BODY_TIMEOUT', true],
    ['ETIMEDOUT', true],
    ['ECONNRESET', true],
    ['UND_ERR_SOCKET', true],
    ['SOMETHING_ELSE', true],
    ['UND_ERR_CONNECT_TIMEOUT', false],
    ['ECONNREFUSED', false],
    ['ENOTFOUND', false],
    ['EAI_AGAIN', false],
    ['CERT_HAS_EXPIRED', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false],
  ])('network failure %s on a PATCH → %s', (code, applied) => {
    const error = errorFromNetwork(systemError(code), {
      method: 'PATCH',
      path: '/Groups/g1',
      host: 'h',
      changesTarget: true,
    });
    expect(error.errorClass).toBe('transient');
    expect(error.info.mayHaveApplied === true).toBe(applied);
  });

  it('an AbortSignal timeout counts as sent; the token request never changes the target', () => {
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    const post = { method: 'POST', path: '/Users', host: 'h' };
    expect(errorFromNetwork(timeout, { ...post, changesTarget: true }).info.mayHaveApplied).toBe(true);
    expect(errorFromNetwork(timeout, { ...post, changesTarget: false }).info.mayHaveApplied).toBeUndefined();
    expect(
      errorFromNetwork(timeout, { ...post, method: 'GET', changesTarget: true }).info.mayHaveApplied,
    ).toBeUndefined();
  });
});
