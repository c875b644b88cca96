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
    // The test code has no DOM types: the page-side checks are written as expressions.
    await page.locator(`html[lang="${look.language}"]`).waitFor({ state: 'attached' });
    const dark = look.theme === 'dark';
    await page.waitForFunction(
      `(() => { const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\\d+/g) ?? []).map(Number); return (r + g + b < 200) === ${dark}; })()`,
    );
    await page.waitForTimeout(250); // naive-ui's colour transition
  }

  /** One screenshot per language and theme, back to English light for the next step. */
  async function shots(name: string): Promise<void> {
    // The layout scrolls inside its content pane, so a full-page shot needs a window as tall as it.
    const height = Number(
      await page.evaluate(
        `Math.ceil((document.querySelector('.n-layout-content .n-layout-scroll-container')?.scrollHeight ?? 900) + 8)`,
      ),
    );
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
    await page.locator('.n-form-item-feedback--error', { hasText: 'Choose the target connection' }).waitFor();
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
    await page.locator('[data-test="wizard-mappings"]').waitFor();
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
    await expect(page.locator('[data-test="log-detail"]').innerText()).resolves.toMatch(/Terminated/);
    await page.waitForTimeout(400); // the drawer slides in
    await shots('13-log-leaver-disabled');
    await page.keyboard.press('Escape');
    expect(jobUrl).not.toBe('');
  });

  it('had no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
