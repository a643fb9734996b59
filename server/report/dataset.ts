/**
 * The report's column cache: each survey's columns (columns.ts) built once per node, from the
 * table or from the snapshot on disk (snapshot.ts), then grown at each use by the rows completed
 * since the node's last read (stored-rows.ts), whichever node stored them. The cache is never the
 * source of truth: every use reads the table first.
 */
import { and, count, eq, gt } from 'drizzle-orm';
import * as v from 'valibot';
import { responses, surveyVersions } from '../db/tables';
import { q, type Sql, type Store, type Work } from '../db/store';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { dropSnapshot, readSnapshot, snapshotDir, writeSnapshot } from './snapshot';
import { emptyColumns, ensureCapacity, type Columns } from './columns';
import { columnAppender } from './column-writers';
import { codedFits } from './coded-answers';
import { storedRows, type ReadMark } from './stored-rows';

interface Cache {
  cols: Columns;
  /** Where the last read left off; null until the first. */
  mark: ReadMark | null;
  /** Which versions' coded rows the columns read (coded-answers.ts), found on first use. */
  versions?: CodedVersions;
  /** Responses in the snapshot on disk, and whether writing a newer one is already queued. */
  saved: number;
  saving: boolean;
  /** The read under way: reads of one survey's columns run one after another, never side by side. */
  reading: Promise<unknown>;
}

/** Caches by database connection (the SQLite file, the PostgreSQL pool): one per node. */
const caches = new WeakMap<object, Map<string, Cache>>();

const keyOf = (db: Sql) => (db as unknown as { $client: object }).$client;

function bySurveyOf(db: Sql) {
  const key = keyOf(db);
  let bySurvey = caches.get(key);
  if (!bySurvey) caches.set(key, (bySurvey = new Map()));
  return bySurvey;
}

/**
 * Completed, non-test responses of a survey as columns, laid out by the newest published version
 * (`def`, `versionId`) and answers lined up by question id across versions. Built once per survey
 * and node, then each call reads only rows completed since the last and appends them; a new
 * published version rebuilds it.
 */
export async function surveyColumns(
  store: Store,
  surveyId: string,
  def: SurveyDefinition,
  versionId: number,
): Promise<Columns> {
  const bySurvey = bySurveyOf(store.db);
  let cache = bySurvey.get(surveyId);
  if (!cache || cache.cols.versionId !== versionId) {
    cache = (await restored(store.db, surveyId, versionId)) ?? {
      cols: emptyColumns(def, versionId, 0),
      mark: null,
      saved: 0,
      saving: false,
      reading: Promise.resolve(),
    };
    bySurvey.set(surveyId, cache);
  }
  const current = cache;
  const read = current.reading.then(() => readInto(store, surveyId, def, current));
  current.reading = read.catch(() => undefined);
  return read;
}

/**
 * Appends the rows the cache has not read yet, and queues a snapshot when they grew enough. A read
 * that fails part way (a dropped connection) may have appended some of its rows: the columns are
 * emptied, and the next read takes them all again.
 */
async function readInto(store: Store, surveyId: string, def: SurveyDefinition, cache: Cache): Promise<Columns> {
  try {
    return await readNew(store, surveyId, def, cache);
  } catch (e) {
    cache.cols = emptyColumns(def, cache.cols.versionId, 0);
    cache.mark = null;
    cache.saved = 0;
    throw e;
  }
}

async function readNew(store: Store, surveyId: string, def: SurveyDefinition, cache: Cache): Promise<Columns> {
  const { db } = store;
  cache.versions ??= await store.run((sql) => codedVersions(sql, surveyId, def));
  const versions = cache.versions;
  if (cache.mark !== null) {
    const mark = await storedRows.readSince(
      db,
      surveyId,
      versions.unfit,
      cache.mark,
      columnAppender(cache.cols, def, versions.fit),
    );
    // Rows already read were changed or deleted (on another node, too): the columns are read anew.
    if (mark === null) {
      cache.cols = emptyColumns(def, cache.cols.versionId, 0);
      cache.saved = 0;
    }
    cache.mark = mark;
  }
  if (cache.mark === null) {
    // Sized once up front, so a million rows don't regrow every column twenty times.
    ensureCapacity(cache.cols, (await storedRows.countAt(db, surveyId, Number.MAX_SAFE_INTEGER)) + 16);
    cache.mark = await storedRows.readAll(db, surveyId, versions.unfit, columnAppender(cache.cols, def, versions.fit));
  }
  const { cols } = cache;
  if (cols.n - cache.saved >= Math.max(SNAPSHOT_MIN_GROWTH, cache.saved / 10)) queueSnapshot(db, surveyId, cache);
  return cols;
}

