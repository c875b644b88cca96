import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobConfig } from '@shared/domain/jobs';
import type { DesktopNotice, NotificationSettingsView, TestEmailResult } from '@shared/domain/notifications';
import type { Result } from '@shared/domain/result';
import { createApp, type RosterApp } from '../../../src-main/app/create-app';
import { smtpPasswordSecretId } from '../../../src-main/notify/notification-settings';
import { createKeytarVault } from '../../../src-main/vault/keytar-vault';
import {
  makeTestCertificates,
  startSmtpPeer,
  type SmtpPeer,
  type TestCertificates,
} from '../../peers/smtp-server';
import { makeTempDir } from '../temp-dir';
import { usePrivateKeyring } from '../use-private-keyring';

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };
const password = `smtp-${Date.now()}-Qx7`;

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Every byte Roster's store wrote: the database, its WAL and anything else in the data folder. */
function storeBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .filter((file) => !file.endsWith('.csv'))
    .map((file) => readFileSync(join(dataDir, file)).toString('latin1'))
    .join('\n');
}

describe('alert settings and the test email through the app', () => {
  let certs: TestCertificates;
  let peer: SmtpPeer;
  let dir: ReturnType<typeof makeTempDir>;
  let app: RosterApp;

  beforeAll(async () => {
    usePrivateKeyring();
    certs = makeTestCertificates();
    peer = await startSmtpPeer({
      tls: 'starttls',
      certificates: certs,
      auth: { user: 'roster', pass: password },
    });
  });
  afterAll(async () => {
    await peer.stop();
  });
  beforeEach(() => {
    dir = makeTempDir();
    app = createApp({ dataDir: dir.path, mode: 'browser', osUser: 'alice', logger: silentLog });
  });
  afterEach(async () => {
    await app.context.notifier.idle();
    await app.close();
    dir.remove();
  });

  function smtp() {
    return {
      host: '127.0.0.1',
      port: peer.port,
      tls: 'starttls' as const,
      caCertificate: certs.ca,
      user: 'roster',
      from: 'roster@example.com',
    };
  }

  it('keeps the SMTP password in the keychain, shows only whether it is set, and audits the change', async () => {
    expect(unwrap(await app.dispatch('notifications.getSettings', {}))).toEqual({
      smtp: null,
      emailLanguage: 'en',
      desktop: true,
      password: 'notSet',
    });
    const changed: unknown[] = [];
    app.events.onAny((name, payload) => {
      if (name === 'notifications.changed') changed.push(payload);
    });

    const saved = unwrap<NotificationSettingsView>(
      await app.dispatch('notifications.saveSettings', { smtp: smtp(), password }),
    );
    expect(saved).toMatchObject({ smtp: { host: '127.0.0.1', user: 'roster' }, password: 'set' });
    expect(changed).toEqual([saved]);
    expect(await createKeytarVault().get(smtpPasswordSecretId)).toBe(password);
    expect(storeBytes(dir.path)).not.toContain(password);
    expect(JSON.stringify(unwrap(await app.dispatch('notifications.getSettings', {})))).not.toContain(
      password,
    );

    const audit = unwrap<{ entries: { action: string; targetId: string; actor: string; after: unknown }[] }>(
      await app.dispatch('audit.list', {}),
    );
    expect(audit.entries[0]).toMatchObject({
      action: 'settings.update',
      targetId: 'notifications',
      actor: 'alice',
      after: { password: 'set', passwordChanged: true, smtp: { host: '127.0.0.1' } },
    });
    expect(JSON.stringify(audit.entries)).not.toContain(password);

    // Saving the same again changes nothing and writes no audit entry.
    unwrap(await app.dispatch('notifications.saveSettings', { smtp: smtp() }));
    expect(unwrap<{ entries: unknown[] }>(await app.dispatch('audit.list', {})).entries).toHaveLength(1);

    // Turning email off removes the password from the keychain too.
    const off = unwrap<NotificationSettingsView>(
      await app.dispatch('notifications.saveSettings', { smtp: null }),
    );
    expect(off.password).toBe('notSet');
    expect(await createKeytarVault().get(smtpPasswordSecretId)).toBeNull();
  });

  it('refuses unknown keys and unsafe settings before anything is stored', async () => {
    const unknown = await app.dispatch('notifications.saveSettings', { smtp: { ...smtp(), pasword: 'x' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    const plain = await app.dispatch('notifications.saveSettings', {
      smtp: { ...smtp(), host: 'mail.example.com', tls: 'none', caCertificate: undefined },
    });
    expect(plain).toMatchObject({
      ok: false,
      error: {
        code: 'invalidInput',
        details: {
          issues: [
            {
              path: 'smtp.tls',
              message: 'A user name and password are never sent unencrypted: choose STARTTLS or implicit TLS',
            },
          ],
        },
      },
    });
    expect(
      unwrap<NotificationSettingsView>(await app.dispatch('notifications.getSettings', {})).smtp,
    ).toBeNull();
  });

  it('sends a test email with the saved settings, and says why when it cannot', async () => {
    const before = unwrap<TestEmailResult>(
      await app.dispatch('notifications.sendTestEmail', { to: 'it@example.com' }),
    );
    expect(before).toMatchObject({ ok: false, problem: { code: 'notConfigured' } });

    unwrap(await app.dispatch('notifications.saveSettings', { smtp: smtp(), password }));
    const sent = unwrap<TestEmailResult>(
      await app.dispatch('notifications.sendTestEmail', { to: 'it@example.com' }),
    );
    expect(sent).toEqual({
      ok: true,
      summary: `Sent to it@example.com through 127.0.0.1:${peer.port} with STARTTLS.`,
    });
    const received = peer.received.at(-1);
    expect(received?.envelopeTo).toEqual(['it@example.com']);
    expect(received?.parsed.subject).toBe('Roster: test email');

    unwrap(await app.dispatch('notifications.saveSettings', { smtp: smtp(), password: 'wrong' }));
    const refused = unwrap<TestEmailResult>(
      await app.dispatch('notifications.sendTestEmail', { to: 'it@example.com' }),
    );
    expect(refused).toMatchObject({ ok: false, problem: { code: 'auth' } });
  });

  it('emails a job’s own recipient when the job asks for it, and always shows the desktop notice', async () => {
    unwrap(await app.dispatch('notifications.saveSettings', { smtp: smtp(), password }));
    writeFileSync(
      join(dir.path, 'hr.csv'),
      'employeeId,First Name,Last Name,E-mail\nE1,Ann,Lee,ann@example.com\n',
    );
    unwrap(
      await app.dispatch('connections.create', {
        name: 'HR export',
        kind: 'csv',
        settings: { path: join(dir.path, 'hr.csv'), keyColumn: 'employeeId' },
      }),
    );
    unwrap(
      await app.dispatch('connections.create', {
        name: 'Slack',
        kind: 'scim',
        settings: { baseUrl: 'https://api.slack.com/scim/v2' },
      }),
    );
    const config = unwrap<JobConfig>(
      await app.dispatch('jobs.defaults', {
        name: 'HR to Slack',
        sourceConnection: 'HR export',
        targetConnection: 'Slack',
      }),
    );
    const quiet = unwrap<{ id: string }>(await app.dispatch('jobs.create', { config }));
    const loud = unwrap<{ id: string }>(
      await app.dispatch('jobs.create', {
        config: {
          ...config,
          name: 'HR to Slack (alerts)',
          settings: { ...config.settings, notifyOnFailure: true, notificationEmail: 'oncall@example.com' },
        },
      }),
    );
    const notices: DesktopNotice[] = [];
    app.events.onAny((name, payload) => {
      if (name === 'notifications.desktop') notices.push(payload as DesktopNotice);
    });

    const received = peer.received.length;
    for (const job of [quiet, loud]) {
      app.context.notifier.jobEvent({
        kind: 'quarantineEntered',
        jobId: job.id,
        jobName: job === quiet ? 'HR to Slack' : 'HR to Slack (alerts)',
        sourceName: 'HR export',
        targetName: 'Slack',
        reason: 'EncounteredQuarantineException',
        at: new Date().toISOString(),
      });
    }
    await app.context.notifier.idle();

    const mails = peer.received.slice(received);
    expect(mails.map((m) => [m.envelopeTo.join(), m.parsed.subject])).toEqual([
      ['oncall@example.com', 'Roster: HR to Slack (alerts) is in quarantine (the connection check failed)'],
    ]);
    expect(notices.map((n) => [n.jobId, n.title])).toEqual([
      [quiet.id, 'HR to Slack is in quarantine'],
      [loud.id, 'HR to Slack (alerts) is in quarantine'],
    ]);
  });
});
