import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTempDirFor } from '../peers/temp';
import { launchChromium } from './browser';
import { startRoster, type RunningRoster } from './roster-server';

const screenshots = resolve(import.meta.dirname, '../../test-results/e2e');

describe('an admin tries expressions in the playground (Chromium)', () => {
  const data = makeTempDirFor('roster-e2e-playground-');
  let roster: RunningRoster;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `playground-${name}.png`) });
  }

  function editor(): Locator {
    return page.locator('[data-test="expression-input"]');
  }

  function result(): Locator {
    return page.locator('[data-test="expression-result"]');
  }

  async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    const found = await locator.boundingBox();
    if (!found) throw new Error('not visible');
    return found;
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    roster = await startRoster(data.path, inject('keyringEnv'));
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(roster.url);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(`failed-${context.task.name.replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await chromium?.close();
    await roster?.stop();
    data.remove();
  });

  it('opens from Settings, which stays highlighted in the menu', async () => {
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.locator('[data-test="open-playground"]').click();
    await page.getByRole('heading', { name: 'Expression playground', level: 1 }).waitFor();
    expect(page.url()).toContain('#/settings/playground');
    await expect(page.locator('.n-menu-item-content--selected').innerText()).resolves.toBe('Settings');
    await expect(result().innerText()).resolves.toBe('"Zoë Dupont"');
    await shot('01-open');
  });

  it('underlines an error under the characters it names, as you type', async () => {
    await editor().fill('');
    await editor().pressSequentially('Join(" ", Apend([givenName], "x"))');
    const underlined = page.locator('.overlay .problem-error');
    await expect(underlined.allInnerTexts()).resolves.toEqual(['Apend']);
    await expect(page.locator('[data-test="expression-problems"]').innerText()).resolves.toBe(
      'Line 1, column 11: Unknown function Apend. Did you mean Append?',
    );
    // The coloured text starts where the textarea's own text does (its 12 px left padding)…
    const join = await box(page.locator('.overlay .tok-function').first());
    expect(Math.abs(join.x - (await box(editor())).x - 12)).toBeLessThan(1);
    // …and the underline sits 10 characters in: measure a character on the 4-letter "Join" before it.
    const apend = await box(underlined);
    const character = join.width / 4;
    expect(Math.abs(apend.x - (join.x + 10 * character))).toBeLessThan(1.5);
    expect(Math.abs(apend.width - 5 * character)).toBeLessThan(1.5);
    expect(Math.abs(apend.y - join.y)).toBeLessThan(1);
    // No stale result beside an error: the preview says so at once.
    await expect(result().innerText()).resolves.toBe('Fix the error above to see the result.');
    await shot('02-error-underlined');
  });

  it('completes attribute and function names from the keyboard and shows the live result', async () => {
    await editor().fill('');
    await editor().pressSequentially('Join(" ", [giv');
    const list = page.locator('[data-test="expression-completions"]');
    await list.waitFor();
    await expect(list.locator('.completion-label').allInnerTexts()).resolves.toEqual(['givenName']);
    await page.keyboard.press('Enter');
    await editor().pressSequentially(', Norm');
    await expect(list.locator('.completion-detail').first().innerText()).resolves.toBe(
      'NormalizeDiacritics(source)',
    );
    await shot('03-completion-open');
    await page.keyboard.press('Tab');
    await expect(editor().inputValue()).resolves.toBe('Join(" ", [givenName], NormalizeDiacritics(');
    // Closing is a re-render after the key: wait for it rather than count at once.
    await list.waitFor({ state: 'detached', timeout: 5000 });
    await editor().pressSequentially('[surname]))');
    await expect(editor().inputValue()).resolves.toBe(
      'Join(" ", [givenName], NormalizeDiacritics([surname]))',
    );
    await page.getByText('"Zoë Dupont"', { exact: true }).waitFor();
    await expect(page.locator('.overlay .problem-error').count()).resolves.toBe(0);
    await shot('04-live-result');
  });

  it('runs an example, and says when a value is dropped', async () => {
    await page.locator('[data-test="example-split"]').click();
    await page.getByText('["PermissionSetOne","PermissionSetTwo"]', { exact: true }).waitFor();
    await page.locator('[data-test="example-ignoreFlow"]').click();
    await page.getByText('dropped (IgnoreFlowIfNullOrEmpty)', { exact: true }).waitFor();
  });

  it('says where a sample object is not valid JSON', async () => {
    await page.locator('[data-test="example-displayName"]').click();
    const sample = page.locator('textarea[name="sample-json"]');
    await sample.fill('{\n  "givenName": "Ann",\n  "surname": \n}');
    await page.getByText('Not valid JSON: unexpected "}" at line 4, column 1.').waitFor();
    await page.getByText('Give a valid sample object to see the result.').waitFor();
    await sample.fill('{ "givenName": "Ann", "surname": "Lee" }');
    await page.getByText('"Ann Lee"', { exact: true }).waitFor();
    await page.locator('[data-test="sample-reset"]').click();
    await page.getByText('"Zoë Dupont"', { exact: true }).waitFor();
  });

  it('tests scoping filters against the sample', async () => {
    const verdict = page.locator('[data-test="scoping-verdict"]');
    await expect(verdict.innerText()).resolves.toBe('In scope');
    const filters = page.locator('textarea[name="scoping-filters"]');
    await filters.fill(
      '{ "filters": [ { "title": "HR", "clauses": [ { "attribute": "department", "operator": "EQUALS", "value": "HR" } ] } ] }',
    );
    await expect(verdict.innerText()).resolves.toBe('Out of scope');
    await expect(page.locator('[data-test="scoping-result"] li').allInnerTexts()).resolves.toEqual([
      '1. HR department EQUALS "HR" is false (actual value: "Sales")',
    ]);
    await filters.fill(
      '{ "filters": [ { "clauses": [ { "attribute": "department", "operator": "EQUAL" } ] } ] }',
    );
    await page.getByText('did you mean "EQUALS"?', { exact: false }).waitFor();
    await page.locator('[data-test="scoping-tester"]').scrollIntoViewIfNeeded();
    await shot('05-scoping');
  });

  it('looks right in the dark theme too', async () => {
    await page.locator('[data-test="back-to-settings"]').click();
    await page.locator('[data-test="theme-dark"]').click();
    await page.locator('[data-test="open-playground"]').click();
    await editor().fill('');
    await editor().pressSequentially('IIF([country]="USA", Apend([givenName], "x"), Lef');
    await page.locator('[data-test="expression-completions"]').waitFor();
    await shot('06-dark-completion');
    await page.keyboard.press('Escape');
    await page.locator('[data-test="expression-completions"]').waitFor({ state: 'detached', timeout: 5000 });
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    expect(pageErrors).toEqual([]);
  });
});
