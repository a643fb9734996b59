import { loadConfig } from '../config';
import { openDatabases } from '../db/open';
import { COFFEE_DEMO_SLUG, loadDemos } from '../demo/service';
import { FOLLOW_UP_DEMO_SLUG } from '../demo/followup';

// `npm run demo [n]`: the hotel study with n responses (400 by default), the office-coffee study,
// the hotel's follow-up of resolved cases, and the hotel's customer register when the register is empty.
const config = loadConfig();
const databases = await openDatabases(config);
const count = Number(process.argv[2] ?? 400);
try {
  const survey = await loadDemos(databases, Date.now(), null, count);
  console.log(
    `Demo studies created: /s/${survey.slug} with ${count} responses, /s/${COFFEE_DEMO_SLUG} and /s/${FOLLOW_UP_DEMO_SLUG}; open their reports in the app.`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await databases.store.close();
}
