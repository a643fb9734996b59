/**
 * Import figures: the time to read questionnaire files through the running server's
 * POST /api/surveys/convert (beside the same import in this process, without HTTP), and the
 * slowest /api/health answer while they are read (a check every 10 ms, on 127.0.0.1, from a
 * thread of its own) beside the slowest over as long with nothing else running. Each file is
 * sent three times; the fastest counts.
 */
import { Worker } from 'node:worker_threads';
import { importSurvey } from '../shared/survey/import';
import { duplicateChoices, largeLss } from './import-files';

/**
 * Health checks every 10 ms from a thread of their own: in this one, sending a 1 MB file and
 * reading the answer hold the event loop up to ~50 ms, which would count against the server.
 * `stop()` answers the slowest check.
 */
function probeHealth(base: string): { stop: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    let slowest = 0;
    let probing = true;
    parentPort.on('message', () => (probing = false));
    (async () => {
      while (probing) {
        const t0 = performance.now();
        await fetch(workerData + '/api/health').then((r) => r.arrayBuffer());
        slowest = Math.max(slowest, performance.now() - t0);
        await new Promise((res) => setTimeout(res, 10));
      }
      parentPort.postMessage(slowest);
    })();`,
    { eval: true, workerData: base },
  );
  return {
    stop: () =>
      new Promise<number>((resolve) => {
        worker.once('message', (slowest: number) => {
          void worker.terminate();
          resolve(slowest);
        });
        worker.postMessage('stop');
      }),
  };
}

function inProcess(content: string) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    importSurvey(content);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

type Print = (name: string, value: number, unit: string, digits?: number) => void;

export async function importFigures(port: number, print: Print) {
  const base = `http://127.0.0.1:${port}`;
  const setup = await fetch(`${base}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email: 'bench@example.com', password: 'bench password 1' }),
  });
  const cookie = /ys_session=[^;]*/.exec(setup.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrf } = (await setup.json()) as { csrf: string };

  const started = performance.now();
  const probe = probeHealth(base);

  const convert = async (content: string) => {
    const body = JSON.stringify({ content });
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/surveys/convert`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body,
      });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`convert answered ${r.status}`);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const files: [string, string][] = [
    // 200 choices of the value 1 to a question (the most a question holds), the questions all named "q".
    ...(
      [
        ['2k', 2_000],
        ['8k', 8_000],
        ['32k', 32_000],
      ] as const
    ).map(([label, n]): [string, string] => [`import_duplicate_choices_${label}`, duplicateChoices(n, 200)]),
    ['import_lss_1mb', largeLss(1_000_000)],
  ];
  const took: [string, number][] = [];
  let during = 0;
  try {
    for (const [name, content] of files) took.push([name, await convert(content)]);
  } finally {
    during = await probe.stop();
  }
  const busy = performance.now() - started;
  for (const [name, ms] of took)
    print(name, ms, `ms (in process: ${inProcess(files.find((f) => f[0] === name)![1]).toFixed(0)} ms)`);

  // The reference: health checks alone, for as long, from the same kind of thread.
  const alone = probeHealth(base);
  await new Promise((res) => setTimeout(res, busy));
  const reference = await alone.stop();
  print(
    'import_health_slowest',
    during,
    `ms (health checks alone for as long: ${reference.toFixed(1)} ms; budget 100 ms)`,
    1,
  );
}
