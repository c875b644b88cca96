// @ts-check
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';

/**
 * The import rules of docs/architecture.md §2, enforced: a wrong import fails `npm test`.
 * Each zone says why, so the person who trips on it learns the rule rather than fighting it.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const layerZones = [
  {
    target: './src-shared',
    from: ['./src-main', './src-renderer'],
    message: 'src-shared is pure TypeScript shared by main and renderer: it imports nothing outside itself.',
  },
  {
    target: './src-renderer',
    from: './src-main',
    message:
      'The renderer reaches the main process only through the contract (src-renderer/api), never by import.',
  },
  {
    target: './src-main/connectors',
    from: [
      './src-main/app',
      './src-main/engine',
      './src-main/store',
      './src-main/vault',
      './src-main/scheduler',
      './src-main/shell',
      './src-main/cli',
      './src-main/notify',
      './src-main/reports',
    ],
    message:
      'Connectors talk to other systems only: they get settings and credentials passed in (import src-shared and libraries).',
  },
  {
    target: './src-main/sandbox',
    from: [
      './src-main/app',
      './src-main/engine',
      './src-main/store',
      './src-main/vault',
      './src-main/connectors',
      './src-main/scheduler',
      './src-main/shell',
      './src-main/cli',
    ],
    message: 'The Roster Sandbox is a SCIM server of its own: it imports src-shared and libraries only.',
  },
  {
    target: './src-main/engine',
    from: [
      './src-main/scheduler',
      './src-main/app',
      './src-main/shell',
      './src-main/cli',
      './src-main/vault',
    ],
    message:
      'The engine uses connectors through connector.ts and the store through repositories; it never calls the scheduler or a transport.',
  },
  {
    target: [
      './src-main/store',
      './src-main/vault',
      './src-main/scheduler',
      './src-main/notify',
      './src-main/reports',
    ],
    from: ['./src-main/app', './src-main/shell', './src-main/cli'],
    message: 'Only the shell, the CLI and tests import app: services below it never reach up.',
  },
  {
    target: './src-main/store',
    from: ['./src-main/engine', './src-main/connectors', './src-main/scheduler'],
    message: 'The store is the bottom layer: SQL and repositories only.',
  },
  {
    target: './src-main/scheduler',
    from: ['./src-main/connectors'],
    message: 'The scheduler calls the engine; it never talks to connectors directly.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '.electron-native/**',
      '**/*.d.ts',
      '**/__lint_fixture_*',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Handlers are async by contract, whether or not this one awaits.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSAnyKeyword', message: 'No `any` outside transports: use unknown and narrow it.' },
      ],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'src-shared runs in the renderer too: no Node built-ins.',
            })),
            { name: 'electron', message: 'src-shared is pure TypeScript: no electron.' },
            { name: 'vue', message: 'src-shared is pure TypeScript: no vue.' },
            { name: 'pinia', message: 'src-shared is pure TypeScript: no pinia.' },
            { name: 'naive-ui', message: 'src-shared is pure TypeScript: no naive-ui.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer runs sandboxed: no Node built-ins.',
            })),
            { name: 'electron', message: 'The renderer never imports electron: use src-renderer/api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src-main/shell imports electron; everything else runs in plain Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**', 'src-shared/**'],
    ignores: ['src-renderer/api/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'roster', message: 'Only src-renderer/api touches window.roster.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.mts', 'electron.vite.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
