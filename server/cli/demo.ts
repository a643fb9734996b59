import { loadConfig } from '../config';
import { openDb } from '../db/client';
import { COFFEE_DEMO_SLUG, loadCoffeeDemo, loadDemo } from '../demo/service';

// `npm run demo [n]`: the hotel study with n responses (400 by default) and the office-coffee study.
const config = loadConfig();
const db = openDb(config.DATABASE_PATH);
const count = Number(process.argv[2] ?? 400);
try {
  const survey = db.transaction(() => {
    const hotel = loadDemo(db, Date.now(), null, count);
    loadCoffeeDemo(db, Date.now(), null);
    return hotel;
  });
  console.log(
    `Demo studies created: /s/${survey.slug} with ${count} responses and /s/${COFFEE_DEMO_SLUG}; open their reports in the app.`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
