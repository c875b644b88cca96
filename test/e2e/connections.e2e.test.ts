import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');
const token = `xoxp-e2e-${Date.now()}-Secret`;

describe('an admin manages a connection in browser mode (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-');
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    roster = await startRoster(data.path, inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1360, height: 860 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(roster.url);
  });

  afterEach(async (context) => {
    // A failed step leaves a picture of what the admin would have seen.
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    data.remove();
  });

  it('opens on the dashboard with the token gone from the address bar', async () => {
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(page.url()).not.toContain('token=');
    // The keychain check answers after the first paint: wait for it rather than sample it.
    await page.getByText('Ready', { exact: true }).waitFor();
    await shot('01-dashboard');
  });

  it('creates a SCIM connection with a bearer token', async () => {
    await page.getByRole('menuitem', { name: 'Connections' }).click();
    await page.getByText('No connections yet.').waitFor();
    await page.locator('[data-test="add-connection"]').click();
    await page.locator('input[name="connection-name"]').fill('Slack');
    await page.locator('input[name="field-baseUrl"]').fill('https://api.slack.com/scim/v2');
    await page.locator('input[name="secret-bearerToken"]').fill(token);
    await shot('02-create-form');
    await page.locator('[data-test="connection-save"]').click();
    await page.getByText('Connection Slack created').waitFor();
    await expect(page.locator('[data-test="list-secret-bearerToken"]').innerText()).resolves.toBe(
      'Bearer token: Set',
    );
  });

  it('still lists it after a reload, with the secret shown only as set', async () => {
    await page.reload();
    await page.getByRole('cell', { name: 'Slack', exact: true }).waitFor();
    await expect(page.locator('[data-test="list-secret-bearerToken"]').innerText()).resolves.toBe(
      'Bearer token: Set',
    );
    expect(await page.content()).not.toContain(token);
    await shot('03-list-after-reload');
  });

  it('edits it', async () => {
    await page.locator('[data-test="edit-Slack"]').click();
    const url = page.locator('input[name="field-baseUrl"]');
    await expect(url.inputValue()).resolves.toBe('https://api.slack.com/scim/v2');
    await expect(page.locator('[data-test="secret-state-bearerToken"]').innerText()).resolves.toBe('Set');
    expect(await page.locator('input[name="secret-bearerToken"]').inputValue()).toBe('');
    await url.fill('https://api.slack.com/scim/v3');
    await shot('04-edit-form');
    await page.locator('[data-test="connection-save"]').click();
    await page.getByText('Connection Slack saved').waitFor();
    await page.getByRole('cell', { name: 'https://api.slack.com/scim/v3' }).waitFor();
  });

  it('switches to Korean and the dark theme, and keeps them after a reload', async () => {
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.locator('[data-test="theme-dark"]').click();
    await page.locator('[data-test="language"]').click();
    await page.locator('.n-base-select-option', { hasText: '한국어' }).click();
    await page.getByRole('heading', { name: '설정' }).waitFor();
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await shot('05-settings-korean-dark');
    await page.reload();
    await page.getByRole('heading', { name: '설정' }).waitFor();
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    // Evaluated in the page; the test's own TypeScript has no DOM types.
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(background).not.toBe('rgb(255, 255, 255)');
  });

  it('deletes the connection (in Korean) after confirming', async () => {
    await page.getByRole('menuitem', { name: '연결' }).click();
    await page.getByRole('cell', { name: 'Slack', exact: true }).waitFor();
    await shot('06-connections-korean-dark');
    await page.locator('[data-test="delete-Slack"]').click();
    await page.getByText('Slack을(를) 삭제할까요?').waitFor();
    await shot('07-delete-confirm');
    await page.locator('.n-dialog .n-button--error-type').click();
    await page.getByText('연결 Slack을(를) 삭제했습니다').waitFor();
    await page.getByText('아직 연결이 없습니다.', { exact: false }).waitFor();
  });

  it('shows every change on the Audit page, secrets redacted', async () => {
    await page.getByRole('menuitem', { name: '감사' }).click();
    await page.getByText('연결 삭제').waitFor();
    await expect(page.getByText('연결 생성').count()).resolves.toBe(1);
    await expect(page.getByText('설정 변경').count()).resolves.toBe(2);
    await page.locator('.n-data-table-expand-trigger').first().click();
    await shot('08-audit-korean-dark');
    expect(await page.content()).not.toContain(token);
  });

  it('left a 0600, WAL-mode database with no secret in it, and no page errors', () => {
    const db = join(data.path, 'roster.db');
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const raw = new BetterSqlite3(db, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    for (const file of readdirSync(data.path)) {
      expect(readFileSync(join(data.path, file)).toString('latin1'), file).not.toContain(token);
    }
    expect(pageErrors).toEqual([]);
  });
});
