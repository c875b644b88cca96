import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { CycleSummary, LogPage } from '@shared/domain/provisioning';
import type { SandboxAccountsPage } from '@shared/domain/sandbox';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

/**
 * Issue 10, driven in Chromium like an admin: on the demo job after its first real cycle, a scoping
 * filter that leaves one department out (the live count, the impact dialog, the disables at the
 * Sandbox and the log's reason), then a mapping change and "Restore default mappings" (the stored
 * mappings are the defaults again, and the next cycle is a full one).
 */
const screenshots = resolve(import.meta.dirname, '../../test-results/e2e/job-editing');
const demoCsv = resolve(import.meta.dirname, '../../resources/demo/employees.csv');
const jobName = 'Demo: HR file → Roster Sandbox';
const leftOut = 'Finance';

interface Employee {
  email: string;
  displayName: string;
  department: string;
  status: string;
}

/** The demo file's rows (its columns have no quoted commas up to `status`, except jobTitle). */
function demoEmployees(): Employee[] {
  const [header, ...lines] = readFileSync(demoCsv, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    const row = Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
    return {
      email: row['email']!,
      displayName: row['displayName']!,
      department: row['department']!,
      status: row['status']!,
    };
  });
}

type Look = { language: 'en' | 'ko'; theme: 'light' | 'dark' };
const looks: Look[] = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'ko', theme: 'light' },
  { language: 'ko', theme: 'dark' },
];

interface PageWindow {
  document: { body: unknown };
  getComputedStyle(element: unknown): { backgroundColor: string };
}

