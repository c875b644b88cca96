import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startScimmyServer } from '../peers/scimmy-server';
import { EngineKit, employee } from '../integration/engine/engine-kit';
import { usePrivateKeyring } from '../integration/use-private-keyring';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');

describe('an admin provisions one user on demand in browser mode (Chromium)', () => {
  let kit: EngineKit;
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `on-demand-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    usePrivateKeyring();
    // A CSV source and a real SCIM server (scimmy), set up as an admin would have them.
    kit = new EngineKit(await startScimmyServer());
    await kit.start([
      employee(1),
      employee(2, {
        givenName: 'Minji',
        surname: 'Park',
        email: 'minji.park@example.com',
        jobTitle: 'Designer',
      }),
      employee(3),
    ]);
    await kit.app.close();
    roster = await startRoster(join(kit.dir.path, 'data'), inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(roster.url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    await kit?.peer.stop();
    kit?.dir.remove();
  });

  it('finds the user by name, runs, and watches each step arrive', async () => {
    await page.getByRole('menuitem', { name: 'Jobs', exact: true }).click();
    await page.locator('[data-test="open-HR → App"]').click();
    await page.getByRole('heading', { name: 'HR → App' }).waitFor();
    await page.locator('[data-test="open-on-demand"]').click();
    const drawer = page.locator('[data-test="on-demand-drawer"]');
    await drawer.getByText('Run one user').waitFor();

    // Keyboard only: type, Enter to search, Tab to the result, Enter to choose, Tab to Run, Enter.
    await page.locator('[data-test="on-demand-query"] input').fill('Minji');
    await page.keyboard.press('Enter');
    const candidate = page.locator('[data-test="on-demand-candidate-E0002"]');
    await candidate.waitFor();
    await candidate.focus();
    await page.keyboard.press('Enter');
    await expect(candidate.getAttribute('aria-selected')).resolves.toBe('true');
    const run = page.locator('[data-test="on-demand-run"]');
    await run.focus();
    await page.keyboard.press('Enter');

    await page.locator('[data-test="on-demand-result"][data-status="success"]').waitFor();
    const items = page.locator('[data-test="on-demand-steps"] > li');
    const kinds: (string | null)[] = [];
    for (let i = 0; i < (await items.count()); i++) kinds.push(await items.nth(i).getAttribute('data-test'));
    expect(kinds).toEqual([
      'on-demand-step-import',
      'on-demand-step-scope',
      'on-demand-step-match',
      'on-demand-step-action',
    ]);
    await expect(page.locator('[data-test="match-queries"]').innerText()).resolves.toContain(
      'userName eq "minji.park@example.com"',
    );
    const sent = await page.locator('[data-test="action-attributes"]').innerText();
    expect(sent).toContain('minji.park@example.com');
    expect(sent).toContain('Designer');
    await shot('light');
    await page.locator('[data-test="on-demand-step-action"]').scrollIntoViewIfNeeded();
    await shot('light-steps');
    await expect(candidate.innerText()).resolves.toContain('Provisioned');

    // The account exists in the target, and nobody else was created.
    const posts = kit.peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users');
    expect(posts).toHaveLength(1);
    expect(pageErrors).toEqual([]);

    // The same steps in the dark theme, for the eye (test-results/e2e/on-demand-dark.png).
    await page.emulateMedia({ colorScheme: 'dark' });
    // The theme's colours fade over 0.3 s; the picture waits it out (the app's CSP forbids the
    // string evaluation a waitForFunction would need, and this file has no DOM types).
    await page.waitForTimeout(800);
    await page.locator('[data-test="on-demand-step-match"]').scrollIntoViewIfNeeded();
    await shot('dark');
  });

  it('opens from a provisioning-log entry with the user chosen', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: 'Provisioning logs', exact: true }).click();
    await page.getByText('Minji Park').first().click();
    await page.locator('[data-test="provision-now"]').click();
    await page.waitForURL(/provision=E0002/);
    const candidate = page.locator('[data-test="on-demand-candidate-E0002"]');
    await candidate.waitFor();
    await expect(candidate.getAttribute('aria-selected')).resolves.toBe('true');
    await page.locator('[data-test="on-demand-run"]').click();
    // Linked now: the run compares and sends nothing.
    await page.locator('[data-test="on-demand-result"][data-status="skipped"]').waitFor();
    await expect(page.locator('[data-test="on-demand-step-match"]').innerText()).resolves.toContain(
      'Already linked',
    );
    await shot('from-log');
  });
});
