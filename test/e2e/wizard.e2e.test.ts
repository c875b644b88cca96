import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e/wizard');
const demoCsv = resolve(import.meta.dirname, '../../resources/demo/employees.csv');
/** An active employee whom HR marks Terminated after the first cycle. */
const leaver = { key: 'E1010', name: '이상훈' };
const jobName = 'HR file → Roster Sandbox';

/** The little of the page's DOM the page-side functions use (the test project has no DOM types). */
interface PageWindow {
  document: {
    body: unknown;
    querySelector(selector: string): { scrollHeight: number } | null;
  };
  getComputedStyle(element: unknown): { backgroundColor: string };
}

type Look = { language: 'en' | 'ko'; theme: 'light' | 'dark' };
const looks: Look[] = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'ko', theme: 'light' },
  { language: 'ko', theme: 'dark' },
];

describe('a new admin sets up a job with the wizard, from an empty data folder (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-wizard-');
  // The demo file, copied where the test may change it as HR would.
  const hr = makeTempDirFor('roster-e2e-wizard-hr-');
  const hrCsv = join(hr.path, 'employees.csv');
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let jobUrl = '';
  const pageErrors: string[] = [];

  /** Changes theme and language through the app's own command; the page follows its event live. */
  async function setLook(look: Look): Promise<void> {
    await page.evaluate(async (patch) => {
      const response = await fetch('/rpc/settings.update', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(patch),
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`settings.update answered ${response.status}`);
    }, look);
    await page.locator(`html[lang="${look.language}"]`).waitFor({ state: 'attached' });
    // The page's CSP forbids evaluating strings, and the test code has no DOM types: the page-side
    // function names the little of the DOM it uses.
    await page.waitForFunction((dark) => {
      const win = globalThis as unknown as PageWindow;
      const [r, g, b] = (win.getComputedStyle(win.document.body).backgroundColor.match(/\d+/g) ?? []).map(
        Number,
      );
      return (r ?? 255) + (g ?? 255) + (b ?? 255) < 200 === dark;
    }, look.theme === 'dark');
    await page.waitForTimeout(250); // naive-ui's colour transition
  }

  /** One screenshot per language and theme, back to English light for the next step. */
  async function shots(name: string): Promise<void> {
    // The layout scrolls inside its content pane, so a full-page shot needs a window as tall as it.
    const height = await page.evaluate(() => {
      const win = globalThis as unknown as PageWindow;
      const pane = win.document.querySelector('.n-layout-content .n-layout-scroll-container');
      return Math.ceil((pane?.scrollHeight ?? 900) + 8);
    });
    await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 900), 4000) });
    for (const look of looks) {
      await setLook(look);
      await page.screenshot({
        path: join(screenshots, `${name}-${look.language}-${look.theme}.png`),
        fullPage: true,
      });
    }
    await setLook(looks[0]!);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  /** Chooses a select's option by keyboard: type to filter, Enter to take the highlighted one. */
  async function pick(selectTest: string, option: string): Promise<void> {
    const select = page.locator(`[data-test="${selectTest}"]`);
    await select.click();
    await page.keyboard.type(option);
    await page.locator('.n-base-select-option--pending', { hasText: option }).first().waitFor();
    await page.keyboard.press('Enter');
    await select
      .locator('.n-base-selection-label, .n-base-selection-input', { hasText: option })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
  }

  async function next(): Promise<void> {
    await page.locator('[data-test="wizard-next"]').click();
  }

  async function onStep(title: string): Promise<void> {
    await page.locator('[data-test="wizard-step-title"]', { hasText: title }).waitFor();
  }

  beforeAll(async () => {
    rmSync(screenshots, { recursive: true, force: true });
    copyFileSync(demoCsv, hrCsv);
    mkdirSync(screenshots, { recursive: true });
    roster = await startRoster(data.path, inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(roster.url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await setLook(looks[0]!);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await page.screenshot({
        path: join(screenshots, `failed-${context.task.name.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      });
  });

  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    data.remove();
    hr.remove();
  });

  it('opens the wizard from the Jobs page, and refuses Next until a source is chosen and tested', async () => {
    await page.getByRole('menuitem', { name: 'Jobs', exact: true }).click();
    await page.locator('[data-test="new-job"]').click();
    await page.waitForURL(/#\/jobs\/new$/);
    await onStep('Where do the people come from?');
    // No connection exists yet: the wizard opens the form to create one, and its first field has focus.
    await page.locator('[data-test="connection-form"]').waitFor();
    await next();
    await page.locator('[data-test="source-problem"]', { hasText: 'Choose the source connection' }).waitFor();
    await shots('01-source-empty');
  });

  it('creates the CSV source inline with its status, groups and manager columns, and tests it', async () => {
    await page.locator('input[name="connection-name"]').fill('HR file');
    await page.locator('[data-test="kind-csv"]').click();
    await page.locator('input[name="field-path"]').fill(hrCsv);
    await page.locator('[data-test="csv-preview-table"]').waitFor();
    await pick('column-keyColumn', 'employeeId');
    await pick('column-statusColumn', 'status');
    await pick('column-groupsColumn', 'groups');
    await pick('column-managerColumn', 'manager');
    await shots('02-source-form');
    await page.locator('[data-test="connection-save"]').click();
    // Saved, chosen and tested at once; the source's columns are shown.
    await page
      .locator('[data-test="source-test-card"] [data-test="test-passed"]')
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-test="source-attributes"]').waitFor();
    await shots('03-source-tested');
    await next();
  });

  it('uses the Roster Sandbox as the target, tested, with its discovered schema', async () => {
    await onStep('Where do their accounts go?');
    await next();
    // The step opens on the app gallery, with the sandbox offered beside it.
    await page
      .getByText('Choose the target connection, create one, or use the Roster Sandbox.')
      .first()
      .waitFor();
    if (!(await page.locator('[data-test="use-sandbox"]').isVisible()))
      await page.locator('[data-test="target-mode-existing"]').click();
    await page.locator('[data-test="use-sandbox"]').click();
    await page
      .locator('[data-test="target-test-card"] [data-test="test-passed"]')
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-test="discovery-result"]').waitFor();
    await shots('04-target-sandbox');
    await next();
  });

  it('provisions users and groups for everyone, then shows the defaults, filters and settings', async () => {
    await onStep('What to provision, and for whom');
    await expect(page.locator('input[name="job-name"]').inputValue()).resolves.toBe(jobName);
    // The name field has the focus: the keyboard continues where the eye does.
    await page.locator('input[name="job-name"]:focus').waitFor();
    await page.locator('[data-test="scope-assigned"]').click();
    await next();
    await page
      .locator('.n-form-item-feedback--error', { hasText: 'Assign at least one user or group' })
      .waitFor();
    await page.locator('[data-test="assign-User"]').click();
    await page.keyboard.type('E1027');
    await page.locator('.n-base-select-option', { hasText: 'E1027' }).first().click();
    await page.keyboard.press('Escape');
    await shots('05-scope-assigned');
    await page.locator('[data-test="scope-all"]').click();
    await shots('06-scope-all');
    await next();

    await onStep('How attributes flow');
    await page.locator('[data-test="mapping-editor"] [data-test="mapping-table-Users"]').waitFor();
    await shots('07-mappings');
    await next();
    await onStep('Which objects are in scope');
    await shots('08-filters');
    await next();
    await onStep('How the job runs');
    await shots('09-settings');
  });

  it('keeps everything on Back, and keeps a draft when the admin leaves and comes back', async () => {
    await page.locator('[data-test="wizard-go-source"]').click();
    await onStep('Where do the people come from?');
    await expect(page.locator('[data-test="source-select"]').innerText()).resolves.toContain('HR file');
    await page.getByRole('menuitem', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('menuitem', { name: 'Jobs', exact: true }).click();
    await page.locator('[data-test="new-job"]').click();
    await page.locator('[data-test="resume-summary"]', { hasText: 'HR file → Roster Sandbox' }).waitFor();
    await shots('10-resume');
    await page.getByRole('button', { name: 'Continue' }).click();
    await onStep('Where do the people come from?');
    await next();
    await next();
    await next();
    await next();
    await next();
  });

  it('dry-runs the first cycle against the sandbox, with counts per action and a searchable plan', async () => {
    await onStep('How the job runs');
    await next();
    await onStep('Review and dry run');
    await page
      .locator('[data-test="wizard-dry-run-outcome"]', { hasText: 'Completed' })
      .waitFor({ timeout: 90_000 });
    const created = Number(await page.locator('[data-test="plan-count-create"] strong').innerText());
    expect(created).toBeGreaterThanOrEqual(150);
    await page.locator('input[name="plan-search"]').fill(leaver.key);
    await page.locator('[data-test="wizard-plan-shown"]', { hasText: 'Showing 1 of' }).waitFor();
    await expect(page.locator('[data-test="wizard-plan-table"] tbody tr').innerText()).resolves.toContain(
      leaver.name,
    );
    await shots('11-review');
    await page.locator('input[name="plan-search"]').fill('');
  });

  it('creates and starts the job; its first cycle provisions the sandbox', async () => {
    await page.locator('[data-test="wizard-create-start"]').click();
    await page.waitForURL(/#\/jobs\/(?!new).+/);
    jobUrl = page.url();
    await page.getByRole('heading', { name: jobName }).waitFor();
    await page
      .locator('[data-test="last-cycle-outcome"]', { hasText: 'Completed' })
      .waitFor({ timeout: 110_000 });
    const linked = Number(
      (await page.locator('[data-test="linked-users"] .n-statistic-value').innerText()).trim(),
    );
    expect(linked).toBeGreaterThanOrEqual(150);
    await shots('12-job-created');
  });

  it('no longer offers a draft once the job was created', async () => {
    await page.goto(`${roster.origin}/#/jobs/new`);
    await onStep('Where do the people come from?');
    await expect(page.locator('[data-test="resume-summary"]').count()).resolves.toBe(0);
    await page.locator('[data-test="wizard-cancel"]').click();
    await page.waitForURL(/#\/jobs$/);
  });

  it('disables an employee HR marks Terminated, and the log says why', async () => {
    // HR's next export: the leaver's status is Terminated. The started job watches the file and runs
    // a cycle by itself (fast deprovisioning).
    const lines = readFileSync(hrCsv, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.startsWith(`${leaver.key},`));
    lines[index] = lines[index]!.replace(',Active,', ',Terminated,');
    writeFileSync(hrCsv, lines.join('\n'));

    await page.getByRole('menuitem', { name: 'Provisioning logs', exact: true }).click();
    await page.locator('input[name="filter-identity"]').fill(leaver.key);
    const disabled = page.locator('[data-test="log-row"]', { hasText: 'Disable' }).first();
    await expect
      .poll(
        async () => {
          await page.locator('[data-test="logs-refresh"]').click();
          return disabled.count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    await disabled.click();
    await page.locator('[data-test="log-detail"]').waitFor();
    // Why: the scope check found the row soft-deleted (its status is one of the "left" values), so
    // the evaluate step disabled the linked account; started by the file change, not the schedule.
    const detail = await page.locator('[data-test="log-detail"]').innerText();
    expect(detail).toMatch(/Soft-deleted in the source/);
    expect(detail).toMatch(/source change/);
    expect(detail).toMatch(/active\s+true\s+false/);
    await page.waitForTimeout(400); // the drawer slides in
    await shots('13-log-leaver-disabled');
    await page.keyboard.press('Escape');
    expect(jobUrl).not.toBe('');
  });

  it('edits displayName into an expression previewed on a real row, saves it through the impact dialog, and the sandbox shows it', async () => {
    await page.goto(jobUrl);
    await page.getByRole('heading', { name: jobName }).waitFor();
    await page.locator('.tab-label', { hasText: 'Mappings' }).click();
    // The job page re-renders when the watch's cycle ends; a click in that moment can be lost, so
    // click again until the dialog shows.
    for (let attempt = 0; ; attempt++) {
      await page.locator('[data-test="mapping-edit-displayName"]').first().click();
      const opened = await page
        .locator('[data-test="mapping-dialog"]')
        .waitFor({ timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      if (opened) break;
      if (attempt === 4) throw new Error('The mapping dialog did not open after five clicks');
    }
    await page.locator('[data-test="mapping-type-Expression"]').click();
    await page.locator('[data-test="expression-input"]').fill('Join(" ", [givenName], [surname])');
    await page.locator('[data-test="mapping-preview-object"]').click();
    await page.keyboard.type('E1002');
    await page.locator('.n-base-select-option', { hasText: 'E1002' }).first().click();
    await page.locator('[data-test="expression-result"]', { hasText: '소연 안' }).waitFor();
    await shots('14-mapping-expression');
    await page.locator('[data-test="mapping-dialog-ok"]').click();
    await page.locator('[data-test="mapping-save"]').click();
    await page.locator('[data-test="impact-count-update"]').waitFor({ timeout: 30_000 });
    await shots('15-impact');
    await page.locator('[data-test="impact-confirm"]').click();
    await page.locator('[data-test="impact-dialog"]').waitFor({ state: 'hidden' });
    await page.locator('[data-test="job-run"]').click();
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const response = await fetch('/rpc/sandbox.accounts', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ kind: 'users', search: 'soyeon.ahn' }),
            });
            const result = (await response.json()) as { value?: { items: { displayName: string }[] } };
            return result.value?.items[0]?.displayName ?? null;
          }),
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe('소연 안');
    await page.goto(`${roster.origin}/#/sandbox`);
    await page.locator('input[name="sandbox-search"]').fill('soyeon.ahn');
    await page.locator('[data-test="accounts-table"] tbody tr', { hasText: '소연 안' }).waitFor();
    await shots('16-sandbox-display-name');
  });

  it('had no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
