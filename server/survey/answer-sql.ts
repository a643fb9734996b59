import { type SQL, sql } from 'drizzle-orm';
import { DIALECT } from '../db/dialect';
import { responses, surveys } from '../db/tables';

/**
 * The JSON lookups the survey service makes, in each dialect's words. Question and option ids
 * match /^[A-Za-z][A-Za-z0-9_]*$/ (shared/survey/schema.ts), so they are safe inside a JSON path.
 */
export const answerSql =
  DIALECT === 'pg'
    ? {
        draftTitle: (lang: string): SQL<string | null> => sql`${surveys.draft} -> 'title' ->> ${lang}`,
        answered: (q: string): SQL => sql`(${responses.answers})::jsonb ? ${q}`,
        chose: (q: string, o: string, many: boolean): SQL =>
          many ? sql`(${responses.answers})::jsonb -> ${q} ? ${o}` : sql`(${responses.answers})::jsonb ->> ${q} = ${o}`,
      }
    : {
        draftTitle: (lang: string): SQL<string | null> =>
          sql`json_extract(${surveys.draft}, '$.title.' || json_quote(${lang}))`,
        answered: (q: string): SQL => sql.raw(`json_type(answers, '$.${q}') is not null`),
        chose: (q: string, o: string, many: boolean): SQL =>
          many
            ? sql`exists (select 1 from json_each(answers, ${`$.${q}`}) where value = ${o})`
            : sql`json_extract(answers, ${`$.${q}`}) = ${o}`,
      };
