import { loadConfig } from '../config';
import { openDb } from '../db/client';
import { loadDemo } from '../demo/service';

const config = loadConfig();
const db = openDb(config.DATABASE_PATH);
const count = Number(process.argv[2] ?? 400);
try {
  const survey = loadDemo(db, Date.now(), null, count);
  console.log(`Demo study created with ${survey.completes} responses: open /s/${survey.slug} and its report in the app.`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
