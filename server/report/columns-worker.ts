/**
 * Builds one range of a survey's report columns in a worker thread (see parallel-build.ts): its
 * own read-only connection, the same code as the main thread, the columns posted back with their
 * buffers transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { COLUMNS, COUNTED } from './dataset';
import { appendRows, emptyColumns, type RawRow } from './columns';
import { buffersOf } from './merge-columns';

interface Job { path: string; surveyId: string; def: SurveyDefinition; versionId: number; from: number; to: number; capacity: number }

const job = workerData as Job;
const db = new Database(job.path, { readonly: true, fileMustExist: true });
try {
  const cols = emptyColumns(job.def, job.versionId, job.capacity);
  // The rowid range is walked in storage order; "not indexed" keeps SQLite from fetching the
  // range's rows one by one through the survey index instead.
  const rows = db.prepare(`select ${COLUMNS} from responses not indexed where id between ? and ? and ${COUNTED}`).raw().iterate(job.from, job.to, job.surveyId) as IterableIterator<RawRow>;
  const latest = appendRows(cols, job.def, rows);
  parentPort!.postMessage({ cols, latest }, buffersOf(cols));
} finally {
  db.close();
}
