import * as v from 'valibot';
import { openDb } from '../server/db/client';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createSurvey, publish } from '../server/survey/service';
import { SurveyDefinitionSchema } from '../shared/survey/schema';
import { buildReport } from '../server/report/service';
import { researchStudy, researchStudyAnswers } from '../tests/support/research-demo';

const n = Number(process.argv[2] ?? 100000);
const db = openDb(`/tmp/w/perf/r-${n}-${Date.now()}.db`);
migrate(db, { migrationsFolder: 'drizzle' });
const def = v.parse(SurveyDefinitionSchema, researchStudy);
const now = Date.now();
const s = createSurvey(db, def, null, now, `perf`);
const versionId = publish(db, s.id, null, now).versions[0].id;
const insert = db.$client.prepare(`insert into responses (survey_id, version_id, client_id, status, answers, hidden, page_times, wave, quota_cell, page, is_test, started_at, updated_at, completed_at) values (?, ?, ?, 'complete', ?, null, null, 1, null, 0, 0, ?, ?, ?)`);
const pool = Array.from({ length: 500 }, (_, i) => JSON.stringify(researchStudyAnswers(i)));
db.$client.transaction(() => { for (let i = 0; i < n; i++) insert.run(s.id, versionId, `p${i}`, pool[i % 500], now, now, now - i); })();
const time = (f: () => unknown) => { const t = performance.now(); f(); return Math.round(performance.now() - t); };
console.log('cold', time(() => buildReport(db, s.id)));
console.log('warm', time(() => buildReport(db, s.id)));
console.log('warm', time(() => buildReport(db, s.id)));
console.log('rss MB', Math.round(process.memoryUsage().rss / 1048576));
import { surveyColumns } from '../server/report/dataset';
import { select } from '../server/report/selection';
import { servqualSection } from '../server/report/sections/servqual';
import { priceSection } from '../server/report/sections/price';
import { competitionSection } from '../server/report/sections/competition';
{
  const cols = surveyColumns(db, s.id, def, versionId);
  const sel = select(cols, def, undefined, null);
  const input = { def, cols, sel };
  console.log('servqual', time(() => servqualSection(input)));
  console.log('price', time(() => priceSection(input)));
  console.log('competition', time(() => competitionSection(input)));
  console.log('servqual', time(() => servqualSection(input)));
  console.log('price', time(() => priceSection(input)));
  console.log('competition', time(() => competitionSection(input)));
}
