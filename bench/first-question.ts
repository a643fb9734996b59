/**
 * "First question visible": from navigation start to the first question's title being in the
 * document, laid out and in the next frame the browser may paint (a stylesheet still loading
 * holds that frame back), for the same 30-question survey on our respondent page and on the
 * SurveyJS form library, and for a static HTML page with one question (the floor). Each page is
 * loaded cold in a fresh context at a phone's viewport, without and with 4× CPU throttling; the
 * median of several loads is printed, with the bytes transferred.
 */
import { runNow, sqlOf } from '../server/db/sqlite-store';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { chromium, type Browser } from 'playwright-core';
import type { Db } from '../server/db/client';
import { createSurvey, publish } from '../server/survey/service';
import { exportSurveyJs } from '../shared/survey/import/surveyjs-export';
import { SurveyDefinitionSchema, type SurveyDefinitionInput } from '../shared/survey/schema';

const FIRST_TITLE = 'Overall, how satisfied are you with your stay?';
const en = (s: string) => ({ en: s });
const scale = { min: 1, max: 5, minLabel: en('Very dissatisfied'), maxLabel: en('Very satisfied') };
const ATTRIBUTES = [
  'Check-in',
  'Room comfort',
  'Cleanliness',
  'Breakfast',
  'Staff',
  'Quiet',
  'Wi-Fi',
  'Value',
  'Location',
  'Check-out',
];
const choices = (ids: string[]) => ids.map((id) => ({ id, label: en(id[0].toUpperCase() + id.slice(1)) }));

/** Thirty questions on one page: the shapes a satisfaction survey is made of. */
const DEFINITION: SurveyDefinitionInput = {
  title: en('Your stay with us'),
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'osat', type: 'rating', required: true, scale, text: en(FIRST_TITLE) },
        {
          id: 'nps',
          type: 'nps',
          required: true,
          text: en('How likely are you to recommend us to a friend or colleague?'),
        },
        {
          id: 'again',
          type: 'single',
          text: en('Would you stay with us again?'),
          options: choices(['certainly', 'probably', 'unsure', 'no']),
        },
        {
          id: 'purpose',
          type: 'single',
          text: en('What was the purpose of your stay?'),
          options: choices(['business', 'leisure', 'event']),
        },
        {
          id: 'grid',
          type: 'matrix',
          scale,
          text: en('How satisfied are you with…'),
          items: ATTRIBUTES.map((label, k) => ({ id: `a${k}`, label: en(label) })),
        },
        ...Array.from({ length: 22 }, (_, k) => ({
          id: `r${k}`,
          type: 'rating' as const,
          scale,
          text: en(`How satisfied are you with aspect ${k + 1} of your stay?`),
        })),
        {
          id: 'used',
          type: 'multiple',
          text: en('Which services did you use?'),
          options: choices(['spa', 'gym', 'restaurant', 'bar']),
        },
        { id: 'stay', type: 'number', text: en('How many nights did you stay?'), integer: true, min: 1, max: 365 },
        { id: 'comment', type: 'text', multiline: true, text: en('Anything else you would like to tell us?') },
      ],
    },
  ],
};

/** Our 30-question survey, published as `bench30`; returns its SurveyJS JSON. */
export function seedFirstQuestionSurvey(db: Db): Record<string, unknown> {
  const def = v.parse(SurveyDefinitionSchema, DEFINITION);
  const survey = runNow(createSurvey(sqlOf(db), def, null, Date.now(), 'bench30'));
  runNow(publish(sqlOf(db), survey.id, null, Date.now()));
  return exportSurveyJs(def).json;
}

const NODE_MODULES = join(import.meta.dirname, '../node_modules');

/**
 * The reference pages on 127.0.0.1: SurveyJS set up as its documentation shows for a page without
 * a framework (survey-core's script and stylesheet, survey-js-ui's script, `new Survey.Model(json)`
 * rendered into a div), and a static page with one question.
 */
