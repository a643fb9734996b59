/**
 * npx tsx bench/coding.ts [answers]: the open-answer coding at scale (default 100,000 generated
 * answers, ./coding-answers.ts), one figure a line as `name: value unit` (npm run bench runs it in
 * a process of its own; `--no-coding` leaves it out). In process, on a temp SQLite file through the
 * coding service: suggested themes and the distinguishing table, each with the longest the event
 * loop was held, beside the pure functions on the same answers. Then the coding screen's next
 * answer through HTTP against the server on that file (./coding-screen.ts), beside a bare Hono +
 * SQLite route answering pages of the same answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openDb } from '../server/db/client';
import { hashPassword } from '../server/auth/passwords';
import { prepareReport } from '../server/report/service';
import * as coding from '../server/coding/service';
import { createCode } from '../server/coding/codeframe';
import { distinguish, NPS_GROUPS, npsGroup } from '../shared/coding/distinguish';
import { suggestThemes } from '../shared/coding/themes';
import { sqliteStore } from '../server/db/sqlite-store';
import { isStale } from '../server/cli/build.mjs';
import { generateAnswers, storeAnswers, surveyLanguage } from './coding-answers';
import { percentile, walk, type Moves } from './coding-screen';

const ROOT = resolve(import.meta.dirname, '..');
const N = Number(process.argv[2] ?? 100_000);
const LABEL = N >= 1000 ? `${N / 1000}k` : String(N);
const NOW = Date.UTC(2026, 11, 1);
const EMAIL = 'coder@example.com';
const PASSWORD = 'a long benchmark password';
const print = (name: string, value: number, unit: string, digits = 0) =>
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);

/** The longest the event loop was held while `run` ran, from a 1 ms ticker. */
async function held<T>(run: () => Promise<T>): Promise<{ out: T; ms: number; heldMs: number }> {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  const start = performance.now();
  const out = await run();
  const ms = performance.now() - start;
  // The ticker reports a block that just ended only on its next tick.
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(ticker);
  return { out, ms, heldMs: longest };
}

