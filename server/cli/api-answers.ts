/**
 * Writes server/openapi/answer-schemas.json, the JSON Schemas of the API's answers read from the
 * contract's TypeScript types. Run after changing an answer type: `npx tsx server/cli/api-answers.ts`
 * (a test says when the file is stale).
 */
import { writeFileSync } from 'node:fs';
import { ANSWER_SCHEMAS_FILE, answerSchemas } from '../openapi/answer-types';

writeFileSync(ANSWER_SCHEMAS_FILE, `${JSON.stringify(answerSchemas())}\n`);
console.log(`wrote ${ANSWER_SCHEMAS_FILE}`);
