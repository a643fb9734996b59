/**
 * Builds one range of a survey's report columns in a worker thread (see parallel-build.ts): its
 * own read-only connection, the same code as the main thread, the columns posted back with their
 * buffers transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { emptyColumns } from './columns';
import { appendBatches } from './column-writers';
import { rowsByIds } from './stored-rows';
import { buffersOf } from './merge-columns';

interface Job {
  path: string; surveyId: string; def: SurveyDefinition; versionId: number; from: number; to: number; capacity: number;
  /** The versions whose coded rows are read, with their definitions, and the others (dataset.ts, codedVersions). */
  versions: [number, SurveyDefinition][]; unfit: number[];
}

const job = workerData as Job;
const db = new Database(job.path, { readonly: true, fileMustExist: true });
try {
  const cols = emptyColumns(job.def, job.versionId, job.capacity);
  const versions = new Map(job.versions);
  const latest = appendBatches(cols, job.def, versions, rowsByIds(db, job.surveyId, job.unfit, job.from, job.to));
  parentPort!.postMessage({ cols, latest }, buffersOf(cols));
} finally {
  db.close();
}
