// Builds the bench (test/bench/*.ts) into out/bench/*.mjs for plain `node`: the harness, the SCIM
// server process and the probe preloaded into the measured CLI. Packages stay external (loaded from
// node_modules as the CLI loads them); `@shared` resolves as in the app build.
import { resolve } from 'node:path';
import { defineConfig } from 'rolldown';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  input: {
    run: resolve(root, 'test/bench/run.ts'),
    'bench-server': resolve(root, 'test/bench/bench-server.ts'),
    probe: resolve(root, 'test/bench/probe.ts'),
  },
  platform: 'node',
  resolve: { alias: { '@shared': resolve(root, 'src-shared') } },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@shared'),
  output: {
    dir: resolve(root, 'out/bench'),
    format: 'esm',
    entryFileNames: '[name].mjs',
    chunkFileNames: '[name]-[hash].mjs',
  },
});
