import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');

describe('an admin tries Roster with demo data in browser mode (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-demo-');
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let jobUrl = '';
  const pageErrors: string[] = [];

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `demo-${name}.png`), fullPage: true });
  }

  async function openMenu(name: string): Promise<void> {
    await page.getByRole('menuitem', { name, exact: true }).click();
  }

  async function openDemoJob(jobsMenu: string): Promise<void> {
    await openMenu(jobsMenu);
    await page.locator('[data-test="open-Demo: HR file → Roster Sandbox"]').click();
    await page.locator('[data-test="last-cycle-outcome"]').waitFor();
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    roster = await startRoster(data.path, inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(roster.url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    data.remove();
  });

  it('sets up the demo from the Dashboard and watches the first cycle to its end', async () => {
    await shot('01-dashboard-empty');
    await page.locator('[data-test="try-demo"]').click();
    await page.waitForURL(/#\/jobs\/.+/);
    jobUrl = page.url();
    await page.getByRole('heading', { name: 'Demo: HR file → Roster Sandbox' }).waitFor();
    // The cycle reports its progress live while it runs; at the sandbox's pace (200 requests/s) it may
    // already have ended by the time the page shows, which the outcome below then says.
    const progress = page.locator('[data-test="job-progress"]');
    const completed = page.locator('[data-test="last-cycle-outcome"]', { hasText: 'Completed' });
    await progress.or(completed).first().waitFor({ timeout: 110_000 });
    if (await progress.isVisible()) await shot('02-job-progress');
    await page
      .locator('[data-test="last-cycle-outcome"]', { hasText: 'Completed' })
      .waitFor({ timeout: 110_000 });
  });

  it('shows the job Active with about 200 linked users', async () => {
    await expect(page.locator('[data-test="job-status"]').first().innerText()).resolves.toBe('Active');
    const linked = Number(
      (await page.locator('[data-test="linked-users"] .n-statistic-value').innerText()).trim(),
    );
    expect(linked).toBeGreaterThanOrEqual(150);
    expect(linked).toBeLessThanOrEqual(250);
    await shot('03-job-done');
  });

  it('lists the provisioned accounts in the Roster Sandbox', async () => {
    await openMenu('Dashboard');
    await page.locator('[data-test="sandbox-state"]', { hasText: 'Running' }).waitFor();
    await page.locator('[data-test="view-accounts"]').click();
    await page.getByRole('heading', { name: 'Sandbox accounts' }).waitFor();
    await page.locator('[data-test="accounts-table"] tbody tr td', { hasText: '@' }).first().waitFor();
    const count = await page.locator('[data-test="accounts-count"]').innerText();
    expect(Number(/of (\d+)/.exec(count)?.[1])).toBeGreaterThanOrEqual(150);
    await page.locator('[data-test="kind-groups"]').click();
    await page.locator('[data-test="accounts-table"] tbody tr').first().waitFor();
    await shot('04-sandbox-groups');
  });

  it('opens a provisioning log entry with its steps', async () => {
    await openMenu('Provisioning logs');
    await page.locator('[data-test="log-row"]').first().click();
    await page.locator('[data-test="log-detail"]').waitFor();
    const steps = page.locator('[data-test="log-steps"] [data-test^="step-"]');
    await steps.first().waitFor();
    expect(await steps.count()).toBeGreaterThan(0);
    await page.waitForTimeout(400); // the drawer slides in
    await shot('05-log-detail');
    await page.keyboard.press('Escape');
  });

  it('dry-runs the job and shows a plan with nothing or little to change', async () => {
    await openDemoJob('Jobs');
    await page.locator('[data-test="job-dry-run"]').click();
    // When the dry run ends, its plan opens by itself.
    await page.locator('[data-test="plan-view"]').waitFor({ timeout: 60_000 });
    const count = await page.locator('[data-test="plan-count"]').innerText();
    const changes = count.startsWith('Nothing') ? 0 : Number(/(\d+)/.exec(count)?.[1]);
    expect(changes).toBeLessThanOrEqual(10);
    await shot('06-dry-run-plan');
  });

  it('exports the provisioning log as CSV for Excel', async () => {
    await openMenu('Provisioning logs');
    await page.locator('[data-test="logs-export"]').click();
    await page.locator('[data-test="export-start"]').click();
    const link = page.locator('[data-test="export-download"]');
    await link.waitFor();
    const fileName = (await link.innerText()).trim();
    expect(fileName).toMatch(/^provisioning-logs_.*\.csv$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = join(data.path, 'downloaded.csv');
    await download.saveAs(saved);
    const text = readFileSync(saved, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').filter((line) => line.trim() !== '').length).toBeGreaterThan(150);
    expect(existsSync(join(data.path, 'exports', fileName))).toBe(true);
    await shot('07-log-export');
    await page.keyboard.press('Escape');
  });

  it('shows every page in Korean and the dark theme', async () => {
    await openMenu('Settings');
    await page.locator('[data-test="theme-dark"]').click();
    await page.locator('[data-test="language"]').click();
    await page.locator('.n-base-select-option', { hasText: '한국어' }).click();
    await page.getByRole('heading', { name: '설정' }).waitFor();

    await openMenu('대시보드');
    await page.locator('[data-test="sandbox-state"]', { hasText: '실행 중' }).waitFor();
    await shot('ko-dark-dashboard');

    await openMenu('작업');
    await page.locator('[data-test="jobs-table"] [data-test="job-status"]', { hasText: '활성' }).waitFor();
    await shot('ko-dark-jobs');

    await openDemoJob('작업');
    expect(page.url()).toBe(jobUrl);
    await shot('ko-dark-job');

    await openMenu('프로비저닝 로그');
    await page.locator('[data-test="log-row"]').first().waitFor();
    await shot('ko-dark-logs');
    await page.locator('[data-test="log-row"]').first().click();
    await page.locator('[data-test="log-steps"]').waitFor();
    await page.waitForTimeout(400);
    await shot('ko-dark-log-detail');
    await page.keyboard.press('Escape');

    await openMenu('보고서');
    await page.locator('[data-test="report-plans"]').waitFor();
    await shot('ko-dark-reports');

    await openMenu('연결');
    await page.locator('[data-test^="test-"]').first().click();
    await page.locator('[data-test="test-verdict"]').waitFor();
    await shot('ko-dark-connection-test');
    await page.keyboard.press('Escape');

    await openMenu('대시보드');
    await page.locator('[data-test="view-accounts"]').click();
    await page.locator('[data-test="kind-users"]').click();
    await page.locator('[data-test="accounts-table"] tbody tr td', { hasText: '@' }).first().waitFor();
    await shot('ko-dark-sandbox');
  });

  it('had no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
