/**
 * npm run bench: one figure a line, `name: value unit`, each beside its reference measured in
 * the same run (these machines are noisy, so only same-run ratios mean much).
 */
import { runNow, sqlOf, sqliteStore } from '../server/db/sqlite-store';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from './load';
import { openDb } from '../server/db/client';
import * as v from 'valibot';
import { loadDemo } from '../server/demo/service';
import { hotelRespondent, seeded } from '../server/demo/hotel';
import { buildReport, prepareReport } from '../server/report/service';
import { fieldwork } from '../server/plan/fieldwork';
import { getSurvey, listSurveys } from '../server/survey/service';
import { ReportQuerySchema } from '../shared/api/report-query';
import { CrosstabQuerySchema } from '../shared/api/report-crosstab';
import { buildCrosstab } from '../server/report/crosstab/service';
import { seedReportSurvey } from './report-survey';
import { build, isStale } from '../server/cli/build.mjs';
import { measureFirstQuestion, seedFirstQuestionSurvey, startReferenceServer } from './first-question';
import { importFigures } from './import';
import { postgresInstalled, postgresReports, postgresSubmissions } from './postgres';
import { customerFigures } from './customers-run';
import { codingFigures } from './coding-run';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'yardstick-bench-'));
const print = (name: string, value: number, unit: string, digits = 0) =>
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);

function respondentBytes() {
  const dist = join(ROOT, 'dist/client');
  const html = readFileSync(join(dist, 'respondent/index.html'), 'utf8');
  const files = new Set<string>();
  const visit = (rel: string) => {
    if (files.has(rel)) return;
    files.add(rel);
    if (!rel.endsWith('.js')) return;
    // Static imports of shared chunks load with the page; dynamic ones (other languages) don't.
    for (const m of readFileSync(join(dist, rel), 'utf8').matchAll(
      /(?:^|[;\n])import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+)["']/g,
    ))
      visit(`assets/${m[1]}`);
  };
  for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) visit(m[1]);
  // Plus the one language file a respondent loads (English): the dynamic import named in the entry.
  const entry = [...files].find((f) => f.endsWith('.js'))!;
  const lang = /["'`](?:\.\/|\/assets\/)(en-[\w-]+\.js)["'`]/.exec(readFileSync(join(dist, entry), 'utf8'));
  if (lang) files.add(`assets/${lang[1]}`);
  return [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
}

function startProcess(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((res, rej) => {
    // The compiled build runs on plain node; sources need the TypeScript loader.
    const loader = args[0].endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...loader, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)|localhost:(\d+)|127\.0\.0\.1:(\d+)/.exec(out);
      if (m) res({ child, port: Number(m[1] ?? m[2] ?? m[3]) });
    });
    child.on('exit', (code) => rej(new Error(`exited ${code}: ${out}`)));
  });
}

