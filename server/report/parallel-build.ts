/**
 * The first build of a large survey's report columns, in worker threads: the JSON answers of a
 * million responses take seconds to read, so the work is split by id range over the cores, and
 * the main thread stays free to take respondents' submissions meanwhile. Small surveys, surveys
 * whose columns are cached or on disk, and in-memory databases keep the one-pass path. On
 * PostgreSQL the parts read in one snapshot exported by the main thread's read.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../db/client';
import type { Store } from '../db/store';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { adoptColumns, codedVersions, columnsReady } from './dataset';
import type { Columns } from './columns';
import { mergeColumns } from './merge-columns';
import { snapshotDir } from './snapshot';
import { countedUpTo, idRange, markOfRead } from './stored-rows.sqlite';
import { connectionOf, countedUpTo as countedUpToPg, readInParts } from './stored-rows.pg';
import type { ReadMark } from './stored-rows';
import { DIALECT } from '../db/dialect';
import { COMPILED, SERVER_DIST } from '../paths';
import { errorFields, log } from '../ops/log';

/** The compiled worker beside the compiled server; from sources, a CommonJS shim that loads the TypeScript. */
const WORKER_ENTRY = COMPILED
  ? pathToFileURL(join(SERVER_DIST, 'report/columns-worker.js'))
  : new URL('./columns-worker.cjs', import.meta.url);

/**
 * Below this many responses one synchronous pass is quicker than starting workers (about half a
 * second on 2 cores): 100,000 coded responses read in about 0.3 s.
 */
export const PARALLEL_MIN = 150_000;

/** How the columns came to be ready: already were (memory or disk), too few to split, built in workers, or left to the synchronous path after a failure. */
export type Preparation = 'ready' | 'small' | 'parallel' | 'failed';

const building = new WeakMap<object, Map<string, Promise<Preparation>>>();

/** A worker started now, loading its code while the jobs are worked out; `run` hands it its job. */
function startPart() {
  // Without the parent's flags: under tsx they would load its ESM loader in the worker too, which
  // the development entry (columns-worker.cjs) does without, a tenth of a second more per worker.
  const worker = new Worker(WORKER_ENTRY, { execArgv: [] });
  const done = new Promise<{ cols: Columns }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`column worker exited with ${code}`));
    });
  });
  // A worker stopped before it was handed a job fails nobody.
  done.catch(() => undefined);
  return {
    run(job: object) {
      worker.postMessage(job);
      return done;
    },
    stop() {
      void worker.terminate();
    },
  };
}

async function build(store: Store, surveyId: string, def: SurveyDefinition, versionId: number): Promise<Preparation> {
  const k = Math.max(1, Math.min(4, availableParallelism()));
  const workers = Array.from({ length: k }, startPart);
  try {
    const { fit, unfit } = await store.run((sql) => codedVersions(sql, surveyId, def));
    const versions = [...fit];
    // Each part is sized to its range of ids, which no count has to wait for: exact unless other
    // surveys' responses are interleaved, and only until the parts are merged.
    const readParts = (source: object, ranges: [number, number][]) =>
      Promise.all(
        ranges.map(([from, to], j) =>
          workers[j].run({ source, surveyId, def, versionId, from, to, capacity: to - from + 1, versions, unfit }),
        ),
      );
    let parts: { cols: Columns }[] = [];
    let mark: ReadMark | null = null;
    if (DIALECT === 'pg') {
      const url = connectionOf(store.db);
      mark = await readInParts(store.db, surveyId, k, async (snapshot, ranges) => {
        parts = await readParts({ url, snapshot }, ranges);
      });
    } else {
      const db = store.db as unknown as Db;
      const { lo, hi } = idRange(db.$client, surveyId)!;
      const step = Math.ceil((hi - lo + 1) / k);
      const ranges = workers.map((_, j): [number, number] => [lo + j * step, Math.min(hi, lo + (j + 1) * step - 1)]);
      parts = await readParts({ path: db.$client.name }, ranges);
    }
    for (const w of workers.slice(parts.length)) w.stop();
    const cols = mergeColumns(
      def,
      versionId,
      parts.map((p) => p.cols),
    );
    adoptColumns(store.db, surveyId, cols, mark ?? markOfRead(cols.completedAt, cols.id, cols.n));
    return 'parallel';
  } catch (e) {
    workers.forEach((w) => {
      w.stop();
    });
    throw e;
  }
}

/**
 * Makes sure the survey's columns are ready before a synchronous report reads them: builds them
 * in workers when that is worth it, sharing one build between concurrent requests. A failed
 * parallel build is not an error: the synchronous path builds them instead.
 */
export async function prepareColumns(
  store: Store,
  surveyId: string,
  def: SurveyDefinition,
  versionId: number,
  parallelFrom = PARALLEL_MIN,
): Promise<Preparation> {
  if (await columnsReady(store.db, surveyId, versionId)) return 'ready';
  if (DIALECT === 'pg') {
    if ((await countedUpToPg(store.db, surveyId, parallelFrom)) < parallelFrom) return 'small';
  } else {
    // Workers open the SQLite file; an in-memory one has none.
    if (!snapshotDir(store.db)) return 'small';
    if (countedUpTo((store.db as unknown as Db).$client, surveyId, parallelFrom) < parallelFrom) return 'small';
  }
  const client = (store.db as unknown as { $client: object }).$client;
  let bySurvey = building.get(client);
  if (!bySurvey) building.set(client, (bySurvey = new Map()));
  const key = `${surveyId}:${versionId}`;
  let pending = bySurvey.get(key);
  if (!pending) {
    pending = build(store, surveyId, def, versionId)
      .catch((e: unknown): Preparation => {
        log.warn('report columns: parallel build failed, building in one pass', errorFields(e));
        return 'failed';
      })
      .finally(() => bySurvey!.delete(key));
    bySurvey.set(key, pending);
  }
  return pending;
}
