/**
 * Reads questionnaire files in a worker thread (see import-off-thread.ts): one job per message,
 * answered with the import as JSON text (one string crosses threads for free, where a cloned
 * object would be rebuilt on the main thread) or the reason the file cannot be read.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError, importSurvey } from '../../shared/survey/import';

parentPort!.on('message', (job: { id: number; content: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, json: JSON.stringify(importSurvey(job.content)) });
  } catch (err) {
    parentPort!.postMessage({
      id: job.id,
      ok: false,
      ...(err instanceof ImportError ? { note: err.note } : {}),
      message: err instanceof Error ? err.message : String(err),
    });
  }
});
