import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobAlertEvent, NotificationSettings, SmtpSettings } from '@shared/domain/notifications';
import type { DesktopNotice } from '@shared/domain/notifications';
import { createMemoryAlertStateStore } from '../../../src-main/notify/alert-state-store';
import {
  createNotificationSettingsStore,
  type KeyValueStore,
} from '../../../src-main/notify/notification-settings';
import { createNotifier, type Notifier } from '../../../src-main/notify/notifier';
import { createKeytarVault } from '../../../src-main/vault/keytar-vault';
import {
  makeTestCertificates,
  startSmtpPeer,
  type SmtpPeer,
  type TestCertificates,
} from '../../peers/smtp-server';
import { createManualTime, type ManualTime } from '../../unit/main/notify/manual-time';
import { usePrivateKeyring } from '../use-private-keyring';

const minute = 60_000;

function memoryKv(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    getValue: (key) => values.get(key) ?? null,
    setValue: (key, value) => void values.set(key, structuredClone(value)),
    deleteValue: (key) => void values.delete(key),
  };
}

function event(kind: JobAlertEvent['kind'], extra: Partial<JobAlertEvent> = {}): JobAlertEvent {
  return {
    kind,
    jobId: 'job-1',
    jobName: 'HR to Slack',
    sourceName: 'HR export',
    targetName: 'Slack',
    at: '2025-03-03T09:00:00.000Z',
    ...extra,
  };
}

interface Rig {
  notifier: Notifier;
  time: ManualTime;
  desktop: DesktopNotice[];
  log: string[];
}