async function submissions() {
  const dbPath = join(tmp, 'subs.db');
  const db = openDb(dbPath);
  const survey = loadDemo(db, Date.now(), null, 0);
  db.$client.close();
  const versionId = survey.versions[0].id;
  const rand = seeded(1);
  const bodies = Array.from({ length: 1000 }, () => hotelRespondent(rand));
  const payload = (versionId: number, i: number, prefix: string) => {
    const r = bodies[i % bodies.length];
    return JSON.stringify({
      clientId: `${prefix}${i.toString(36).padStart(8, '0')}`,
      versionId,
      complete: true,
      answers: r.answers,
      hidden: r.hidden,
      lang: r.lang,
      page: 3,
    });
  };
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);

  const app = await startProcess(['dist/server/cli/start.js'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: dbPath,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  await load({
    port: app.port,
    path: '/api/public/s/demo/responses',
    body: (i) => payload(versionId, i, 'warm'),
    seconds: 1,
    concurrency: 16,
  });
  const ours = await load({
    port: app.port,
    path: '/api/public/s/demo/responses',
    body: (i) => payload(versionId, i, 'sub'),
    seconds,
    concurrency: 32,
  });
  app.child.kill('SIGTERM');

  const bare = await startProcess(['bench/bare-server.ts', join(tmp, 'bare.db')], {});
  await load({ port: bare.port, path: '/r', body: (i) => payload(versionId, i, 'warm'), seconds: 1, concurrency: 16 });
  const ref = await load({
    port: bare.port,
    path: '/r',
    body: (i) => payload(versionId, i, 'sub'),
    seconds,
    concurrency: 32,
  });
  bare.child.kill('SIGTERM');

  print('submissions_per_s', ours.perSecond, 'req/s');
  print('submissions_p99', ours.p99, 'ms', 1);
  print('submissions_errors', ours.errors, 'count');
  print('reference_bare_hono_sqlite_per_s', ref.perSecond, 'req/s');
  print('reference_bare_hono_sqlite_p99', ref.p99, 'ms', 1);

  // PostgreSQL's figures, beside SQLite's, when its server is installed (.ci/run installs it).
  if (flag('--no-postgres') || !postgresInstalled()) print('pg_submissions_skipped', 1, 'count');
  else await postgresSubmissions(startProcess, print, (v) => (i, prefix) => payload(v, i, prefix), seconds);
}

/** First question visible on our page, SurveyJS's and a static one, served from 127.0.0.1 (./first-question.ts). */
async function firstQuestion() {
  const dbPath = join(tmp, 'first.db');
  const db = openDb(dbPath);
  const surveyJs = seedFirstQuestionSurvey(db);
  db.$client.close();
  const app = await startProcess(['dist/server/cli/start.js'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: dbPath,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const reference = await startReferenceServer(surveyJs);
  try {
    await measureFirstQuestion(
      {
        ours: `http://127.0.0.1:${app.port}/s/bench30?lang=en`,
        surveyjs: `${reference.url}/surveyjs.html`,
        static: `${reference.url}/static.html`,
      },
      Number(process.env.BENCH_LOADS ?? 7),
      print,
    );
  } finally {
    app.child.kill('SIGTERM');
    reference.close();
  }
}

/** A full garbage collection, between a phase and the next one's timing. */
function collectGarbage() {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

const timeAsync = async (f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

/** `npm start` on a built checkout until the first 200 (the staleness check included, no build). */
/**
 * From spawning the process to the first 200: the compiled build on plain node (what `npm start`
 * runs) beside the same server from its sources through the tsx loader (the reference). Each on a
 * database that exists and is migrated, as a restart finds it.
 */
async function startup() {
  const runs: [string, string[]][] = [
    ['start_to_first_200', ['dist/server/cli/start.js']],
    ['start_to_first_200_tsx', ['server/cli/start.ts', '--no-build']],
  ];
  openDb(join(tmp, 'start.db')).$client.close();
  for (const [name, args] of runs) {
    const t0 = performance.now();
    const started = await startProcess(args, { PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(tmp, 'start.db') });
    let status = 0;
    while (status !== 200)
      status = await fetch(`http://127.0.0.1:${started.port}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
    print(name, performance.now() - t0, 'ms');
    started.child.kill('SIGTERM');
    await new Promise((r) => started.child.once('exit', r));
  }
}

/**
 * The full report (every question and section) on the 30-question study: cold (columns built
 * from the table, the first report ever; in worker threads from PARALLEL_MIN, 150,000
 * responses), warm (columns cached), filtered to a segment (a closed question and a hidden
 * field, about 1 in 9 responses), a cross-tab on the warm columns (whole and filtered), and after
 * a restart (columns read from the snapshot on disk). RSS is the whole process's after the
 * largest run. Then the fieldwork panel and the survey page (with the survey list) on the same
 * survey.
 */
async function report(n: number) {
  const db = openDb(join(tmp, `report-${n}.db`));
  const id = seedReportSurvey(db, n);
  // The seed is one bulk transaction; a survey that grew over weeks has its rows in the database
  // file, checkpointed as they came, not in a write-ahead log as large as the table.
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  // And the seeding's garbage (a million JSON texts) is collected now, not during the timing.
  collectGarbage();
  const label = n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`;
  const filter = v.parse(ReportQuerySchema, { filter: 'purpose:business;tier:gold' });
  // As the report route does it: a large survey's first build runs in worker threads.
  const store = sqliteStore(db);
  const t0 = performance.now();
  await prepareReport(store, id);
  await buildReport(store, id);
  print(`report_${label}_cold`, performance.now() - t0, 'ms');
  print(`report_${label}_warm`, await timeAsync(() => buildReport(store, id)), 'ms');
  print(`report_${label}_filtered`, await timeAsync(() => buildReport(store, id, filter)), 'ms');
  // A cross-tab on the same columns: overall satisfaction by the tier hidden field, then filtered.
  // The fresh columns' snapshot is written on the next turn of the event loop (dataset.ts); it is
  // let run first, or the cross-tab's first await would time the snapshot too.
  await new Promise((r) => setImmediate(r));
  const crosstab = v.parse(CrosstabQuerySchema, { rows: 'osat', columns: 'hidden:tier', lang: 'en' });
  let t1 = performance.now();
  await buildCrosstab(store, id, crosstab);
  print(`crosstab_${label}`, performance.now() - t1, 'ms');
  t1 = performance.now();
  await buildCrosstab(store, id, { ...crosstab, filter: filter.filter });
  print(`crosstab_${label}_filtered`, performance.now() - t1, 'ms');
  print(`report_${label}_rss`, process.memoryUsage().rss / 1_048_576, 'MB');
  // The researcher's other screens on the same survey: they count from indexes, not the columns.
  print(
    `fieldwork_${label}`,
    time(() => runNow(fieldwork(sqlOf(db), id))),
    'ms',
  );
  print(
    `survey_page_${label}`,
    time(() => {
      runNow(getSurvey(sqlOf(db), id));
      runNow(listSurveys(sqlOf(db)));
    }),
    'ms',
  );
  // After a restart: a new handle has no columns in memory and reads the snapshot on disk,
  // written once the first report had answered.
  await new Promise((r) => setImmediate(r));
  db.$client.close();
  const restarted = openDb(join(tmp, `report-${n}.db`));
  print(`report_${label}_after_restart`, await timeAsync(() => buildReport(sqliteStore(restarted), id)), 'ms');
  restarted.$client.close();
  rmSync(join(tmp, `report-${n}.db`), { force: true });
  rmSync(join(tmp, `report-${n}.db-reports`), { recursive: true, force: true });
}

async function imports() {
  const app = await startProcess(['dist/server/cli/start.js'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: join(tmp, 'import.db'),
    RATE_LIMIT_PER_MINUTE: '0',
  });
  try {
    await importFigures(app.port, print);
  } finally {
    app.child.kill('SIGTERM');
  }
}

const flag = (name: string) => process.argv.includes(name);
try {
  // Every part but the in-process report runs the compiled server: build it first when stale.
  if (!flag('--no-build') && isStale(ROOT)) await build(ROOT);
  const withPostgres = !flag('--no-postgres') && postgresInstalled();
  if (flag('--import-only')) await imports();
  else if (flag('--customers-only')) await customerFigures(ROOT, withPostgres);
  else if (flag('--server-only')) {
    await startup();
    await submissions();
  } else {
    if (existsSync(join(ROOT, 'dist/client/respondent/index.html')))
      print('respondent_js_css_gzip', respondentBytes(), 'bytes');
    const only = flag('--first-question-only');
    if (!flag('--report-only')) await firstQuestion();
    if (!flag('--report-only') && !only) {
      await startup();
      await submissions();
      await imports();
    }
    if (!only) {
      for (const n of [10_000, 100_000, 1_000_000]) await report(n);
      // PostgreSQL's report beside SQLite's: 100k; 1M (its seeding alone takes a minute or more) when asked.
      if (flag('--no-postgres') || !postgresInstalled()) print('report_pg_skipped', 1, 'count');
      else await postgresReports(ROOT, flag('--pg-report-1m') ? [100_000, 1_000_000] : [100_000]);
    }
    if (!only && !flag('--report-only')) await customerFigures(ROOT, withPostgres);
    if (!only && !flag('--report-only') && !flag('--no-coding')) await codingFigures(ROOT);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
