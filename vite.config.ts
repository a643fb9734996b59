import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { resolve } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Writes a .br and a .gz beside every script and stylesheet, compressed once at build at the
 * highest levels; the server sends them to browsers that accept them (serveStatic precompressed).
 */
function precompress(): Plugin {
  return {
    name: 'yardstick-precompress',
    apply: 'build',
    // After the files are on disk: earlier hooks would see code that later plugins still rewrite.
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(fileName)) continue;
        const path = resolve(options.dir!, fileName);
        const source = readFileSync(path);
        if (source.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/** API tests that run on PostgreSQL too: all but those about SQLite itself and the build checks (docs/postgres.md). */
const POSTGRES_API_TESTS = [
  'tests/api/store.test.ts',
  'tests/api/auth.test.ts',
  'tests/api/api-tokens.test.ts',
  'tests/api/login-limit.test.ts',
  'tests/api/passwords.test.ts',
  'tests/api/user-delete.test.ts',
  'tests/api/surveys.test.ts',
  'tests/api/drafts.test.ts',
  'tests/api/survey-change-counts.test.ts',
  'tests/api/survey-transfer.test.ts',
  'tests/api/nodes.test.ts',
  'tests/api/customers.test.ts',
  'tests/api/customer-draws.test.ts',
  'tests/api/customer-search.test.ts',
  'tests/api/customer-transactions-erasure.test.ts',
  'tests/api/customer-transactions-copy.test.ts',
  'tests/api/customer-erasure.test.ts',
  'tests/api/customer-fields.test.ts',
  'tests/api/customer-privacy.test.ts',
  'tests/api/customer-value-report.test.ts',
  'tests/api/customer-value-cases.test.ts',
  'tests/api/customer-view.test.ts',
  'tests/api/customer-suppression.test.ts',
  'tests/api/customer-suppression-lift.test.ts',
  'tests/api/complaints-tier-at-opening.test.ts',
  'tests/api/customer-logic.test.ts',
  'tests/api/operations.test.ts',
  'tests/api/coding-store.test.ts',
  'tests/api/coding-codeframe.test.ts',
  'tests/api/coding.test.ts',
  'tests/api/start.test.ts',
  'tests/api/demo.test.ts',
  'tests/api/migrate-to-postgres.test.ts',
  'tests/api/audit-log.test.ts',
  'tests/api/submissions.test.ts',
  'tests/api/quotas.test.ts',
  'tests/api/resume.test.ts',
  'tests/api/plan.test.ts',
  'tests/api/reserved-ids.test.ts',
  'tests/api/survey-languages.test.ts',
  'tests/api/impossible-dates.test.ts',
  'tests/api/more-types.test.ts',
  'tests/api/page-rate-limit.test.ts',
  'tests/api/rules.test.ts',
  'tests/api/invitation-links.test.ts',
  'tests/api/alerts.test.ts',
  'tests/api/alerts-mail.test.ts',
  'tests/api/alerts-report.test.ts',
  'tests/api/alerts-webhooks.test.ts',
  'tests/api/case-complaints.test.ts',
  'tests/api/outbox-resilience.test.ts',
  'tests/api/webhook-address-save.test.ts',
  'tests/api/invitations.test.ts',
  'tests/api/outbox-nodes.test.ts',
  'tests/api/report-nodes.test.ts',
  'tests/api/coding.test.ts',
  'tests/api/report.test.ts',
  'tests/api/report-compare.test.ts',
  'tests/api/report-crosstab.test.ts',
  'tests/api/report-export.test.ts',
  'tests/api/report-export-research.test.ts',
  'tests/api/report-readings.test.ts',
  'tests/api/report-research.test.ts',
  'tests/api/report-sections.test.ts',
  'tests/api/report-settings.test.ts',
  'tests/api/report-shares.test.ts',
  'tests/api/report-trend.test.ts',
  'tests/api/report-coded.test.ts',
  'tests/api/report-codes-as-data.test.ts',
  'tests/api/more-types-report.test.ts',
  'tests/api/export-csv-injection.test.ts',
  'tests/nodes/multi-node.test.ts',
  'tests/api/designer.test.ts',
  'tests/api/invitation-links.test.ts',
  'tests/api/openapi.test.ts',
  'tests/api/origin.test.ts',
  'tests/api/route-roles.test.ts',
  'tests/api/rules.test.ts',
];

export default defineConfig(({ mode }) => ({
  root: 'client',
  base: '/',
  // Tests run in Node; the Solid plugin would switch them to jsdom.
  plugins: mode === 'test' ? [] : [solid(), precompress()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    // The app pass runs first and clears dist/client; the respondent pass adds to it.
    emptyOutDir: mode !== 'respondent',
    target: 'es2020',
    modulePreload: mode === 'respondent' ? { polyfill: false } : undefined,
    rollupOptions: {
      // The plugin-timing report is for plugin authors: `npm start` on a fresh clone should print none of it.
      checks: { bundlerTimings: false },
      input:
        mode === 'respondent'
          ? ({ respondent: resolve(import.meta.dirname, 'client/respondent/index.html') } as Record<string, string>)
          : { app: resolve(import.meta.dirname, 'client/app/index.html') },
    },
  },
  test: {
    root: import.meta.dirname,
    projects: [
      { test: { name: 'unit', root: import.meta.dirname, include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          root: import.meta.dirname,
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
        },
      },
      {
        // The API tests of the areas on the two-dialect data layer, again on a real PostgreSQL server.
        test: {
          name: 'api-pg',
          root: import.meta.dirname,
          include: POSTGRES_API_TESTS,
          environment: 'node',
          pool: 'forks',
          globalSetup: ['tests/support/postgres.ts'],
          setupFiles: ['tests/support/postgres-env.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          root: import.meta.dirname,
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
