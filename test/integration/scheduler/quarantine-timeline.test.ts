import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '@shared/domain/job-view';
import type { EscrowView } from '@shared/domain/escrow';
import { startScimProxy, type ScimProxy } from '../../peers/scim-proxy';
import { startScimmyServer } from '../../peers/scimmy-server';
import { startSmtpPeer, type SmtpPeer } from '../../peers/smtp-server';
import { employee } from '../engine/engine-kit';
import { usePrivateKeyring } from '../use-private-keyring';
import { ScheduledApp } from './scheduled-app';

type Fault = 'none' | '401' | '404' | '500';

const scimError = (status: number, detail: string) =>
  JSON.stringify({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    detail,
  });

const hour = 60;

/**
 * Quarantine (§10) end to end: the real scheduler on a fake clock, real cycles against a real SCIM
 * server (scimmy) made to fail through a proxy (401, 404, a 500 storm) and then fixed, alerts through
 * a real SMTP server. The test prints the timeline of attempts.
 */
describe('quarantine entry and exit against a real SCIM server, with alert emails', () => {
  let kit: ScheduledApp | null = null;
  let proxy: ScimProxy | null = null;
  let smtp: SmtpPeer | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await proxy?.stop();
    await smtp?.stop();
    kit = null;
    proxy = null;
    smtp = null;
  });

  it('holds deletes, quarantines on 401 and 404 with attempts at +6 h and +12 h, recovers, and tells by email', async () => {
    const peer = await startScimmyServer();
    let fault: Fault = 'none';
    proxy = await startScimProxy(peer.baseUrl, {
      before: () => {
        if (fault === '401') return { respond: { status: 401, body: scimError(401, 'Invalid token') } };
        if (fault === '404') return { respond: { status: 404, body: 'Not Found' } };
        if (fault === '500') return { respond: { status: 500, body: scimError(500, 'Storm') } };
        return 'forward';
      },
    });
    smtp = await startSmtpPeer({ tls: 'none' });
    kit = new ScheduledApp({ ...peer, baseUrl: proxy.baseUrl, stop: () => peer.stop() });
    const staff = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => employee(n));
    await kit.start(staff, 40);
    const app = kit;
    const job = app.app.store.jobs.get(app.jobId);
    if (!job) throw new Error('no job');
    job.config.settings = {
      ...job.config.settings,
      notificationEmail: 'it-ops@example.com',
      notifyOnFailure: true,
      deletionThreshold: 1,
      // The CSV watch would start a cycle seconds after each write; this timeline is the interval's.
      watchSource: false,
    };
    app.app.store.jobs.update(job);
    await app.ok('notifications.saveSettings', {
      smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'roster@example.com' },
      emailLanguage: 'en',
      desktop: false,
    });

    const timeline: string[] = [];
    const t0 = app.time.now().getTime();
    const minute = () => Math.round((app.time.now().getTime() - t0) / 60_000);
    const detail = async () => (await app.ok('jobs.get', { id: app.jobId })) as JobDetail;
    const note = async (what: string) => {
      const d = await detail();
      const last = app.cycles().at(-1);
      timeline.push(
        `+${String(minute()).padStart(5)} min  ${what.padEnd(28)} cycles=${app.cycles().length} ` +
          `last=${last?.status ?? '-'}${last?.error ? `(${last.error.code})` : ''} status=${d.status} reason=${d.state.quarantine?.reason ?? '-'} ` +
          `next=${d.nextRunAt ?? '-'} emails=${smtp?.received.length ?? 0}`,
      );
    };
    const emailsSettled = async (count: number) => {
      for (let i = 0; i < 200 && (smtp?.received.length ?? 0) < count; i++) {
        await app.app.context.notifier.idle();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };

    await app.ok('jobs.start', { id: app.jobId });
    await app.app.scheduler.idle();
    await note('start: initial cycle');
    expect((await detail()).status).toBe('Active');

    const kept = staff.slice(0, 8);
    const retitled = [{ ...kept[0]!, surname: 'Tester' }, ...kept.slice(1)];

    // HR drops two people: over the deletion threshold (1), the job is quarantined (held-deletes email).
    app.writeCsv(kept);
    await app.advanceMinutes(40);
    await note('2 leavers: deletes held back');
    let d = await detail();
    expect(d.status).toBe('Quarantine');
    expect(d.state.quarantine?.reason).toBe('TooManyDeletes');
    let began = app.time.now().getTime();
    expect(d.state.quarantine?.since).toBe(new Date(began).toISOString());
    expect(d.nextRunAt).toBe(new Date(began + 6 * hour * 60_000).toISOString());
    await emailsSettled(1);
    expect(smtp.received).toHaveLength(1);

    // Nothing runs before +6 h. Meanwhile the token is revoked and someone changes name: the check
    // runs before the first request a cycle sends (an unchanged source costs the target nothing), it
    // fails, and the reason changes (email), which restarts the attempt schedule.
    fault = '401';
    app.writeCsv(retitled);
    await app.advanceMinutes(6 * hour - 1);
    expect(app.cycles()).toHaveLength(2);
    await app.advanceMinutes(1);
    await note('+6 h attempt: 401');
    expect(app.cycles()).toHaveLength(3);
    expect(app.cycles().at(-1)?.status).toBe('stopped');
    d = await detail();
    expect(d.state.quarantine?.reason).toBe('EncounteredQuarantineException');
    began = app.time.now().getTime();
    expect(d.nextRunAt).toBe(new Date(began + 6 * hour * 60_000).toISOString());
    await emailsSettled(2);
    expect(smtp.received).toHaveLength(2);

    // The endpoint now answers 404 (a wrong URL): the same reason, no email, next at +12 h.
    fault = '404';
    await app.advanceMinutes(6 * hour);
    await note('+6 h attempt: 404');
    expect(app.cycles()).toHaveLength(4);
    d = await detail();
    expect(d.state.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(d.nextRunAt).toBe(new Date(began + 12 * hour * 60_000).toISOString());

    // Fixed at the target: the new name lands, but the two leavers are still over the threshold.
    fault = 'none';
    await app.advanceMinutes(6 * hour);
    await note('+12 h attempt: fixed, held');
    expect(app.cycles()).toHaveLength(5);
    expect(app.cycles().at(-1)?.counters.updated).toBe(1);
    d = await detail();
    expect(d.state.quarantine?.reason).toBe('TooManyDeletes');
    await emailsSettled(3);
    expect(smtp.received).toHaveLength(3);

    // The admin allows the deletes: the next interval runs them and the job recovers (email).
    await app.ok('jobs.allowDeletes', { id: app.jobId });
    await app.advanceMinutes(40);
    await note('allow deletes: recovered');
    d = await detail();
    expect(d.status).toBe('Active');
    expect(d.state.quarantine).toBeNull();
    expect(app.cycles().at(-1)?.counters.disabled).toBe(2);
    await emailsSettled(4);
    expect(smtp.received).toHaveLength(4);

    // A 500 storm is not a quarantine (§9.1: transient): the cycle goes on, the change waits in
    // escrow and is retried in the next cycle, which lands it once the storm is over.
    fault = '500';
    app.writeCsv([retitled[0]!, { ...kept[1]!, surname: 'Storm' }, ...kept.slice(2)]);
    await app.advanceMinutes(40);
    await note('500 storm: object escrowed');
    d = await detail();
    expect(d.status).toBe('Active');
    expect(app.cycles().at(-1)?.counters.failed).toBe(1);
    const escrows = (await app.ok('jobs.escrows', { id: app.jobId })) as EscrowView[];
    expect(escrows).toMatchObject([{ anchor: 'E0002', errorClass: 'transient', attempts: 1 }]);
    fault = 'none';
    await app.advanceMinutes(40);
    await note('storm over: escrow cleared');
    expect(app.cycles().at(-1)?.counters).toMatchObject({ failed: 0, updated: 1 });
    expect(await app.ok('jobs.escrows', { id: app.jobId })).toEqual([]);
    expect(smtp.received).toHaveLength(4);

    console.log(`Quarantine timeline (fake clock, real cycles):\n${timeline.join('\n')}`);
    const subjects = smtp.received.map((m) => m.parsed.subject ?? '');
    console.log(`Emails:\n${subjects.join('\n')}`);
    const texts = smtp.received.map((m) => `${m.parsed.subject ?? ''}\n${m.parsed.text ?? ''}`);
    expect(texts[0]).toMatch(/held back/i);
    expect(texts[0]).toContain('HR → App');
    expect(texts[0]).toMatch(/threshold/i);
    expect(texts[1]).toMatch(/reason/i);
    expect(texts[1]).toMatch(/401|credential/i);
    expect(texts[2]).toMatch(/held back/i);
    expect(texts[3]).toMatch(/recover/i);
    for (const m of smtp.received) expect(m.envelopeTo).toEqual(['it-ops@example.com']);
  });
});