export function startReferenceServer(surveyJs: Record<string, unknown>): Promise<{ url: string; close: () => void }> {
  const json = JSON.stringify(surveyJs).replace(/</g, '\\u003c');
  const files: Record<string, [string, string | Buffer]> = {
    '/surveyjs.html': [
      'text/html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Your stay with us</title>
<link href="/survey-core.min.css" rel="stylesheet">
<script src="/survey.core.min.js"></script><script src="/survey-js-ui.min.js"></script></head>
<body><div id="surveyContainer"></div>
<script>const survey = new Survey.Model(${json}); survey.render(document.getElementById('surveyContainer'));</script>
</body></html>`,
    ],
    '/static.html': [
      'text/html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Your stay with us</title></head>
<body><h1>Your stay with us</h1><form><fieldset><legend>${FIRST_TITLE}</legend>
${[1, 2, 3, 4, 5].map((p) => `<label><input type="radio" name="osat" value="${p}"> ${p}</label>`).join('\n')}
</fieldset><button>Next</button></form></body></html>`,
    ],
    '/survey-core.min.css': ['text/css', readFileSync(join(NODE_MODULES, 'survey-core/survey-core.min.css'))],
    '/survey.core.min.js': ['text/javascript', readFileSync(join(NODE_MODULES, 'survey-core/survey.core.min.js'))],
    '/survey-js-ui.min.js': ['text/javascript', readFileSync(join(NODE_MODULES, 'survey-js-ui/survey-js-ui.min.js'))],
  };
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0], 'content-length': Buffer.byteLength(file[1]) }).end(file[1]);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

/** Debian's Chromium with the flags this machine's closed network needs (as tests/support/browser.ts). */
export const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/**
 * Set before the page's first byte: notes when an element whose own text holds the title (not the
 * survey's JSON in a script) has a box, at the next frame, which a stylesheet still loading holds
 * back. A string, not a function: tsx would wrap a function's inner functions in a helper the page
 * doesn't have.
 */
const watchFor = (title: string) => `(() => {
  const found = () => {
    const hit = document.evaluate('//*[not(self::script)][contains(text(), ${JSON.stringify(title)})]', document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    return hit && hit.getClientRects().length > 0;
  };
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.firstQuestion = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

async function loadOnce(browser: Browser, url: string, throttle: number) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  const bodies: Promise<number>[] = [];
  page.on('response', (r) =>
    bodies.push(
      r.body().then(
        (b) => gzipSync(b, { level: 9 }).length,
        () => 0,
      ),
    ),
  );
  await page.addInitScript({ content: watchFor(FIRST_TITLE) });
  await page.goto(url, { waitUntil: 'commit' });
  const ms = (await (
    await page.waitForFunction(() => (window as unknown as { firstQuestion?: number }).firstQuestion, null, {
      polling: 50,
      timeout: 60_000,
    })
  ).jsonValue()) as number;
  await page.waitForLoadState('load');
  const gzip = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, bytes, gzip };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median time and bytes of `loads` cold loads of each page, at each throttle, in one run. */
export async function measureFirstQuestion(
  pages: Record<string, string>,
  loads: number,
  print: (name: string, value: number, unit: string, digits?: number) => void,
) {
  const browser = await launch();
  try {
    for (const throttle of [1, 4]) {
      for (const [name, url] of Object.entries(pages)) {
        await loadOnce(browser, url, throttle);
        const runs = [];
        for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, url, throttle));
        print(`first_question_${name}_${throttle}x`, median(runs.map((r) => r.ms)), 'ms');
        if (throttle === 1) {
          print(`transfer_${name}`, median(runs.map((r) => r.bytes)), 'bytes');
          print(`transfer_${name}_gzip`, median(runs.map((r) => r.gzip)), 'bytes');
        }
      }
    }
  } finally {
    await browser.close();
  }
}
