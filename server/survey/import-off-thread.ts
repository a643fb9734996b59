/**
 * Questionnaire files are user input of up to 5 MB; reading a large one takes the main thread
 * tenths of a second (a 1 MB .lss about 0.3 s), during which respondents' submissions and health
 * checks would wait. Files above INLINE_MAX are read in one long-lived worker thread instead,
 * started at the first such file; one that takes longer than TIME_LIMIT_MS is given up (the
 * worker is ended) with a 400, so no file can hold the import up for good.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED, SERVER_DIST } from '../paths';
import {
  ImportError,
  importSurvey,
  type ImportFormat,
  type ImportNote,
  type ImportResult,
} from '../../shared/survey/import';
import { note } from '../../shared/survey/import/notes';

/** The compiled worker beside the compiled server; from sources, a CommonJS shim that loads the TypeScript. */
const WORKER_ENTRY = COMPILED
  ? pathToFileURL(join(SERVER_DIST, 'survey/import-worker.js'))
  : new URL('./import-worker.cjs', import.meta.url);

/**
 * Below this many characters the import takes a few milliseconds even before the code is warm:
 * not worth a message round trip. (An 18 KB SurveyJS file took 0.2 s on a cold server.)
 */
export const INLINE_MAX = 4 * 1024;
const TIME_LIMIT_MS = 20_000;

type Result = ImportResult & { format: ImportFormat };
type Reply = { id: number; ok: true; json: string } | { id: number; ok: false; note?: ImportNote; message: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (json: string) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
>();

function failAll(err: Error) {
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.reject(err);
  }
  pending.clear();
  worker = null;
}

function start(): Worker {
  // Without the parent's flags: they would load tsx's ESM loader too (see server/report/parallel-build.ts).
  const w = new Worker(WORKER_ENTRY, { execArgv: [] });
  w.unref();
  w.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply.json);
    else p.reject(reply.note ? new ImportError(reply.note) : new Error(reply.message));
  });
  // A worker that dies mid-file died of that file (its memory, say): the file is refused, not the server's fault.
  w.on('error', () => failAll(new ImportError(note('readerFailed'))));
  w.on('exit', () => {
    if (worker === w) failAll(new ImportError(note('readerFailed')));
  });
  return w;
}

/** importSurvey() as JSON text, off the main thread for large files: what /convert answers as it is. */
export function importJsonOffThread(content: string): Promise<string> {
  if (content.length <= INLINE_MAX) {
    try {
      return Promise.resolve(JSON.stringify(importSurvey(content)));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new ImportError(note('tooSlow', { seconds: TIME_LIMIT_MS / 1000 })));
      // The worker may be stuck in this file: end it, and with it the files queued behind this one;
      // the next large file starts a fresh worker.
      worker = null;
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(new ImportError(note('interrupted')));
      }
      pending.clear();
      void w.terminate();
    }, TIME_LIMIT_MS);
    pending.set(id, { resolve, reject, timer });
    w.postMessage({ id, content });
  });
}

/** importSurvey(), off the main thread for large files. */
export async function importOffThread(content: string): Promise<Result> {
  return JSON.parse(await importJsonOffThread(content)) as Result;
}
