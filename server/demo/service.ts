import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { responses, surveys } from '../db/schema';
import { conflict } from '../http/errors';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { createSurvey, publish } from '../survey/service';
import { hotelDefinition, hotelRespondent, seeded } from './hotel';

export const DEMO_SLUG = 'demo';

/**
 * Creates the demo study at /s/demo with `count` synthetic completed responses spread over the
 * last 30 days, plus a few abandoned partials so completion rates are realistic.
 */
export function loadDemo(db: Db, now: number, userId: string | null, count = 400) {
  if (db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, DEMO_SLUG)).get()) {
    throw conflict('demo-exists', 'the demo study already exists at /s/demo');
  }
  const def = v.parse(SurveyDefinitionSchema, hotelDefinition);
  const survey = createSurvey(db, def, userId, now, DEMO_SLUG);
  const published = publish(db, survey.id, userId, now);
  const versionId = published.versions[0].id;
  const rand = seeded(20261123);
  db.transaction((tx) => {
    for (let i = 0; i < count + Math.round(count / 12); i++) {
      const { answers, hidden, lang } = hotelRespondent(rand);
      const complete = i < count;
      const startedAt = now - Math.floor(rand() * 30 * 86_400_000);
      const duration = 60_000 + Math.floor(rand() * 180_000);
      tx.insert(responses).values({
        surveyId: survey.id, versionId, clientId: `demo-${i.toString().padStart(6, '0')}`,
        status: complete ? 'complete' : 'partial',
        answers: JSON.stringify(complete ? answers : { osat: answers.osat }),
        hidden: JSON.stringify(hidden), lang, pageTimes: JSON.stringify({ overall: duration / 3, attributes: duration / 2, comments: duration / 6 }),
        page: complete ? 2 : 1, startedAt, updatedAt: startedAt + duration, completedAt: complete ? startedAt + duration : null,
      }).run();
    }
  });
  return published;
}
