/**
 * Reads questionnaire files in a worker thread (see import-off-thread.ts): one job per message,
 * answered with the import or the reason the file cannot be read.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError, importSurvey } from '../../shared/survey/import';

parentPort!.on('message', (job: { id: number; content: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, result: importSurvey(job.content) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, importError: err instanceof ImportError, message: err instanceof Error ? err.message : String(err) });
  }
});
