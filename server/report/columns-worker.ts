/**
 * Builds one range of a survey's report columns in a worker thread (see parallel-build.ts): the
 * job arrives as the one message (the worker starts while the main thread works it out), read on
 * its own connection with the same code as the main thread (a read-only SQLite handle, or a
 * PostgreSQL connection in the main read's exported snapshot), and the columns are posted back
 * with their buffers transferred rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { emptyColumns } from './columns';
import { columnAppender } from './column-writers';
import { rowsByIds } from './stored-rows.sqlite';
import { readRange } from './stored-rows.pg';
import { buffersOf } from './merge-columns';

interface Job {
  /** The SQLite file, or the PostgreSQL connection string and the snapshot to read in. */
  source: { path: string } | { url: string; snapshot: string };
  surveyId: string;
  def: SurveyDefinition;
  versionId: number;
  from: number;
  to: number;
  capacity: number;
  /** The versions whose coded rows are read, with their definitions, and the others (dataset.ts, codedVersions). */
  versions: [number, SurveyDefinition][];
  unfit: number[];
}

parentPort!.once('message', async (job: Job) => {
  const cols = emptyColumns(job.def, job.versionId, job.capacity);
  const take = columnAppender(cols, job.def, new Map(job.versions));
  if ('path' in job.source) {
    const db = new Database(job.source.path, { readonly: true, fileMustExist: true });
    try {
      for (const batch of rowsByIds(db, job.surveyId, job.unfit, job.from, job.to)) take(batch);
    } finally {
      db.close();
    }
  } else {
    await readRange(job.source.url, job.source.snapshot, job.surveyId, job.unfit, job.from, job.to, take);
  }
  parentPort!.postMessage({ cols }, buffersOf(cols));
});
