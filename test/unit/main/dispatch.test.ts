import { describe, expect, it } from 'vitest';
import { RosterError } from '@shared/domain/errors';
import { refusal } from '@shared/domain/error-messages';
import { createDispatch } from '../../../src-main/app/dispatch';
import type { Handlers } from '../../../src-main/app/handlers/types';
import { rememberSecret } from '../../../src-main/vault/redact';

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

function dispatchWith(overrides: Partial<Handlers>) {
  return createDispatch(overrides as Handlers, silentLog);
}

describe('dispatch', () => {
  it('refuses a command the contract does not list', async () => {
    const result = await dispatchWith({})('connections.drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknownCommand' } });
  });

  it('validates input before the handler runs and names the field at fault', async () => {
    let ran = false;
    const dispatch = dispatchWith({
      'connections.create': async () => {
        ran = true;
        throw new Error('unreachable');
      },
    });
    const result = await dispatch('connections.create', { name: '', kind: 'scim', settings: {} });
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidInput');
    expect(result.error.message).toBe(
      'Invalid input for connections.create: name — Give the connection a name',
    );
    expect(result.error.details).toEqual({
      issues: [
        { path: 'name', message: 'Give the connection a name', code: 'connectionNameMissing', params: {} },
      ],
      said: {
        code: 'invalidCommandInput',
        params: { command: 'connections.create', problems: 'name — Give the connection a name' },
      },
    });
  });

  it('passes a handler’s own error code through', async () => {
    const dispatch = dispatchWith({
      'connections.get': async () => {
        throw new RosterError('notFound', 'There is no connection with id x');
      },
    });
    expect(await dispatch('connections.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'notFound', message: 'There is no connection with id x' },
    });
  });

  it('reports an unexpected failure as internal, with secrets redacted', async () => {
    rememberSecret('s3cr3t-token-value');
    const dispatch = dispatchWith({
      'settings.get': async () => {
        throw new Error('server said s3cr3t-token-value was wrong');
      },
    });
    const result = await dispatch('settings.get', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).not.toContain('s3cr3t-token-value');
    expect(result.error.message).toContain('[redacted]');
    expect(result.error.message).toBe(
      'Roster hit an unexpected problem running settings.get: server said [redacted] was wrong',
    );
    expect(result.error.details).toEqual({
      said: {
        code: 'unexpectedProblem',
        params: { command: 'settings.get', error: 'server said [redacted] was wrong' },
      },
    });
  });

  it('redacts the parameters of a coded refusal as it redacts its message', async () => {
    rememberSecret('hunter2-long-secret');
    const dispatch = dispatchWith({
      'connections.browse': async () => {
        throw refusal('invalidInput', 'browseRootFailed', { problem: 'bind as hunter2-long-secret refused' });
      },
    });
    const result = await dispatch('connections.browse', { id: 'c1' });
    if (result.ok) throw new Error('the refusal went through');
    expect(result.error.message).toBe(
      'Could not read the directory below "the root": bind as [redacted] refused',
    );
    expect(result.error.details).toEqual({
      said: { code: 'browseRootFailed', params: { problem: 'bind as [redacted] refused' } },
    });
  });

  it('says an unknown command under its code', async () => {
    const result = await dispatchWith({})('connections.drop', {});
    if (result.ok) throw new Error('an unknown command ran');
    expect(result.error).toEqual({
      code: 'unknownCommand',
      message: 'Roster has no command "connections.drop".',
      details: { said: { code: 'unknownCommand', params: { command: 'connections.drop' } } },
    });
  });

  it('wraps a handler’s value as ok', async () => {
    const dispatch = dispatchWith({
      'settings.get': async () => ({ theme: 'dark', language: 'ko', logRetentionDays: 30 }),
    });
    expect(await dispatch('settings.get', undefined)).toEqual({
      ok: true,
      value: { theme: 'dark', language: 'ko', logRetentionDays: 30 },
    });
  });
});
