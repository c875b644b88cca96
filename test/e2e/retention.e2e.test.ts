import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src-main/store/store';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

describe('an admin sets how long provisioning logs are kept (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-retention-');
  let roster: RunningRoster | null = null;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];
  const days = () => page.locator('input[name="log-retention-days"]');

  beforeAll(async () => {
    roster = await startRoster(data.path, inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(roster.url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });
  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    data.remove();
  });

  it('shows the 30-day default, saves 90 days, and keeps it after a reload', async () => {
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.locator('[data-test="retention-card"]').waitFor();
    await expect(days().inputValue()).resolves.toBe('30');
    await days().fill('90');
    await days().blur();
    await page.locator('[data-test="retention-save"]').click();
    await page.getByText('Settings saved').first().waitFor();
    await page.reload();
    await page.locator('[data-test="retention-card"]').waitFor();
    await expect(days().inputValue()).resolves.toBe('90');
    await page.getByText('Entries older than 90 days are removed automatically').waitFor();
  });

  it('reads in Korean', async () => {
    await page.locator('[data-test="language"]').click();
    await page.locator('.n-base-select-option', { hasText: '한국어' }).click();
    const card = page.locator('[data-test="retention-card"]');
    await card.getByText('프로비저닝 로그').waitFor();
    await card.getByText('90일이 지난 항목은').waitFor();
  });

  it('stored the period in the data folder, and had no page errors', async () => {
    // The server closes the database first (a stopped server is not stopped again after the tests).
    await roster?.stop();
    roster = null;
    const store = openStore({ path: join(data.path, 'roster.db') });
    expect(store.settings.getAppSettings().logRetentionDays).toBe(90);
    store.close();
    expect(pageErrors).toEqual([]);
  });
});