describe('an admin edits a running job’s scope and mappings (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-job-editing-');
  const employees = demoEmployees();
  const leavers = employees.filter((e) => e.department === leftOut && e.status === 'Active');
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let jobId = '';
  const pageErrors: string[] = [];

  /** One command of the app's own contract, from the page (same origin, the session cookie). */
  async function rpc<T>(command: string, input: unknown = {}): Promise<T> {
    const result = await page.evaluate(
      async ([name, body]) => {
        const response = await fetch(`/rpc/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          credentials: 'same-origin',
        });
        return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      },
      [command, input] as const,
    );
    if (!result.ok) throw new Error(`${command}: ${result.error?.message ?? 'failed'}`);
    return result.value as T;
  }

  async function sandboxUsers(): Promise<Map<string, { active: boolean | null; displayName: string }>> {
    const users = new Map<string, { active: boolean | null; displayName: string }>();
    for (let offset = 0; ; offset += 500) {
      const page = await rpc<SandboxAccountsPage>('sandbox.accounts', { kind: 'users', offset, limit: 500 });
      for (const u of page.items) users.set(u.name, { active: u.active, displayName: u.displayName });
      if (offset + 500 >= page.total) return users;
    }
  }

  async function jobDetail(): Promise<JobDetail> {
    return rpc<JobDetail>('jobs.get', { id: jobId });
  }

  /** Waits for the job's next real cycle that started after `since` to end, and returns it. */
  async function cycleAfter(since: string): Promise<CycleSummary> {
    let found: CycleSummary | undefined;
    await expect
      .poll(
        async () => {
          const cycles = await rpc<CycleSummary[]>('cycles.list', { jobId, limit: 5 });
          found = cycles.find((c) => !c.dryRun && c.startedAt > since && c.status !== 'running');
          return found !== undefined;
        },
        { timeout: 150_000, interval: 2_000 },
      )
      .toBe(true);
    return found!;
  }

  async function waitIdle(): Promise<void> {
    await expect
      .poll(async () => (await jobDetail()).running, { timeout: 150_000, interval: 2_000 })
      .toBe(false);
  }

  async function runNow(): Promise<CycleSummary> {
    await waitIdle();
    const since = new Date(Date.now() - 1_000).toISOString();
    await page.locator('[data-test="job-run"]').click();
    return cycleAfter(since);
  }

  async function setLook(look: Look): Promise<void> {
    await rpc('settings.update', look);
    await page.locator(`html[lang="${look.language}"]`).waitFor({ state: 'attached' });
    await page.waitForFunction((dark) => {
      const win = globalThis as unknown as PageWindow;
      const [r, g, b] = (win.getComputedStyle(win.document.body).backgroundColor.match(/\d+/g) ?? []).map(
        Number,
      );
      return (r ?? 255) + (g ?? 255) + (b ?? 255) < 200 === dark;
    }, look.theme === 'dark');
    await page.waitForTimeout(250); // naive-ui's colour transition
  }

  /** The screen as it is, in English and Korean, light and dark; back to English light after. */
  async function shots(name: string): Promise<void> {
    for (const look of looks) {
      await setLook(look);
      await page.screenshot({ path: join(screenshots, `${name}-${look.language}-${look.theme}.png`) });
    }
    await setLook(looks[0]!);
  }

  /** Chooses a select's option by keyboard: type to filter, Enter to take the highlighted one. */
  async function pick(selectTest: string, typed: string, shown: string): Promise<void> {
    await page.locator(`[data-test="${selectTest}"]`).click();
    await page.keyboard.type(typed);
    await page.locator('.n-base-select-option--pending', { hasText: shown }).first().waitFor();
    await page.keyboard.press('Enter');
    await page
      .locator(
        `[data-test="${selectTest}"] .n-base-selection-label, [data-test="${selectTest}"] .n-base-selection-input`,
        {
          hasText: shown,
        },
      )
      .first()
      .waitFor();
  }

  async function openTab(name: string): Promise<void> {
    await page.locator('.tab-label', { hasText: name }).click();
  }

  beforeAll(async () => {
    const { mkdirSync, rmSync } = await import('node:fs');
    rmSync(screenshots, { recursive: true, force: true });
    mkdirSync(screenshots, { recursive: true });
    roster = await startRoster(data.path, inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
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
  });

  it('sets up the demo job and lets its first real cycle provision the sandbox', async () => {
    await page.locator('[data-test="try-demo"]').click();
    await page.waitForURL(/#\/jobs\/.+/);
    await page.getByRole('heading', { name: jobName }).waitFor();
    jobId = decodeURIComponent(/#\/jobs\/([^/?]+)/.exec(page.url())![1]!);
    await page
      .locator('[data-test="last-cycle-outcome"]', { hasText: 'Completed' })
      .waitFor({ timeout: 150_000 });
    await waitIdle();
    const users = await sandboxUsers();
    expect(leavers.length).toBe(9);
    for (const leaver of leavers) expect(users.get(leaver.email)?.active).toBe(true);
  });

  it('adds a filter that leaves one department out: the live count, then exactly its people in the impact', async () => {
    await openTab('Scope');
    await page.locator('[data-test="scope-edit-User"]').click();
    await page.locator('[data-test="group-add"]').click();
    await page.locator('[data-test="scope-clause-0-0"]').waitFor();
    await pick('clause-attribute-0-0', 'department', 'department');
    await pick('clause-operator-0-0', 'does not equal', 'does not equal');
    await page.locator('[data-test="clause-value-0-0"] input').fill(leftOut);
    await page
      .locator('[data-test="scope-count-value"]', {
        hasText: `${employees.length - employees.filter((e) => e.department === leftOut).length} of ${employees.length} source objects pass the filters`,
      })
      .waitFor({ timeout: 30_000 });
    // The focus ring of the value field the keyboard is in.
    await page.locator('[data-test="clause-value-0-0"] input').focus();
    await shots('01-scope-filter');

    await page.locator('[data-test="scope-save-User"]').click();
    await page.locator('[data-test="impact-count-disable"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-test="impact-count-disable"] .count').innerText()).resolves.toBe(
      String(leavers.length),
    );
    for (const other of ['create', 'update', 'enable', 'delete'])
      await expect(page.locator(`[data-test="impact-count-${other}"] .count`).innerText()).resolves.toBe('0');
    await page.locator('[data-test="impact-count-disable"]').click();
    await page.locator('[data-test="impact-shown"]', { hasText: String(leavers.length) }).waitFor();
    const rows = await page.locator('[data-test="impact-items"] tbody tr').allInnerTexts();
    expect(rows).toHaveLength(leavers.length);
    for (const leaver of leavers) expect(rows.some((row) => row.includes(leaver.displayName))).toBe(true);
    await shots('02-scope-impact');
  });

  it('saves it, runs the job: exactly those accounts are disabled at the Sandbox, and the log says why', async () => {
    const before = await sandboxUsers();
    await page.locator('[data-test="impact-confirm"]').click();
    await page.locator('[data-test="impact-dialog"]').waitFor({ state: 'hidden' });
    const stored = (await jobDetail()).config.objectMappings.find((m) => m.sourceObject === 'User');
    expect(stored?.scope.filters).toEqual([
      { title: '', clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: leftOut }] },
    ]);

    const cycle = await runNow();
    expect(cycle.status).toBe('completed');
    const after = await sandboxUsers();
    const changed = [...after].filter(([name, user]) => {
      const was = before.get(name);
      return was?.active !== user.active || was.displayName !== user.displayName;
    });
    expect(changed.map(([name]) => name).sort()).toEqual(leavers.map((l) => l.email).sort());
    for (const [, user] of changed) expect(user.active).toBe(false);

    const log = await rpc<LogPage>('logs.query', { jobId, cycleId: cycle.id, action: 'disable', limit: 100 });
    expect(log.entries).toHaveLength(leavers.length);
    for (const entry of log.entries) expect(JSON.stringify(entry)).toMatch(/[Oo]ut of scope|outOfScope/);
  });

  it('changes displayName, saves it, and a cycle brings it to the Sandbox', async () => {
    await page.reload();
    await page.getByRole('heading', { name: jobName }).waitFor();
    await openTab('Mappings');
    await page.locator('[data-test="mapping-edit-displayName"]').first().click();
    await page.locator('[data-test="mapping-dialog"]').waitFor();
    await page.locator('[data-test="mapping-type-Expression"]').click();
    await page.locator('[data-test="expression-input"]').fill('Join(" ", [givenName], [surname])');
    await page.locator('[data-test="mapping-dialog-ok"]').click();
    await page.locator('[data-test="mapping-save"]').click();
    await page.locator('[data-test="impact-count-update"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-test="impact-confirm"]').click();
    await page.locator('[data-test="impact-dialog"]').waitFor({ state: 'hidden' });
    const cycle = await runNow();
    expect(cycle.status).toBe('completed');
    const soyeon = (await sandboxUsers()).get('soyeon.ahn@brightharbor.example');
    expect(soyeon?.displayName).toBe('소연 안');
    // That cycle left a watermark: the next one would be incremental.
    expect((await jobDetail()).nextCycleInitial).toBe(false);
  });

  it('restores the default mappings: the confirmation says a full cycle follows, and the next cycle is one', async () => {
    const detail = await jobDetail();
    const defaults = await rpc<JobConfig>('jobs.defaults', {
      name: detail.config.name,
      sourceConnection: detail.config.sourceConnection,
      targetConnection: detail.config.targetConnection,
    });
    // The dialog's words are set when it opens: one opening per language and theme.
    for (const look of [...looks.slice(1), looks[0]!]) {
      await setLook(look);
      await page.locator('[data-test="mapping-restore-defaults"]').click();
      await page.locator('.n-dialog').waitFor();
      await page.waitForTimeout(300); // the dialog's entrance
      await page.screenshot({
        path: join(screenshots, `03-restore-confirmation-${look.language}-${look.theme}.png`),
      });
      if (look === looks[0]) break;
      await page.keyboard.press('Escape');
      await page.locator('.n-dialog').waitFor({ state: 'hidden' });
    }
    const confirmation = page.locator('.n-dialog', { hasText: 'Restore the default mappings?' });
    await expect(confirmation.innerText()).resolves.toContain(
      'Once saved, the next cycle is a full (initial) one',
    );
    await confirmation.getByRole('button', { name: 'Restore defaults' }).click();
    await page.locator('[data-test="mapping-save"]:not([disabled])').click();
    await page.locator('[data-test="impact-count-update"]').waitFor({ timeout: 60_000 });
    await shots('04-restore-impact');
    await page.locator('[data-test="impact-confirm"]').click();
    await page.locator('[data-test="impact-dialog"]').waitFor({ state: 'hidden' });

    const restored = await jobDetail();
    const withoutScope = (config: JobConfig) =>
      config.objectMappings.map(({ scope: _scope, ...mapping }) => mapping);
    expect(withoutScope(restored.config)).toEqual(withoutScope(defaults));
    // Filters stay, as the confirmation says.
    expect(restored.config.objectMappings.find((m) => m.sourceObject === 'User')?.scope.filters).toHaveLength(
      1,
    );
    expect(restored.nextCycleInitial).toBe(true);

    const cycle = await runNow();
    expect(cycle.kind).toBe('initial');
    expect(cycle.status).toBe('completed');
    const soyeon = (await sandboxUsers()).get('soyeon.ahn@brightharbor.example');
    expect(soyeon?.displayName).toBe('안소연');
  });

  it('had no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
