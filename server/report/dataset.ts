/**
 * The report's column cache: each survey's columns (columns.ts) built once per process, from the
 * table or from the snapshot on disk (snapshot.ts), then grown by the rows completed since.
 */
import * as v from 'valibot';
import type { Db } from '../db/client';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { dropSnapshot, readSnapshot, writeSnapshot } from './snapshot';
import { emptyColumns, ensureCapacity, type Columns } from './columns';
import { appendBatches } from './column-writers';
import { codedFits } from './coded-answers';
import { idRange, rowsByIds, rowsCompletedSince, type RowBatch } from './stored-rows';

interface Cache {
  cols: Columns;
  loaded: boolean;
  watermark: number;
  recent: Map<number, number>;
  /** Which versions' coded rows the columns read (coded-answers.ts), found on first use. */
  versions?: CodedVersions;
  /** Responses in the snapshot on disk, and whether writing a newer one is already queued. */
  saved: number;
  saving: boolean;
}

const caches = new WeakMap<Db, Map<string, Cache>>();

/**
 * Responses committed out of completion order (two requests racing) land within this window
 * behind the watermark; re-reading it and skipping ids already seen keeps the cache exact.
 */
const OVERLAP_MS = 60_000;

/**
 * The rows to append. The first read takes the survey's rows in storage order: walking the
 * completion-time index would fetch a million rows in random order, page by page, ten times
 * slower. Later reads take the few rows past the watermark from the index.
 */
function freshRows(db: Db, surveyId: string, unfit: readonly number[], watermark: number | null): Iterable<RowBatch> {
  if (watermark !== null) return rowsCompletedSince(db.$client, surveyId, unfit, watermark - OVERLAP_MS);
  const range = idRange(db.$client, surveyId);
  return range ? rowsByIds(db.$client, surveyId, unfit, range.lo, range.hi) : [];
}

/**
 * Completed, non-test responses of a survey as columns, laid out by the newest published version
 * (`def`, `versionId`) and answers lined up by question id across versions. Built once per survey
 * and process, then each call reads only rows completed since the last (on the
 * survey/status/completed_at index) and appends them; a new published version rebuilds it.
 */
