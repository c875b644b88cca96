import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const suffix = randomBytes(4).toString('hex');

/**
 * Fixture files are written into the real layers (so the real lint config, resolver and type
 * information apply), linted, and removed. `__lint_fixture_*` is ignored by eslint and git, so a
 * crashed run cannot leave a failing file behind for the next `npm run lint`.
 */
const fixtures = {
  sharedImportsMain: [
    'src-shared',
    "import { createApp } from '../src-main/app/create-app';\nexport const f = createApp;\n",
  ],
  sharedImportsNode: [
    'src-shared',
    "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
  ],
  rendererImportsMain: [
    'src-renderer',
    "import { openStore } from '../src-main/store/store';\nexport const f = openStore;\n",
  ],
  rendererImportsElectron: [
    'src-renderer',
    "import { ipcRenderer } from 'electron';\nexport const f = ipcRenderer;\n",
  ],
  storeImportsApp: [
    'src-main/store',
    "import { createApp } from '../app/create-app';\nexport const f = createApp;\n",
  ],
  appImportsElectron: ['src-main/app', "import { app } from 'electron';\nexport const f = app;\n"],
  floatingPromise: [
    'src-main/app',
    'async function work(): Promise<void> {}\nexport function run(): void {\n  work();\n}\n',
  ],
  allowed: [
    'src-main/app',
    "import { openStore } from '../store/store';\nimport { ok } from '@shared/domain/result';\nexport const f = [openStore, ok];\n",
  ],
} as const;

type FixtureName = keyof typeof fixtures;
const paths = Object.fromEntries(
  Object.entries(fixtures).map(([name, [folder]]) => [
    name,
    join(root, folder, `__lint_fixture_${name}_${suffix}.ts`),
  ]),
) as Record<FixtureName, string>;

describe('lint enforces the layer rules of docs/architecture.md', () => {
  let results: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    for (const [name, [, source]] of Object.entries(fixtures)) {
      mkdirSync(dirname(paths[name as FixtureName]), { recursive: true });
      writeFileSync(paths[name as FixtureName], source);
    }
    try {
      const eslint = new ESLint({ cwd: root, ignore: false });
      const linted = await eslint.lintFiles(Object.values(paths));
      results = new Map(linted.map((r) => [r.filePath, r]));
    } finally {
      for (const path of Object.values(paths)) rmSync(path, { force: true });
    }
  }, 180_000);
  afterAll(() => {
    for (const path of Object.values(paths)) rmSync(path, { force: true });
  });

  function rulesFor(name: FixtureName): (string | null)[] {
    return results.get(paths[name])?.messages.map((m) => m.ruleId) ?? ['<not linted>'];
  }

  it('fails when src-shared imports src-main', () => {
    expect(rulesFor('sharedImportsMain')).toContain('import-x/no-restricted-paths');
  });

  it('fails when src-shared imports a Node built-in', () => {
    expect(rulesFor('sharedImportsNode')).toContain('no-restricted-imports');
  });

  it('fails when the renderer imports src-main or electron', () => {
    expect(rulesFor('rendererImportsMain')).toContain('import-x/no-restricted-paths');
    expect(rulesFor('rendererImportsElectron')).toContain('no-restricted-imports');
  });

  it('fails when the store reaches up into app', () => {
    expect(rulesFor('storeImportsApp')).toContain('import-x/no-restricted-paths');
  });

  it('fails when anything outside src-main/shell imports electron', () => {
    expect(rulesFor('appImportsElectron')).toContain('no-restricted-imports');
  });

  it('fails on a floating promise', () => {
    expect(rulesFor('floatingPromise')).toContain('@typescript-eslint/no-floating-promises');
  });

  it('passes an import the rules allow', () => {
    expect(rulesFor('allowed')).toEqual([]);
  });
});