/** A survey's published versions: those whose coded rows read into the latest's columns, with their definitions, and the others. */
export interface CodedVersions {
  fit: Map<number, SurveyDefinition>;
  unfit: number[];
}

/**
 * Which published versions' coded rows read into columns laid out by `def` (the latest): rows of
 * the others are read from their JSON.
 */
export function* codedVersions(db: Sql, surveyId: string, def: SurveyDefinition): Work<CodedVersions> {
  // Versions below 1 are the builder's preview snapshots (server/survey/preview.ts).
  const rows = yield* q(
    db
      .select({ id: surveyVersions.id, definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, surveyId), gt(surveyVersions.version, 0))),
  );
  const out: CodedVersions = { fit: new Map(), unfit: [] };
  for (const row of rows) {
    // Parsed as the submission path parses it, so the layout is the one the rows were coded with.
    const older = v.parse(SurveyDefinitionSchema, row.definition);
    if (codedFits(older, def)) out.fit.set(row.id, older);
    else out.unfit.push(row.id);
  }
  return out;
}

/** Rows fewer than this, or under a tenth of the snapshot, aren't worth writing a new snapshot for. */
const SNAPSHOT_MIN_GROWTH = 1000;

/**
 * The columns from the snapshot on disk, if it is of this version and the table still holds as
 * many completed responses up to its mark as when it was written (deleted or restored data fails
 * this, and the columns are built afresh).
 */
async function restored(db: Sql, surveyId: string, versionId: number): Promise<Cache | null> {
  const s = readSnapshot<Columns>(db, surveyId, versionId);
  if (!s || s.cols.n !== s.n || (await storedRows.countAt(db, surveyId, s.mark.at)) !== s.tableCount) return null;
  return { cols: s.cols, mark: s.mark, saved: s.n, saving: false, reading: Promise.resolve() };
}

/** Whether the survey's columns are in memory or can be restored from disk: no slow build ahead. */
export async function columnsReady(db: Sql, surveyId: string, versionId: number): Promise<boolean> {
  const cache = caches.get(keyOf(db))?.get(surveyId);
  if (cache?.mark && cache.cols.versionId === versionId) return true;
  const restoredCache = await restored(db, surveyId, versionId);
  if (!restoredCache) return false;
  bySurveyOf(db).set(surveyId, restoredCache);
  return true;
}

/** Takes columns built elsewhere (by the parallel build) as the survey's cache, read up to `mark`. */
export function adoptColumns(db: Sql, surveyId: string, cols: Columns, mark: ReadMark) {
  const cache: Cache = { cols, mark, saved: 0, saving: false, reading: Promise.resolve() };
  bySurveyOf(db).set(surveyId, cache);
  queueSnapshot(db, surveyId, cache);
}

/**
 * Written after the current request's answer has gone out, from the columns as they are then, in
 * turn with the survey's reads so the columns and their mark agree.
 */
function queueSnapshot(db: Sql, surveyId: string, cache: Cache) {
  if (cache.saving || !snapshotDir(db)) return;
  cache.saving = true;
  setImmediate(() => {
    cache.reading = cache.reading
      .then(async () => {
        cache.saving = false;
        if (caches.get(keyOf(db))?.get(surveyId) !== cache || !cache.mark) return;
        const { cols, mark } = cache;
        const tableCount = await storedRows.countAt(db, surveyId, mark.at);
        if (writeSnapshot(db, { surveyId, versionId: cols.versionId, mark, n: cols.n, tableCount, cols }))
          cache.saved = cols.n;
      })
      // A snapshot only saves time at the next start (a closed database, a full disk): nothing is lost.
      .catch(() => undefined);
  });
}

/** Forget a survey's cached columns (after responses are deleted). */
export function invalidate(db: Sql, surveyId: string) {
  caches.get(keyOf(db))?.delete(surveyId);
  dropSnapshot(db, surveyId);
}

/** The survey's partial (started, not completed) responses, the builder's tests left out. */
export function* partialCount(db: Sql, surveyId: string): Work<number> {
  const [row] = yield* q(
    db
      .select({ n: count() })
      .from(responses)
      .where(and(eq(responses.surveyId, surveyId), eq(responses.status, 'partial'), eq(responses.isTest, false))),
  );
  return row.n;
}
