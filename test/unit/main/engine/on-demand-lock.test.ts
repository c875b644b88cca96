import { describe, expect, it } from 'vitest';
import type { Lease, LeasesRepo } from '../../../../src-main/store/leases-repo';
import { saidOf, sayError } from '@shared/domain/error-messages';
import { acquireOnDemandLock, OnDemandLockRefused } from '../../../../src-main/engine/on-demand-lock';

const cycle: Lease = {
  ownerId: 'other',
  label: 'roster sync',
  pid: 4242,
  host: 'hr-01',
  jobId: 'j1',
  cycleId: 'c1',
  acquiredAt: '2026-03-10T12:00:00.000Z',
  renewedAt: '2026-03-10T12:00:00.000Z',
  expiresAt: '2026-03-10T12:05:00.000Z',
};

/** A job whose lease a running cycle holds for the whole test. */
const busyLeases: Pick<LeasesRepo, 'acquire'> = { acquire: () => ({ acquired: false, holder: cycle }) };

function refusal(waitMs: number, signal = new AbortController().signal): Promise<unknown> {
  let now = Date.parse('2026-03-10T12:01:00.000Z');
  return acquireOnDemandLock({
    leases: busyLeases as LeasesRepo,
    jobId: 'j1',
    jobName: 'HR → Slack',
    owner: { label: 'provision on demand', pid: 1, host: 'hr-01' },
    // Each look at the clock moves it a second on, so a wait ends without real waiting.
    clock: () => new Date((now += 1000)),
    ttlMs: 60_000,
    waitMs,
    signal,
    onWait: () => undefined,
    pollMs: 1,
  }).catch((error: unknown) => error);
}

describe('the on-demand lock’s refusal', () => {
  it('says who holds the job in the English it always wrote, under a code with the holder as parameters', async () => {
    const error = await refusal(0);
    expect(error).toBeInstanceOf(OnDemandLockRefused);
    const refused = error as OnDemandLockRefused;
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      'HR → Slack is being run by roster sync (process 4242 on host hr-01) since 2026-03-10T12:00:00.000Z. ' +
        'Try again when it has finished, or cancel that cycle first.',
    );
    expect(refused.messageCode).toBe('jobBusy');
    expect(refused.messageParams).toEqual({
      job: 'HR → Slack',
      holder: 'roster sync',
      pid: '4242',
      host: 'hr-01',
      since: '2026-03-10T12:00:00.000Z',
    });
    expect(refused.details).toMatchObject({ holder: { cycleId: 'c1', pid: 4242 } });
  });

  it('carries its code as the said of a refused command, so a link reset or an account action passes it on', async () => {
    const refused = (await refusal(0)) as OnDemandLockRefused;
    const said = saidOf(refused.details);
    expect(said).toEqual({ code: 'jobBusy', params: refused.messageParams });
    expect(sayError('jobBusy', said?.params).message).toBe(refused.message);
  });

  it('says how long it waited when it waited', async () => {
    const refused = (await refusal(3000)) as OnDemandLockRefused;
    expect(refused.messageCode).toBe('jobBusyWaited');
    expect(refused.messageParams['seconds']).toBe('3');
    expect(refused.message).toContain('. Waited 3 s for it to finish. Try again when');
  });

  it('says the run was cancelled while it waited', async () => {
    const controller = new AbortController();
    controller.abort();
    const refused = (await refusal(60_000, controller.signal)) as OnDemandLockRefused;
    expect(refused.messageCode).toBe('cancelledWhileWaiting');
    expect(refused.message).toBe('Provision on demand was cancelled while it waited for the running cycle.');
  });
});
