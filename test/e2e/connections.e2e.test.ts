import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');
const token = `xoxp-e2e-${Date.now()}-Secret`;

/** An HR export the way Excel writes it: UTF-8 with a BOM, the usual columns and a leaver. */
const hrCsv =
  '\ufeffemployeeId,displayName,givenName,surname,email,manager,status,groups\n' +
  'E100,Kim Min-ji,Min-ji,Kim,minji.kim@example.com,,Active,Engineering;All staff\n' +
  'E101,Lee Jun,Jun,Lee,jun.lee@example.com,E100,Active,Engineering\n' +
  'E102,Park Seo-yeon,Seo-yeon,Park,seoyeon.park@example.com,E100,Terminated,Sales\n' +
  'E103,Choi Ha-eun,Ha-eun,Choi,haeun.choi@example.com,E100,On leave,Sales;All staff\n';

describe('an admin manages a connection in browser mode (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-');
  const files = makeTempDirFor('roster-e2e-files-');
  const hrPath = join(files.path, 'employees.csv');
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  /** The whole connection form in one picture: the drawer scrolls, so the window is made tall for it. */
  async function formShot(name: string): Promise<void> {
    await page.setViewportSize({ width: 1360, height: 3000 });
    // The drawer settles against the new window size before the picture is taken.
    await expect
      .poll(async () => {
        const close = await page
          .locator('.n-drawer-header__main + .n-base-close, .n-drawer-header .n-base-close')
          .first()
          .boundingBox();
        return close !== null && close.x + close.width <= 1360;
      })
      .toBe(true);
    await shot(name);
    await page.setViewportSize({ width: 1360, height: 860 });
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
    files.remove();
  });

  /**
   * Chooses an option of the naive-ui select inside `container`, then clicks beside it so the menu
   * closes (a multiple select stays open) and waits until no menu is showing.
   */
  async function choose(container: string, option: string): Promise<void> {
    await page.locator(`${container} .n-base-selection`).click();
    await page.locator('.n-base-select-option:visible', { hasText: new RegExp(`^${option}$`) }).click();
    await page.locator('.n-drawer-header').click();
    await expect.poll(() => page.locator('.n-base-select-menu:visible').count()).toBe(0);
  }

  async function setLook(theme: 'light' | 'dark', language: 'en' | 'ko'): Promise<void> {
    await page.locator('[data-nav="settings"]').click();
    await page.locator(`[data-test="theme-${theme}"]`).click();
    await page.locator('[data-test="language"]').click();
    await page
      .locator('.n-base-select-option:visible', { hasText: language === 'ko' ? '한국어' : 'English' })
      .click();
    await page.getByRole('heading', { name: language === 'ko' ? '설정' : 'Settings' }).waitFor();
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(theme);
  }

  it('opens on the dashboard with the token gone from the address bar', async () => {
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(page.url()).not.toContain('token=');
    // The keychain check answers after the first paint: wait for it rather than sample it.
    await page.getByText('Ready', { exact: true }).waitFor();
    await shot('01-dashboard');
  });

  it('reaches and opens every sidebar entry by keyboard, with a visible focus ring', async () => {
    await page.keyboard.press('Tab');
    // The first stop is "skip to content"; the next ones are the sidebar's entries.
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toContain(
      'Skip to the page content',
    );
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>('document.activeElement.dataset.nav')).resolves.toBe('dashboard');
    const ring = await page.evaluate<string>(
      'getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth',
    );
    expect(ring).toBe('solid 2px');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate<string>('document.activeElement.dataset.nav')).resolves.toBe('connections');
    await shot('01b-sidebar-keyboard-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    await expect(page.locator('[data-nav="connections"]').getAttribute('aria-current')).resolves.toBe('page');
    await page.keyboard.press('End');
    await expect(page.evaluate<string>('document.activeElement.dataset.nav')).resolves.toBe('settings');
    await page.keyboard.press(' ');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.locator('[data-nav="dashboard"]').click();
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
    await page.locator('[data-test="connections-table"] strong', { hasText: /^Slack$/ }).waitFor();
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
    await page.locator('[data-test="connections-table"] strong', { hasText: /^Slack$/ }).waitFor();
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

  it('creates a CSV connection whose roles come from the file’s real header (Korean, dark)', async () => {
    writeFileSync(hrPath, hrCsv);
    await page.locator('[data-nav="connections"]').click();
    await page.locator('[data-test="add-connection"]').click();
    await page.locator('[data-test="kind-csv"]').click();
    await page.locator('input[name="connection-name"]').fill('HR export');
    await page.locator('input[name="field-path"]').fill(hrPath);
    // The preview reads the file as a cycle would: detected BOM and delimiter, the header, first rows.
    await page.locator('[data-test="csv-preview-table"]').getByText('Park Seo-yeon').waitFor();
    await expect(page.locator('[data-test="csv-preview-detected"]').innerText()).resolves.toContain(
      'UTF-8(BOM 포함) (감지됨)',
    );
    await choose('[data-test="column-keyColumn"]', 'employeeId');
    await choose('[data-test="column-displayNameColumn"]', 'displayName');
    await choose('[data-test="column-managerColumn"]', 'manager');
    await choose('[data-test="column-statusColumn"]', 'status');
    // The status values are offered from the file's own status cells.
    await choose('[data-test="values-disabledValues"]', 'On leave');
    await choose('[data-test="column-groupsColumn"]', 'groups');
    await page.locator('[data-test="csv-preview-table"] th', { hasText: '상태' }).waitFor();
    expect(await page.content()).not.toMatch(/Please (Input|Select)/);
    await page.locator('[data-test="connection-form"]').hover({ position: { x: 5, y: 5 } });
    await formShot('09-csv-form-ko-dark');
    await page.locator('[data-test="connection-save"]').click();
    await page.getByText('연결 HR export을(를) 만들었습니다').waitFor();
    await page.getByRole('cell', { name: hrPath }).waitFor();
  });

  it('shows every option of the CSV connection in its own form, in both languages and themes', async () => {
    for (const [theme, language] of [
      ['dark', 'en'],
      ['light', 'en'],
      ['light', 'ko'],
    ] as const) {
      await setLook(theme, language);
      await page.locator('[data-nav="connections"]').click();
      await page.locator('[data-test="edit-HR export"]').click();
      await page.locator('[data-test="csv-preview-table"]').getByText('Park Seo-yeon').waitFor();
      const form = page.locator('[data-test="connection-form"]');
      for (const role of ['keyColumn', 'displayNameColumn', 'managerColumn', 'statusColumn', 'groupsColumn'])
        await expect(form.locator(`[data-test="column-${role}"]`).isVisible()).resolves.toBe(true);
      await expect(form.locator('[data-test="values-disabledValues"]').innerText()).resolves.toContain(
        'On leave',
      );
      await expect(form.locator('[data-test="memberships-file"]').isVisible()).resolves.toBe(true);
      await expect(form.locator('[data-test="column-types"]').isVisible()).resolves.toBe(true);
      await formShot(`10-csv-form-${language}-${theme}`);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden' });
    }
  });

  it('says beside the path why a file cannot be read, in the admin’s language', async () => {
    writeFileSync(join(files.path, 'huge.csv'), `employeeId,${'y'.repeat(3_000_000)}\nE1,x\n`);
    await page.locator('[data-test="add-connection"]').click();
    await page.locator('[data-test="kind-csv"]').click();
    await page.locator('input[name="field-path"]').fill(join(files.path, 'huge.csv'));
    const problem = page.locator('[data-test="csv-preview-problem"]');
    await problem.waitFor();
    await expect(problem.innerText()).resolves.toContain('huge.csv:1의 행이 1,000,000자를 넘습니다');
    await shot('11-csv-problem-ko-light');
    await page.keyboard.press('Escape');
  });

  it('shows the change to the CSV connection on the Audit page field by field, with no false secret change', async () => {
    await page.locator('[data-test="edit-HR export"]').click();
    await page.locator('[data-test="csv-preview-table"]').waitFor();
    await choose('[data-test="column-givenNameColumn"]', 'givenName');
    await page.locator('[data-test="connection-save"]').click();
    await page.getByText('연결 HR export을(를) 저장했습니다').waitFor();
    await page.locator('[data-nav="audit"]').click();
    const row = page.locator('[data-test="audit-row"]').first();
    await expect(row.innerText()).resolves.toContain('이름 열');
    await row.focus();
    await page.keyboard.press('Enter');
    const changes = page.locator('[data-test="audit-changes"]').first();
    await changes.waitFor();
    const text = await changes.innerText();
    expect(text).toContain('이름 열');
    expect(text).toContain('givenName');
    expect(text).not.toContain('secretsChanged');
    expect(text).not.toContain('{');
    await shot('12-audit-diff-ko-light');
  });

  it('fits its tables in a 1024 px window (the sidebar folds to icons)', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const [section, table] of [
      ['connections', 'connections-table'],
      ['audit', 'audit-table'],
      ['logs', 'logs-table'],
    ] as const) {
      await page.locator(`[data-nav="${section}"]`).click();
      await page.locator(`[data-test="${table}"]`).waitFor();
      const overflow = await page.evaluate<number>(
        `(() => { const body = document.querySelector('[data-test="${table}"] .n-data-table-base-table-body') ?? document.querySelector('[data-test="${table}"] .n-data-table-base-table'); const page = document.documentElement; return Math.max(body ? body.scrollWidth - body.clientWidth : 0, page.scrollWidth - page.clientWidth); })()`,
      );
      expect(overflow, section).toBeLessThanOrEqual(1);
      await shot(`13-fit-1024-${section}`);
    }
    await page.setViewportSize({ width: 1360, height: 860 });
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