export function surveyColumns(db: Db, surveyId: string, def: SurveyDefinition, versionId: number): Columns {
  const bySurvey = bySurveyOf(db);
  let cache = bySurvey.get(surveyId);
  if (!cache || cache.cols.versionId !== versionId) {
    cache = restored(db, surveyId, versionId) ?? {
      cols: emptyColumns(def, versionId, 0),
      loaded: false,
      watermark: 0,
      recent: new Map(),
      saved: 0,
      saving: false,
    };
    bySurvey.set(surveyId, cache);
  }
  const cols = cache.cols;
  const cold = !cache.loaded;
  // Sized once up front on the first read, so a million rows don't regrow every column twenty times.
  if (cold) ensureCapacity(cols, indexCount(db, surveyId, Number.MAX_SAFE_INTEGER) + 16);
  const recent = cache.recent;
  const versions = (cache.versions ??= codedVersions(db, surveyId, def));
  const latest = appendBatches(
    cols,
    def,
    versions.fit,
    freshRows(db, surveyId, versions.unfit, cold ? null : cache.watermark),
    cold
      ? undefined
      : (id, completedAt) => {
          if (recent.has(id)) return false;
          recent.set(id, completedAt);
          return true;
        },
  );
  if (latest > cache.watermark) cache.watermark = latest;
  cache.loaded = true;
  const since = cache.watermark - OVERLAP_MS;
  if (cold) rememberRecent(cache);
  for (const [id, at] of cache.recent) if (at < since) cache.recent.delete(id);
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
export function codedVersions(db: Db, surveyId: string, def: SurveyDefinition): CodedVersions {
  const rows = db.$client
    .prepare('select id, definition from survey_versions where survey_id = ? and version > 0')
    .all(surveyId) as { id: number; definition: string }[];
  const out: CodedVersions = { fit: new Map(), unfit: [] };
  for (const row of rows) {
    // Parsed as the submission path parses it, so the layout is the one the rows were coded with.
    const older = v.parse(SurveyDefinitionSchema, JSON.parse(row.definition));
    if (codedFits(older, def)) out.fit.set(row.id, older);
    else out.unfit.push(row.id);
  }
  return out;
}

/** Rows fewer than this, or under a tenth of the snapshot, aren't worth writing a new snapshot for. */
const SNAPSHOT_MIN_GROWTH = 1000;

function rememberRecent(cache: Cache) {
  const since = cache.watermark - OVERLAP_MS;
  const { cols } = cache;
  for (let i = 0; i < cols.n; i++) if (cols.completedAt[i] >= since) cache.recent.set(cols.id[i], cols.completedAt[i]);
}

/**
 * Completed responses (test ones too) up to `watermark`, counted on the index alone: the check
 * that a snapshot still agrees with the table costs milliseconds, where filtering out test
 * responses would read every row.
 */
export function indexCount(db: Db, surveyId: string, watermark: number): number {
  return db.$client
    .prepare(`select count(*) from responses where survey_id = ? and status = 'complete' and completed_at <= ?`)
    .pluck()
    .get(surveyId, watermark) as number;
}

/**
 * The columns from the snapshot on disk, if it is of this version and the table still holds as
 * many completed responses up to its watermark as when it was written (deleted or restored data
 * fails this, and the columns are built afresh).
 */
function restored(db: Db, surveyId: string, versionId: number): Cache | null {
  const s = readSnapshot<Columns>(db, surveyId, versionId);
  if (!s || s.cols.n !== s.n || indexCount(db, surveyId, s.watermark) !== s.tableCount) return null;
  const cache: Cache = {
    cols: s.cols,
    loaded: true,
    watermark: s.watermark,
    recent: new Map(),
    saved: s.n,
    saving: false,
  };
  rememberRecent(cache);
  return cache;
}

/** Whether the survey's columns are in memory or can be restored from disk: no slow build ahead. */
export function columnsReady(db: Db, surveyId: string, versionId: number): boolean {
  const cache = caches.get(db)?.get(surveyId);
  if (cache?.loaded && cache.cols.versionId === versionId) return true;
  const restoredCache = restored(db, surveyId, versionId);
  if (!restoredCache) return false;
  bySurveyOf(db).set(surveyId, restoredCache);
  return true;
}

/** Takes columns built elsewhere (by the parallel build) as the survey's cache, up to `watermark`. */
export function adoptColumns(db: Db, surveyId: string, cols: Columns, watermark: number) {
  const cache: Cache = { cols, loaded: true, watermark, recent: new Map(), saved: 0, saving: false };
  rememberRecent(cache);
  bySurveyOf(db).set(surveyId, cache);
  queueSnapshot(db, surveyId, cache);
}

function bySurveyOf(db: Db) {
  let bySurvey = caches.get(db);
  if (!bySurvey) caches.set(db, (bySurvey = new Map()));
  return bySurvey;
}

/** Written after the current request's answer has gone out, from the columns as they are then. */
function queueSnapshot(db: Db, surveyId: string, cache: Cache) {
  if (cache.saving) return;
  cache.saving = true;
  setImmediate(() => {
    cache.saving = false;
    if (!db.$client.open || caches.get(db)?.get(surveyId) !== cache) return;
    const { cols, watermark } = cache;
    const tableCount = indexCount(db, surveyId, watermark);
    if (writeSnapshot(db, { surveyId, versionId: cols.versionId, watermark, n: cols.n, tableCount, cols }))
      cache.saved = cols.n;
  });
}

/** Forget a survey's cached columns (after responses are deleted). */
export function invalidate(db: Db, surveyId: string) {
  caches.get(db)?.delete(surveyId);
  dropSnapshot(db, surveyId);
}

export function partialCount(db: Db, surveyId: string): number {
  return (
    db.$client
      .prepare(`select count(*) as n from responses where survey_id = ? and status = 'partial' and is_test = 0`)
      .get(surveyId) as { n: number }
  ).n;
}
