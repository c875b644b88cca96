import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startScimmyServer, type ScimmyPeer } from '../peers/scimmy-server';
import { EngineKit, employee } from '../integration/engine/engine-kit';
import { usePrivateKeyring } from '../integration/use-private-keyring';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');

/** An account made in the target with plain HTTP, behind Roster's back. */
async function createBehindTheBack(peer: ScimmyPeer, userName: string): Promise<string> {
  const response = await fetch(`${peer.baseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${peer.token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      active: true,
    }),
  });
  if (response.status !== 201) throw new Error(`POST /Users: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

describe('an admin finds the accounts created behind Roster’s back (Chromium)', () => {
  let kit: EngineKit;
  let peer: ScimmyPeer;
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];
  const made = { newHire: '', ghost: '' };

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `accounts-${name}.png`), fullPage: true });
  }

  async function setLook(theme: 'light' | 'dark', language: 'en' | 'ko'): Promise<void> {
    await page.goto(`${roster.origin}/#/settings`);
    await page.locator(`[data-test="theme-${theme}"]`).click();
    await page.locator('[data-test="language"]').click();
    await page
      .locator('.n-base-select-option:visible', { hasText: language === 'ko' ? '한국어' : 'English' })
      .click();
    await page.getByRole('heading', { name: language === 'ko' ? '설정' : 'Settings' }).waitFor();
  }

  async function confirmDialog(label: string): Promise<void> {
    await page.locator('.n-dialog').getByRole('button', { name: label, exact: true }).click();
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    usePrivateKeyring();
    peer = await startScimmyServer();
    kit = new EngineKit(peer);
    const staff = [1, 2, 3].map((n) => employee(n));
    await kit.start(staff);
    await kit.sync();
    // A new hire the job has not provisioned yet, and two accounts someone made by hand.
    kit.writeCsv([
      ...staff,
      employee(4, { givenName: 'Minji', surname: 'Park', email: 'minji.park@example.com' }),
    ]);
    made.newHire = await createBehindTheBack(peer, 'minji.park@example.com');
    made.ghost = await createBehindTheBack(peer, 'old.contractor@example.com');
    await kit.app.close();
    roster = await startRoster(join(kit.dir.path, 'data'), inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(roster.url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    await peer?.stop();
    kit?.dir.remove();
  });

  it('discovers every account of the target and classifies them', async () => {
    await page.locator('[data-nav="accounts"]').click();
    await page.getByRole('heading', { name: 'Accounts in the target' }).waitFor();
    await page.locator('[data-test="accounts-never"]').waitFor();
    await page.locator('[data-test="accounts-discover"]').click();
    await page.locator('[data-test="accounts-status"][data-status="completed"]').waitFor();

    const tile = (name: string) => page.locator(`[data-test="accounts-tile-${name}"] .count`).innerText();
    await expect(tile('all')).resolves.toBe('5');
    await expect(tile('linked')).resolves.toBe('3');
    await expect(tile('unlinkedMatch')).resolves.toBe('1');
    await expect(tile('unmanaged')).resolves.toBe('1');
    await expect(page.locator(`[data-test="account-row-${made.newHire}"]`).innerText()).resolves.toContain(
      'E0004',
    );
    await shot('light-en');

    // The tile filters, and the search finds by user name.
    await page.locator('[data-test="accounts-tile-unmanaged"]').click();
    await expect(page.locator('[data-test="accounts-count"]').innerText()).resolves.toContain('1 account');
    await page.locator('[data-test="accounts-tile-unmanaged"]').click();
    await page.locator('[data-test="accounts-search"] input').fill('contractor');
    await expect.poll(() => page.locator('.account-row').count()).toBe(1);
    await page.locator('[data-test="accounts-search"] input').fill('');
    await expect.poll(() => page.locator('.account-row').count()).toBe(5);
    expect(pageErrors).toEqual([]);
  });

  it('adopts the new hire and disables the stranger, each confirmed', async () => {
    await page.locator(`[data-test="account-adopt-${made.newHire}"]`).click();
    await confirmDialog('Adopt');
    await expect.poll(() => page.locator('[data-test="accounts-tile-linked"] .count').innerText()).toBe('4');
    // The rows are read again after the counts: wait for the adopted one to show its decision.
    await expect
      .poll(() => page.locator(`[data-test="account-row-${made.newHire}"]`).innerText())
      .toContain('Adopted by');

    // Keyboard: focus the Disable button and press Enter, then confirm.
    await page.locator(`[data-test="account-disable-${made.ghost}"]`).focus();
    await page.keyboard.press('Enter');
    await confirmDialog('Disable');
    await page.locator(`[data-test="account-row-${made.ghost}"] [data-test="account-decision"]`).waitFor();
    await expect(page.locator(`[data-test="account-row-${made.ghost}"]`).innerText()).resolves.toContain(
      'Disabled',
    );
    expect(peer.storedUser(made.ghost)?.['active']).toBe(false);
    await shot('acted-light-en');

    // The actions are in the provisioning log, under the run the page links to.
    await page.locator('[data-test="accounts-open-log"]').click();
    await page.waitForURL(/cycle=/);
    await page.getByText('old.contractor@example.com').first().waitFor();
    await page.goto(`${roster.origin}/#/accounts?job=${kit.jobId}`);
    await page.locator('[data-test="accounts-status"][data-status="completed"]').waitFor();
  });

  it('reads the same in the dark theme and in Korean', async () => {
    await setLook('dark', 'en');
    await page.goto(`${roster.origin}/#/accounts?job=${kit.jobId}`);
    await page.locator('[data-test="accounts-status"][data-status="completed"]').waitFor();
    await page.waitForTimeout(800);
    await shot('dark-en');
    await setLook('dark', 'ko');
    await page.goto(`${roster.origin}/#/accounts?job=${kit.jobId}`);
    await page.getByRole('heading', { name: '대상 앱의 계정' }).waitFor();
    await page.waitForTimeout(800);
    await shot('dark-ko');
    await setLook('light', 'ko');
    await page.goto(`${roster.origin}/#/accounts?job=${kit.jobId}`);
    await page.getByRole('heading', { name: '대상 앱의 계정' }).waitFor();
    await page.waitForTimeout(800);
    await shot('light-ko');
    await setLook('light', 'en');
    expect(pageErrors).toEqual([]);
  });

  it('shows one object’s link on the job page, deletes it while the job is not running, and offers provision on demand', async () => {
    await page.goto(`${roster.origin}/#/jobs/${kit.jobId}`);
    await page.getByRole('heading', { name: 'HR → App' }).waitFor();
    await page.locator('[data-test="open-links"]').click();
    await page.locator('[data-test="link-query"] input').fill('E0001');
    await page.keyboard.press('Enter');
    await page.locator('[data-test="link-result-E0001"]').click();
    await expect(page.locator('[data-test="link-exported"]').innerText()).resolves.toContain(
      'user1@example.com',
    );
    await shot('link-light-en');
    await page.locator('[data-test="link-delete"]').click();
    await confirmDialog('Delete link');
    await page.locator('[data-test="link-missing"][data-deleted="true"]').waitFor();
    await page.locator('[data-test="link-provision"]').click();
    await page.waitForURL(/provision=E0001/);
    await page.locator('[data-test="on-demand-candidate-E0001"]').waitFor();
    await page.locator('[data-test="on-demand-run"]').click();
    // Matched again to the same account: linked, nothing created.
    await page.locator('[data-test="on-demand-result"]').waitFor();
    const posts = peer.requests.filter((r) => r.method === 'POST' && r.path === '/Users');
    expect(posts.length).toBe(5);
    expect(pageErrors).toEqual([]);
  });
});
