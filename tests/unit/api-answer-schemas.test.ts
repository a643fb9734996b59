import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWER_SCHEMAS_FILE, answerSchemas } from '../../server/openapi/answer-types';

describe('the JSON Schemas of the API’s answers', () => {
  it('are what the contract’s answer types say (`npx tsx server/cli/api-answers.ts` writes them)', () => {
    const committed = JSON.parse(readFileSync(ANSWER_SCHEMAS_FILE, 'utf8'));
    const current = answerSchemas();
    expect(Object.keys(current.answers).length).toBeGreaterThan(70);
    expect(current.answers['GET /api/surveys']).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/SurveySummary' },
    });
    expect(committed).toEqual(current);
  }, 120_000);
});
