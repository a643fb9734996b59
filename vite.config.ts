import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { resolve } from 'node:path';

// Two entries: the researcher/manager app and the respondent page. They share nothing at run time
// but shared/ code, so the respondent bundle stays small (no router, no Chart.js, no builder).
export default defineConfig({
  root: 'client',
  base: '/',
  // Tests run in Node; the Solid plugin would switch them to jsdom.
  plugins: process.env.VITEST ? [] : [solid()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: {
        app: resolve(import.meta.dirname, 'client/app/index.html'),
        respondent: resolve(import.meta.dirname, 'client/respondent/index.html'),
      },
    },
  },
  test: {
    root: import.meta.dirname,
    projects: [
      { test: { name: 'unit', root: import.meta.dirname, include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'api', root: import.meta.dirname, include: ['tests/api/**/*.test.ts'], environment: 'node', pool: 'forks' } },
      {
        test: {
          name: 'browser', root: import.meta.dirname, include: ['tests/browser/**/*.test.ts'], environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
