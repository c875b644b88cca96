import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

const alias = { '@shared': resolve(import.meta.dirname, 'src-shared') };

// Three projects run by `npm test` through test/run-tests.mjs, and two run on their own:
// unit — pure logic and Vue components (happy-dom); integration — real SQLite files, the real
// keyring, real servers on loopback; e2e — Debian Chromium driving browser mode. chaos (`npm run
// test:chaos`) and bench (`npm run bench`) are separate runs.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        plugins: [vue()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Unit tests assert results, never speed; component and property tests that take 1 s on a
          // quiet machine took over vitest's 5 s default on a loaded shared 2-core one.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/peers/keyring-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/peers/keyring-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run test:chaos` (CI runs it after `npm test`): SIGKILLs and fault storms against real
          // SCIM servers, checked at the server. Long, and each file drives thousands of requests
          // through its own server, so files run one after another.
          name: 'chaos',
          include: ['test/chaos/**/*.chaos.test.ts'],
          globalSetup: ['test/peers/keyring-global-setup.ts'],
          testTimeout: 1_200_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run bench`: figures, printed; never part of `npm test` and never a timed assertion.
          name: 'bench',
          include: ['test/bench/**/*.bench.test.ts'],
          globalSetup: ['test/peers/keyring-global-setup.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
