import { openDb } from '../server/db/client';
import { seedReportSurvey } from './report-survey';
import { buildReport } from '../server/report/service';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const db = openDb(join(mkdtempSync(join(tmpdir(), 'p-')), 'x.db'));
const id = seedReportSurvey(db, 100_000);
buildReport(db, id);
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
for (let k = 0; k < 3; k++) { const t = performance.now(); buildReport(db, id); console.log('warm', performance.now() - t); }
const { profile: p } = await s.post('Profiler.stop') as any;
const self = new Map<string, number>(); const idx = new Map(p.nodes.map((n: any) => [n.id, n]));
for (let i = 0; i < p.samples.length; i++) { const n: any = idx.get(p.samples[i]); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').slice(-2).join('/') + ':' + n.callFrame.lineNumber; self.set(k, (self.get(k) || 0) + (p.timeDeltas[i] || 0)); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => (v / 1000).toFixed(0) + 'ms ' + k).join('\n'));
