import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const shared = { '@shared': resolve(__dirname, 'src-shared') };

// Entry points are explicit: electron-vite's defaults (src/main, src/preload, src/renderer) do not
// match the layout the project fixed. The CLI is a second main-process entry so that it shares
// chunks with the Electron shell but never imports electron itself.
export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      outDir: 'out/main',
      // zod is bundled, not loaded from node_modules: its package loads 95 files (1 MB, every locale)
      // in 74 ms, while the bundle keeps only what the schemas use (+190 kB). That was 38 ms of the
      // start of every `roster` command (docs/performance-history.md, "Start-up, the CSV hash, pacing
      // and the quick bench").
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/shell/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/index.ts'),
        },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { preload: resolve(__dirname, 'src-main/shell/preload.ts') } },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: { alias: shared },
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
