import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../peers/slapd-server';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');

/**
 * Issue #5 from the UI: an OpenLDAP directory (a real slapd) as a connection — test it, pick its base
 * DN in the directory browser — then a job from the default mappings into the Roster Sandbox, run.
 */
describe('an admin provisions from an LDAP directory in browser mode (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-ldap-');
  let slapd: SlapdPeer;
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `ldap-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    slapd = await startSlapd({
      ldif: ouLdif('ou=People,dc=example,dc=com') + usersLdif(12, 'ou=People,dc=example,dc=com'),
    });
    roster = await startRoster(data.path, inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1360, height: 860 } });
    page.setDefaultTimeout(20_000);
    await page.goto(roster.url);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    await slapd?.stop();
    data.remove();
  });

  it('creates the LDAP connection and tests it', async () => {
    await page.getByRole('menuitem', { name: 'Connections' }).click();
    await page.locator('[data-test="add-connection"]').click();
    await page.locator('input[name="connection-name"]').fill('Directory');
    await page.locator('[data-test="kind-ldap"]').click();
    await page.locator('input[name="field-url"]').fill(slapd.url);
    await page.locator('input[name="field-bindDn"]').fill(slapd.bindDn);
    await page.locator('input[name="field-baseDn"]').fill(slapd.baseDn);
    await page.locator('input[name="secret-bindPassword"]').fill(slapd.password);
    await page.locator('[data-test="connection-save"]').click();
    await page.getByText('Connection Directory created').waitFor();
    await page.locator('[data-test="test-Directory"]').click();
    await page.locator('[data-test="test-result"]').getByText('OpenLDAP').first().waitFor();
    await shot('01-test-connection');
    await page.keyboard.press('Escape');
  });

  it('picks the base DN in the directory browser, a level at a time', async () => {
    await page.locator('[data-test="edit-Directory"]').click();
    await page.locator('[data-test="browse-baseDn"]').click();
    const browser = page.locator('[data-test="directory-browser"]');
    await browser.locator('.n-tree-node', { hasText: 'dc=example,dc=com' }).waitFor();
    // Expand the naming context: its children are read only now, one level.
    await browser.locator('.n-tree-node-switcher').first().click();
    await browser.locator('.n-tree-node-content', { hasText: 'ou=People' }).click();
    await shot('02-directory-browser');
    await page.locator('[data-test="directory-use"]').click();
    await expect(page.locator('input[name="field-baseDn"]').inputValue()).resolves.toBe(
      'ou=People,dc=example,dc=com',
    );
    await page.locator('[data-test="connection-save"]').click();
    await page.getByText('Connection Directory saved').waitFor();
  });

  it('creates a job from the default mappings and provisions the directory into the sandbox', async () => {
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.locator('[data-test="sandbox-start"]').click();
    await page.locator('[data-test="sandbox-stop"]').waitFor();
    await page.getByRole('menuitem', { name: 'Jobs' }).click();
    // The new-job wizard: each connection is tested as it is chosen, the job is dry-run, then created.
    await page.locator('[data-test="new-job"]').click();
    await page.locator('[data-test="source-select"]').click();
    await page.locator('.n-base-select-option', { hasText: /^Directory · / }).click();
    await page
      .locator('[data-test="source-test-card"] [data-test="test-passed"]')
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-test="wizard-next"]').click();
    await page.locator('[data-test="target-mode-existing"]').click();
    await page.locator('[data-test="target-select"]').click();
    await page.locator('.n-base-select-option', { hasText: /^Roster Sandbox · / }).click();
    await page
      .locator('[data-test="target-test-card"] [data-test="test-passed"]')
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-test="wizard-next"]').click();
    // Leaving the target step builds the job's defaults from the directory's schema (an LDAP read):
    // on a loaded machine that took longer than an action's 20 s once.
    await page.locator('[data-step="provision"]').waitFor({ timeout: 60_000 });
    await page.locator('input[name="job-name"]').fill('Directory → Sandbox');
    for (const step of ['mappings', 'filters', 'settings', 'review']) {
      await page.locator('[data-test="wizard-next"]').click();
      await page.locator(`[data-step="${step}"]`).waitFor();
    }
    await page
      .locator('[data-test="wizard-dry-run-outcome"]', { hasText: 'Completed' })
      .waitFor({ timeout: 60_000 });
    await shot('03-new-job');
    await page.locator('[data-test="wizard-create"]').click();
    await page.getByRole('heading', { name: 'Directory → Sandbox' }).waitFor();
    await page.locator('[data-test="job-run"]').click();
    await page
      .locator('[data-test="last-cycle-outcome"]', { hasText: 'Completed' })
      .waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-test="linked-users"]').innerText()).resolves.toContain('12');
    await shot('04-job-done');
  });
});
