import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { scimRefusal, startScimProxy, type ScimProxy } from '../peers/scim-proxy';
import { startScimmyServer } from '../peers/scimmy-server';
import { makeTestCertificates, startSmtpPeer, type SmtpPeer } from '../peers/smtp-server';
import { EngineKit, employee } from '../integration/engine/engine-kit';
import { usePrivateKeyring } from '../integration/use-private-keyring';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');

/** The SCIM error a target sends for a value it will not take (a permanent failure, §9.1). */
const refusal = scimRefusal('title "Rep" is not an allowed job title for this tenant');

/**
 * Roster running by itself, as an admin drives it in Chromium: Start / Pause / Resume with the next
 * run time, the "Waiting for retry" list for objects a real SCIM server (scimmy, behind a proxy that
 * refuses two accounts) would not take, and the SMTP settings with a test email a real SMTP server
 * receives over STARTTLS.
 */
describe('an admin leaves a job running on its schedule (Chromium)', () => {
  let kit: EngineKit;
  let proxy: ScimProxy;
  let smtp: SmtpPeer;
  let certificates: ReturnType<typeof makeTestCertificates>;
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let refuse = true;
  /** While set, the target refuses Roster's token on every request (a revoked credential). */
  let revoked = false;
  const refused = ['user3@example.com', 'user4@example.com'];
  const pageErrors: string[] = [];

  async function shot(name: string): Promise<void> {
    // Toasts from earlier steps would cover the page header.
    await expect.poll(() => page.locator('.n-message').count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: join(screenshots, `schedule-${name}.png`), fullPage: true });
  }

  /** Waits until the page has really turned dark or light (the theme change is animated). */
  async function theme(scheme: 'dark' | 'light'): Promise<void> {
    await page.emulateMedia({ colorScheme: scheme });
    // Polled from here: the page's CSP forbids the string predicates waitForFunction evaluates.
    // (globalThis: this file is type-checked without the DOM library.)
    const red = () =>
      page
        .locator('.n-card')
        .first()
        .evaluate(
          (card) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
            ).getComputedStyle(card).backgroundColor,
        )
        .then((color) => Number(/\d+/.exec(color)?.[0]));
    await expect
      .poll(red, { timeout: 5_000 })
      .toSatisfy((r: number) => (scheme === 'dark' ? r < 60 : r > 200));
    await page.waitForTimeout(300);
  }

  const postsFor = (email: string) =>
    proxy.seen.filter((r) => r.method === 'POST' && r.body.includes(email)).length;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    usePrivateKeyring();
    const scimmy = await startScimmyServer();
    proxy = await startScimProxy(scimmy.baseUrl, {
      before: (req) => {
        if (revoked) return { respond: { status: 401, body: '{"detail":"The token was revoked"}' } };
        return refuse && req.method === 'POST' && refused.some((email) => req.body.includes(email))
          ? refusal
          : 'forward';
      },
    });
    kit = new EngineKit({ ...scimmy, baseUrl: proxy.baseUrl, stop: () => scimmy.stop() });
    await kit.start([1, 2, 3, 4, 5].map((n) => employee(n)));
    // Two cycles before the admin looks: the refused accounts failed twice, so Roster waits until
    // 6 h after the first failure before it asks the target again (§9.2).
    expect((await kit.sync()).counters).toMatchObject({ created: 3, failed: 2 });
    expect((await kit.sync()).counters).toMatchObject({ failed: 2 });
    await kit.app.close();

    certificates = makeTestCertificates();
    smtp = await startSmtpPeer({ tls: 'starttls', certificates });
    roster = await startRoster(join(kit.dir.path, 'data'), inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(roster.url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    await smtp?.stop();
    await proxy?.stop();
    await kit?.peer.stop();
    kit?.dir.remove();
  });

  it('starts the job and shows when it runs next, pauses it, and resumes it', async () => {
    await page.getByRole('menuitem', { name: 'Jobs', exact: true }).click();
    await page.locator('[data-test="open-HR → App"]').click();
    await page.getByRole('heading', { name: 'HR → App' }).waitFor();
    const status = page.locator('[data-test="job-status"]').first();
    const nextRun = page.locator('[data-test="schedule-card"] [data-test="next-run"]');
    await expect(status.innerText()).resolves.toBe('Not started');
    await expect(nextRun.innerText()).resolves.toBe('not scheduled');

    await page.locator('[data-test="job-start"]').click();
    await page.locator('[data-test="job-pause"]').waitFor();
    await status.filter({ hasText: 'Active' }).waitFor();
    // The interval counts from the last cycle's start: about 40 minutes from now, not "now".
    const at = Date.parse((await nextRun.getAttribute('data-at')) ?? '');
    expect(at - Date.now()).toBeGreaterThan(30 * 60_000);
    expect(at - Date.now()).toBeLessThanOrEqual(40 * 60_000);
    await expect(nextRun.innerText()).resolves.toMatch(/in \d+ minutes/);

    await page.locator('[data-test="job-pause"]').click();
    await status.filter({ hasText: 'Paused' }).waitFor();
    await nextRun.filter({ hasText: 'not scheduled' }).waitFor();
    await expect(nextRun.getAttribute('data-at')).resolves.toBe('');

    await page.locator('[data-test="job-resume"]').click();
    await status.filter({ hasText: 'Active' }).waitFor();
    await expect(nextRun.getAttribute('data-at')).resolves.not.toBe('');
  });

  it('lists the two refused accounts under Waiting for retry, with why and when', async () => {
    // The keyboard reaches the tab: focus it, Enter opens it.
    await page.getByRole('tab', { name: 'Waiting for retry (2)' }).focus();
    await page.keyboard.press('Enter');
    const row = page.locator('[data-test="escrow-row-E0003"]');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Given3 Family3');
    expect(text).toContain('UnprocessableEntity');
    expect(text).toContain('is not an allowed job title');
    expect(text).toContain('Refused');
    expect(text).toContain('Own write');
    // Two attempts so far; the next one waits until 6 h after the first failure.
    await expect(row.locator('[data-test="escrow-attempts"]').innerText()).resolves.toBe('2');
    const next = row.locator('[data-test="escrow-next-retry"]');
    expect(await next.innerText()).toMatch(/^[A-Z][a-z]{2} \d+, \d\d:\d\d$/);
    expect(Date.parse((await next.getAttribute('data-at')) ?? '') - Date.now()).toBeGreaterThan(
      5 * 3_600_000,
    );
    await page.locator('[data-test="escrow-list"]').scrollIntoViewIfNeeded();
    await shot('escrow-light');
    await theme('dark');
    await shot('escrow-dark');
    await theme('light');
  });

  it('exports the list as a CSV file for Excel', async () => {
    await page.locator('[data-test="escrow-export"]').click();
    const link = page.locator('[data-test="escrow-list"] [data-test="export-download"]');
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = join(kit.dir.path, 'waiting.csv');
    await download.saveAs(saved);
    const lines = readFileSync(saved, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'job,objectType,sourceKey,displayName,failure,errorClass,errorCode,errorMessage,attempts,firstFailure,lastAttempt,nextRetry,expired,retryRequested',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^HR → App,User,E0003,Given3 Family3,own,permanent,UnprocessableEntity,/);
  });

  it('drops one entry after saying what dropping means, with the keyboard', async () => {
    const drop = page.locator('[data-test="escrow-drop-E0004"]');
    await drop.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('tried again only when it changes in the source').waitFor();
    await dialog.getByRole('button', { name: 'Drop' }).click();
    await page.locator('[data-test="escrow-row-E0004"]').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Waiting for retry (1)' }).waitFor();
  });

  it('retries the other in the next cycle, which succeeds once the target takes it', async () => {
    const row = page.locator('[data-test="escrow-row-E0003"]');
    await page.locator('[data-test="escrow-retry-E0003"]').click();
    await row.locator('[data-test="escrow-next-retry"]', { hasText: 'next cycle' }).waitFor();
    await row.getByText('retry requested').waitFor();
    await expect(page.locator('[data-test="escrow-retry-E0003"]').isDisabled()).resolves.toBe(true);

    // The target is fixed; the admin runs the next cycle now instead of waiting for the schedule.
    refuse = false;
    const user3Before = postsFor('user3@example.com');
    const user4Before = postsFor('user4@example.com');
    await page.locator('[data-test="job-run"]').click();
    await page.locator('[data-test="escrow-empty"]').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Waiting for retry', exact: true }).waitFor();
    expect(postsFor('user3@example.com')).toBe(user3Before + 1);
    // The dropped one stays alone until it changes in the source.
    expect(postsFor('user4@example.com')).toBe(user4Before);
    await shot('escrow-empty');
  });

  it('shows a quarantine with its reason, since when, next attempt and fix, then recovers', async () => {
    // The credential is revoked, then HR changes a title: the watched file starts a cycle, whose
    // connection check (an unchanged source would send no request at all) meets the 401.
    revoked = true;
    kit.writeCsv([1, 2, 3, 4, 5].map((n) => employee(n, n === 1 ? { jobTitle: 'Lead' } : {})));
    const alert = page.locator('[data-test="job-quarantine"]');
    await alert.waitFor({ timeout: 60_000 });
    const onJob = await alert.innerText();
    expect(onJob).toMatch(/In quarantine since .+: the app refused the connection/);
    // §10.3: the first attempt is 6 h after the quarantine began.
    expect(onJob).toMatch(/Next attempt .+\./);
    expect(onJob).toContain('Test connection');
    await page.locator('[data-test="job-status"]', { hasText: 'Quarantine' }).first().waitFor();

    await page.getByRole('menuitem', { name: 'Dashboard', exact: true }).click();
    const card = page.locator('[data-test="jobs-summary"] [data-test="quarantine-summary"]');
    await card.waitFor();
    await expect(card.locator('[data-test="quarantine-reason"]').innerText()).resolves.toMatch(
      /^In quarantine since .+: the app refused the connection$/,
    );
    const next = await card.locator('[data-test="quarantine-next"]').innerText();
    const at = Date.parse(/^Next attempt (.+)\.$/.exec(next)?.[1] ?? '');
    expect(at - Date.now()).toBeGreaterThan(5.9 * 3_600_000);
    expect(at - Date.now()).toBeLessThanOrEqual(6 * 3_600_000);
    await expect(card.locator('[data-test="quarantine-hint"]').innerText()).resolves.toContain(
      'then press Retry now',
    );
    await shot('quarantine-dashboard-light');
    await theme('dark');
    await shot('quarantine-dashboard-dark');
    await theme('light');

    // The admin fixes the credential and presses Retry now: the job leaves quarantine.
    revoked = false;
    await page.locator('[data-test="jobs-summary"] [data-test="job-run"]').click();
    await card.waitFor({ state: 'detached', timeout: 60_000 });
    await page
      .locator('[data-test="jobs-summary"] [data-test="job-status"]', { hasText: 'Active' })
      .waitFor();
  });

  it('sends a test email through the SMTP server set under Settings → Alerts', async () => {
    await page.getByRole('menuitem', { name: 'Settings', exact: true }).click();
    const card = page.locator('[data-test="alerts-card"]');
    await card.scrollIntoViewIfNeeded();
    await card.locator('[data-test="alerts-email-enabled"]').click();
    await card.locator('input[name="smtp-host"]').fill(smtp.host);
    await card.locator('[data-test="smtp-tls-starttls"]').click();
    await card.locator('input[name="smtp-port"]').fill(String(smtp.port));
    await card.locator('textarea[name="smtp-ca"]').fill(certificates.ca);
    await card.locator('input[name="smtp-from"]').fill('roster@example.com');
    await card.locator('input[name="test-email-to"]').fill('it-team@example.com');
    await card.locator('[data-test="send-test-email"]').click();
    const result = card.locator('[data-test="test-email-result"] .n-alert');
    await result.waitFor({ timeout: 30_000 });
    await expect(result.innerText()).resolves.toContain('Test email sent');

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(['it-team@example.com']);
    expect(mail.parsed.from?.text).toContain('roster@example.com');
    expect(mail.parsed.subject).toMatch(/test/i);
    // The settings page scrolls inside the layout, so a full-page picture would cut the card: a tall
    // window shows all of it, down to the test result.
    await page.setViewportSize({ width: 1440, height: 2000 });
    await card.scrollIntoViewIfNeeded();
    await shot('alerts-light');
    await theme('dark');
    await shot('alerts-dark');
    await theme('light');
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('had no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