describe('alert emails through a real SMTP server', () => {
  let certs: TestCertificates;
  const vault = createKeytarVault();
  const passwordId = `notifications/smtp/test-${randomUUID()}`;
  const password = `smtp-pw-${randomUUID()}`;
  let peer: SmtpPeer | null = null;
  const notifiers: Notifier[] = [];

  beforeAll(async () => {
    usePrivateKeyring();
    certs = makeTestCertificates();
    await vault.set(passwordId, password);
  });
  afterEach(async () => {
    for (const n of notifiers.splice(0)) n.close();
    await peer?.stop();
    peer = null;
  });
  afterAll(async () => {
    await vault.delete(passwordId);
  });

  function rig(smtp: SmtpSettings, options: { passwordSecretId?: string | null } = {}): Rig {
    const kv = memoryKv();
    const settingsStore = createNotificationSettingsStore(kv);
    const settings: NotificationSettings = { smtp, emailLanguage: 'en', desktop: true };
    settingsStore.save({
      settings,
      passwordSecretId: options.passwordSecretId === undefined ? passwordId : options.passwordSecretId,
    });
    const time = createManualTime();
    const desktop: DesktopNotice[] = [];
    const log: string[] = [];
    const notifier = createNotifier({
      settingsStore,
      vault,
      jobs: { recipients: () => ({ notificationEmail: 'it-team@example.com', notifyOnFailure: true }) },
      alertState: createMemoryAlertStateStore(),
      logger: {
        info: (m) => log.push(`info ${m}`),
        warn: (m) => log.push(`warn ${m}`),
        error: (m) => log.push(`error ${m}`),
      },
      clock: time.clock,
      timers: time.timers,
      desktop: { show: (notice) => desktop.push(notice) },
      desktopLanguage: () => 'en',
      timeZone: 'UTC',
    });
    notifiers.push(notifier);
    return { notifier, time, desktop, log };
  }

  function smtpFor(p: SmtpPeer, extra: Partial<SmtpSettings>): SmtpSettings {
    return { host: p.host, port: p.port, tls: 'starttls', from: 'roster@example.com', ...extra };
  }

  it('sends the quarantine, change-of-reason, held-deletes, recovery and disabled emails (STARTTLS + AUTH)', async () => {
    peer = await startSmtpPeer({
      tls: 'starttls',
      certificates: certs,
      auth: { user: 'roster', pass: password },
    });
    const { notifier, desktop } = rig(smtpFor(peer, { user: 'roster', caCertificate: certs.ca }));

    const timeline: JobAlertEvent[] = [
      event('quarantineEntered', {
        reason: 'CredentialsInvalid',
        detail: '401 Unauthorized from https://api.slack.com/scim/v2/Users',
        nextAttemptAt: '2025-03-03T15:00:00.000Z',
      }),
      // The attempt six hours later fails the same way: nobody needs a second email about it.
      event('quarantineEntered', { reason: 'CredentialsInvalid', at: '2025-03-03T15:00:00.000Z' }),
      event('quarantineReasonChanged', {
        reason: 'TargetUnreachable',
        detail: 'connect ECONNREFUSED',
        nextAttemptAt: '2025-03-04T09:00:00.000Z',
        at: '2025-03-03T21:00:00.000Z',
      }),
      event('deletesHeldBack', { counts: { heldBack: 612 }, threshold: 500, at: '2025-03-04T09:00:00.000Z' }),
      event('recovered', { nextAttemptAt: '2025-03-05T09:40:00.000Z', at: '2025-03-05T09:00:00.000Z' }),
      event('quarantineEntered', {
        reason: 'EncounteredQuarantineException',
        at: '2025-03-06T09:00:00.000Z',
      }),
      event('disabled', { reason: 'EncounteredQuarantineException', at: '2025-04-03T09:00:00.000Z' }),
    ];
    for (const e of timeline) {
      notifier.jobEvent(e);
      await notifier.idle(); // one at a time, so the server receives them in order
    }

    const mails = peer.received.map((r) => r.parsed);
    expect(mails.map((m) => m.subject)).toEqual([
      'Roster: HR to Slack is in quarantine (credentials rejected)',
      'Roster: HR to Slack is still in quarantine, with a new reason: target unreachable',
      'Roster: HR to Slack held back 612 disables and deletes',
      'Roster: HR to Slack has recovered',
      'Roster: HR to Slack is in quarantine (the connection check failed)',
      'Roster: HR to Slack is disabled after 28 days in quarantine',
    ]);
    expect(peer.received.every((r) => r.envelopeTo.join() === 'it-team@example.com')).toBe(true);
    for (const mail of mails) {
      expect(mail.from?.value).toEqual([{ name: 'Roster', address: 'roster@example.com' }]);
      expect(mail.text).toContain('Job:');
      expect(mail.html).toContain('<table role="presentation"');
    }
    const [entered, changed, heldBack, recovered, , disabled] = mails;
    expect(entered?.text).toMatch(/Reason: +credentials rejected \(CredentialsInvalid\)/);
    expect(entered?.text).toMatch(/What Roster saw: +401 Unauthorized from https:\/\/api\.slack\.com/);
    expect(entered?.text).toMatch(/Next attempt: +3 Mar 2025, 15:00 UTC/);
    expect(entered?.html).toContain('Create a new token or password in Slack');
    expect(changed?.text).toMatch(/Reason: +target unreachable \(TargetUnreachable\)/);
    expect(changed?.html).toContain('connect ECONNREFUSED');
    expect(heldBack?.text).toMatch(/Disables and deletes held back: +612/);
    expect(heldBack?.text).toMatch(/Deletion threshold: +500/);
    expect(heldBack?.html).toContain('press Allow deletes');
    expect(recovered?.text).toContain('runs on its normal schedule again');
    expect(recovered?.text).toMatch(/Next cycle: +5 Mar 2025, 09:40 UTC/);
    expect(disabled?.text).toMatch(/Next attempt: +None: the job is disabled/);
    expect(disabled?.html).toContain('press Start');

    expect(desktop.map((d) => d.title)).toEqual([
      'HR to Slack is in quarantine',
      'HR to Slack: the quarantine reason changed',
      'HR to Slack: 612 disables and deletes held back',
      'HR to Slack has recovered',
      'HR to Slack is in quarantine',
      'HR to Slack is disabled',
    ]);
  });

  it('sends over plain SMTP to a relay on this computer, without AUTH', async () => {
    peer = await startSmtpPeer({ tls: 'none' });
    const { notifier } = rig(smtpFor(peer, { tls: 'none' }), { passwordSecretId: null });
    const result = await notifier.sendTestEmail('admin@example.com');
    expect(result).toEqual({
      ok: true,
      summary: `Sent to admin@example.com through 127.0.0.1:${peer.port} without TLS.`,
    });
    expect(peer.received[0]?.parsed.subject).toBe('Roster: test email');
    expect(peer.received[0]?.parsed.text).toContain(`sent through 127.0.0.1:${peer.port}`);
  });

  it('sends over implicit TLS when the certificate is signed by the configured CA', async () => {
    peer = await startSmtpPeer({ tls: 'implicit', certificates: certs });
    const { notifier } = rig(smtpFor(peer, { tls: 'implicit', caCertificate: certs.ca }), {
      passwordSecretId: null,
    });
    expect(await notifier.sendTestEmail('admin@example.com')).toMatchObject({ ok: true });
    expect(peer.received).toHaveLength(1);
  });

  it('refuses a certificate that the configured CA did not sign, with implicit TLS and with STARTTLS', async () => {
    for (const tls of ['implicit', 'starttls'] as const) {
      peer = await startSmtpPeer({ tls, certificates: certs });
      for (const caCertificate of [certs.otherCa, undefined]) {
        const { notifier } = rig(smtpFor(peer, { tls, ...(caCertificate ? { caCertificate } : {}) }), {
          passwordSecretId: null,
        });
        const result = await notifier.sendTestEmail('admin@example.com');
        expect(result.ok, tls).toBe(false);
        expect(result.problem?.code, tls).toBe('certificate');
        expect(result.summary).toMatch(
          new RegExp(`^The certificate of 127\\.0\\.0\\.1:${peer.port} is not trusted \\(unable to verify`),
        );
      }
      expect(peer.received).toHaveLength(0);
      await peer.stop();
      peer = null;
    }
  });

  it('says what is wrong: a wrong password, a missing password, no STARTTLS, implicit TLS against STARTTLS', async () => {
    peer = await startSmtpPeer({
      tls: 'starttls',
      certificates: certs,
      auth: { user: 'roster', pass: 'other' },
    });
    const wrong = await rig(
      smtpFor(peer, { user: 'roster', caCertificate: certs.ca }),
    ).notifier.sendTestEmail('admin@example.com');
    expect(wrong.problem?.code).toBe('auth');
    expect(wrong.summary).toContain('refused the user roster and its password (Invalid login: 535');

    const missing = await rig(smtpFor(peer, { user: 'roster', caCertificate: certs.ca }), {
      passwordSecretId: 'notifications/smtp/nothing-here',
    }).notifier.sendTestEmail('admin@example.com');
    expect(missing).toMatchObject({ ok: false, problem: { code: 'auth' } });
    expect(missing.summary).toContain('No password for the SMTP user roster is in the keychain');

    const implicitAgainstStartTls = await rig(smtpFor(peer, { tls: 'implicit', caCertificate: certs.ca }), {
      passwordSecretId: null,
    }).notifier.sendTestEmail('admin@example.com');
    expect(implicitAgainstStartTls.problem?.code).toBe('tls');
    expect(implicitAgainstStartTls.summary).toContain('It probably expects STARTTLS');
    await peer.stop();

    peer = await startSmtpPeer({ tls: 'none' });
    const noStartTls = await rig(smtpFor(peer, { caCertificate: certs.ca }), {
      passwordSecretId: null,
    }).notifier.sendTestEmail('admin@example.com');
    expect(noStartTls.problem?.code).toBe('tls');
    expect(noStartTls.summary).toContain('does not offer STARTTLS');
  });

  it('retries an alert the server refused, on the backoff schedule, without blocking the caller', async () => {
    peer = await startSmtpPeer({
      tls: 'starttls',
      certificates: certs,
      auth: { user: 'roster', pass: password },
    });
    const { notifier, time, log } = rig(smtpFor(peer, { user: 'roster', caCertificate: certs.ca }));
    peer.setFailing(true);

    notifier.jobEvent(event('quarantineEntered', { reason: 'TargetUnreachable' })); // returns at once
    await notifier.idle();
    expect(peer.refused).toBe(1);
    expect(notifier.pendingEmails()).toBe(1);
    expect(time.waiting()).toEqual([1 * minute]);
    expect(log.at(-1)).toMatch(
      /^warn Could not send the quarantine alert for job "HR to Slack" \(attempt 1\): .*451 Try again later.*Trying again at 2025-03-03T09:01:00\.000Z\.$/,
    );

    time.advance(1 * minute);
    await notifier.idle();
    expect(peer.refused).toBe(2);
    expect(time.waiting()).toEqual([5 * minute]);

    peer.setFailing(false);
    time.advance(5 * minute);
    await notifier.idle();
    expect(peer.received.map((r) => r.parsed.subject)).toEqual([
      'Roster: HR to Slack is in quarantine (target unreachable)',
    ]);
    expect(notifier.pendingEmails()).toBe(0);
    expect(log.at(-1)).toBe('info Sent the quarantine alert for job "HR to Slack" to it-team@example.com.');
  });
});
