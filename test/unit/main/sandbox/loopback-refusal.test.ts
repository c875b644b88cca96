import { describe, expect, it } from 'vitest';
import { saidOf } from '@shared/domain/error-messages';
import type { RosterError } from '@shared/domain/errors';
import { loopbackBindAddress } from '../../../../src-main/sandbox/loopback-host';

describe('a refusal thrown by the main process', () => {
  it('goes out in the English the CLI prints and carries its code and parameters for the app (said in Korean by errorMessages.<code>)', () => {
    let thrown: unknown;
    try {
      loopbackBindAddress('0.0.0.0');
    } catch (error) {
      thrown = error;
    }
    const payload = (thrown as RosterError).toPayload();
    expect(payload.code).toBe('invalidInput');
    expect(payload.message).toBe(
      'The Roster Sandbox listens on this computer only (127.0.0.1, localhost or ::1); refusing to listen on "0.0.0.0".',
    );
    expect(payload.details).toMatchObject({ host: '0.0.0.0' });
    const said = saidOf(payload.details);
    expect(said).toEqual({ code: 'sandboxNotLoopback', params: { host: '0.0.0.0' } });
  });
});
