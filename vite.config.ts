import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { resolve } from 'node:path';

// Two entries built in two passes: the researcher/manager app (default mode) and the respondent
// page (`--mode respondent`). Built together, Rollup would put app-only code into chunks the
// respondent page shares (measured: 7–9 KB gzip more), so each pass sees only its own entry.
export default defineConfig(({ mode }) => ({
  root: 'client',
  base: '/',
  // Tests run in Node; the Solid plugin would switch them to jsdom.
  plugins: mode === 'test' ? [] : [solid()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    // The app pass runs first and clears dist/client; the respondent pass adds to it.
    emptyOutDir: mode !== 'respondent',
    target: 'es2020',
    modulePreload: mode === 'respondent' ? { polyfill: false } : undefined,
    rollupOptions: {
      input: mode === 'respondent'
        ? { respondent: resolve(import.meta.dirname, 'client/respondent/index.html') } as Record<string, string>
        : { app: resolve(import.meta.dirname, 'client/app/index.html') },
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
}));