function startProcess(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((res, rej) => {
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

const stop = (child: ChildProcess) =>
  new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });

function printMoves(name: string, moves: Moves) {
  print(`${name}_in_page_p50`, percentile(moves.inPage, 0.5), 'ms', 3);
  print(`${name}_in_page_p99`, percentile(moves.inPage, 0.99), 'ms', 3);
  print(`${name}_new_page_p50`, percentile(moves.newPage, 0.5), 'ms', 1);
  print(`${name}_new_page_p99`, percentile(moves.newPage, 0.99), 'ms', 1);
}

const tmp = mkdtempSync(join(tmpdir(), 'yardstick-coding-bench-'));
try {
  const data = generateAnswers(N);

  // The pure functions, the references for the service's figures below.
  let t = performance.now();
  const themes = suggestThemes(data.answers);
  print(`coding_themes_pure_${LABEL}`, performance.now() - t, 'ms');
  const codes = themes.flatMap((l) => l.themes.map((th) => ({ id: th.id, members: th.members })));
  t = performance.now();
  distinguish({ groups: NPS_GROUPS, group: Array.from(data.score, npsGroup), score: data.score, codes });
  print(`coding_distinguish_pure_${LABEL}`, performance.now() - t, 'ms');

  // Through the coding service: the answers read from the report's columns, codes from the store.
  const dbPath = join(tmp, 'coding.db');
  const db = openDb(dbPath);
  const surveyId = storeAnswers(db, data, NOW);
  db.$client
    .prepare(
      `insert into users (id, name, email, role, password_hash, created_at) values ('coder', 'Coder', ?, 'researcher', ?, ?)`,
    )
    .run(EMAIL, await hashPassword(PASSWORD), NOW);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const area = { db, store: sqliteStore(db) };
  // The coding page's first request on a fresh process: the open questions, over the report's
  // columns, built then from the table; their snapshot is written on the next turn, counted here.
  const opened = await held(async () => {
    await prepareReport(area.store, surveyId);
    await coding.codingQuestions(area, surveyId, 'coder');
    await new Promise((r) => setImmediate(r));
  });
  print(`coding_questions_first_${LABEL}`, opened.ms, 'ms');
  print(`coding_questions_first_${LABEL}_loop_held`, opened.heldMs, 'ms');
  const suggested = await held(() => coding.themes(area, surveyId, 'why'));
  print(`coding_themes_${LABEL}`, suggested.ms, 'ms');
  print(`coding_themes_${LABEL}_loop_held`, suggested.heldMs, 'ms');
  print(`coding_themes_${LABEL}_kept`, (await held(() => coding.themes(area, surveyId, 'why'))).ms, 'ms');
  // The first four themes of each language become codes, each given to the theme's answers.
  let given = 0;
  for (const l of suggested.out.languages)
    for (const th of l.themes.slice(0, 4)) {
      const code = await createCode(
        area,
        surveyId,
        'why',
        { label: { en: th.label }, isNet: false, netId: null, words: [] },
        'coder',
        NOW,
      );
      await coding.bulkAssign(area, surveyId, 'why', { codeId: code.id, themeId: th.id }, 'coder', NOW);
      given++;
    }
  const ofCodes = await held(() => coding.distinguishTable(area, surveyId, 'why', 'coder', { of: 'codes' }));
  print(`coding_distinguish_${given}_codes_${LABEL}`, ofCodes.ms, 'ms');
  print(`coding_distinguish_${given}_codes_${LABEL}_loop_held`, ofCodes.heldMs, 'ms');
  const ofThemes = await held(() => coding.distinguishTable(area, surveyId, 'why', 'coder', { of: 'themes' }));
  print(`coding_distinguish_themes_${LABEL}`, ofThemes.ms, 'ms');
  print(`coding_distinguish_themes_${LABEL}_loop_held`, ofThemes.heldMs, 'ms');
  db.$client.close();

  // The coding screen through HTTP: the server restarted on that file, its columns on disk.
  const compiled = !isStale(ROOT);
  const app = await startProcess(compiled ? ['dist/server/cli/start.js'] : ['server/cli/start.ts', '--no-build'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: dbPath,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  let moves: Moves;
  try {
    const base = `http://127.0.0.1:${app.port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = /ys_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const source = {
      url: (offset: number, limit: number) =>
        `${base}/api/surveys/${surveyId}/coding/why/answers?offset=${offset}&limit=${limit}`,
      headers: { cookie },
    };
    t = performance.now();
    const first = await fetch(source.url(0, 200), { headers: source.headers });
    await first.arrayBuffer();
    print(`coding_first_page_after_restart_${LABEL}`, performance.now() - t, 'ms');
    // Over 150 pages from the middle of the answers, after a few to warm up.
    await walk(source, 0, 5);
    moves = await walk(source, Math.floor(N / 2), Math.min(150, Math.floor(N / 400)));
  } finally {
    await stop(app.child);
  }
  printMoves(`coding_next_answer_${LABEL}`, moves);

  const barePath = join(tmp, 'bare.db');
  const bare = new Database(barePath);
  bare.exec('create table a (id integer primary key, text text not null, lang text not null, score real)');
  const insert = bare.prepare('insert into a (text, lang, score) values (?, ?, ?)');
  bare.transaction(() => {
    data.answers.forEach((a, i) => {
      insert.run(a.text, surveyLanguage(a.lang), data.score[i]);
    });
  })();
  bare.close();
  const reference = await startProcess(['bench/bare-coding-server.ts', barePath], {});
  try {
    const source = {
      url: (offset: number, limit: number) => `http://127.0.0.1:${reference.port}/a?offset=${offset}&limit=${limit}`,
    };
    await walk(source, 0, 5);
    printMoves(
      `reference_bare_hono_sqlite_next_answer_${LABEL}`,
      await walk(source, Math.floor(N / 2), Math.min(150, Math.floor(N / 400))),
    );
  } finally {
    await stop(reference.child);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
