// Builds the bench (test/bench/*.ts) for plain `node`: the harness and the SCIM server process into
// out/bench/*.mjs, and the probe preloaded into the measured CLI into out/bench/probe.cjs. Packages
// stay external (loaded from node_modules as the CLI loads them); `@shared` resolves as in the app
// build.
//
// The probe is CommonJS, preloaded with `--require`: preloaded with `--import`, an ES module makes
// Node load the CLI itself through its ES module loader, which runs every CommonJS file the CLI
// requires through its export scanner. That cost the measured process 50–60 ms of CPU at start that an
// admin's `roster` never spends.
import { resolve } from 'node:path';
import { defineConfig } from 'rolldown';

const root = resolve(import.meta.dirname, '../..');

const shared = {
  platform: 'node',
  resolve: { alias: { '@shared': resolve(root, 'src-shared') } },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@shared'),
};

export default defineConfig([
  {
    ...shared,
    input: {
      run: resolve(root, 'test/bench/run.ts'),
      'bench-server': resolve(root, 'test/bench/bench-server.ts'),
    },
    output: {
      dir: resolve(root, 'out/bench'),
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: '[name]-[hash].mjs',
    },
  },
  {
    ...shared,
    input: { probe: resolve(root, 'test/bench/probe.ts') },
    output: { dir: resolve(root, 'out/bench'), format: 'cjs', entryFileNames: '[name].cjs' },
  },
]);
