/**
 * The report tests' data set: 8 hand-made respondents of a satisfaction survey with every report
 * role, completing one a day from 23 Nov 2026 (the test clock's start).
 */
import { expect } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from './api';
import { DIALECT } from '../../server/db/dialect';

export const scale = { min: 1, max: 5 };
export const items = ['a1', 'a2', 'a3', 'a4', 'a5'];
export const definition = {
  title: { en: 'Sections' },
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'osat', type: 'rating', role: 'overall-satisfaction', scale, text: { en: 'Overall' } },
        {
          id: 'attrs',
          type: 'matrix',
          role: 'attribute',
          scale,
          text: { en: 'Attributes' },
          items: items.map((id) => ({ id, label: { en: id } })),
        },
        {
          id: 'imp',
          type: 'matrix',
          role: 'importance',
          scale,
          text: { en: 'Importance' },
          items: items.map((id) => ({ id, label: { en: id } })),
        },
        { id: 'nps', type: 'nps', role: 'recommend', text: { en: 'Recommend' } },
        {
          id: 'again',
          type: 'single',
          role: 'loyalty',
          text: { en: 'Again?' },
          options: ['yes', 'maybe', 'no'].map((id) => ({ id, label: { en: id } })),
        },
        {
          id: 'purpose',
          type: 'single',
          role: 'segment',
          text: { en: 'Purpose' },
          options: ['business', 'leisure'].map((id) => ({ id, label: { en: id } })),
        },
        { id: 'comment', type: 'text', role: 'open-feedback', text: { en: 'Comment' } },
      ],
    },
  ],
};

export const OSAT = [5, 4, 4, 3, 2, 5, 3, 4];
export const ATTRS = [
  [5, 5, 5, 5, 5],
  [4, 3, 4, 5, 3],
  [4, 4, 3, 4, 2],
  [3, 2, 3, 4, 2],
  [2, 1, 2, 3, 1],
  [5, 4, 5, 5, 4],
  [3, 3, 2, 4, 3],
  [3, 3, 3, 3, 3],
];
export const IMP = [5, 4, 4, 2, 3];
export const NPS = [10, 9, 8, 6, 0, 10, 7, 9];
export const AGAIN = ['yes', 'yes', 'maybe', 'no', 'no', 'yes', 'maybe', 'yes'];
export const PURPOSE = ['business', 'leisure', 'business', 'leisure', 'business', 'leisure', 'business', 'leisure'];
export const TIER = ['gold', 'gold', 'silver', 'silver', 'gold', 'silver', 'gold', 'silver'];
export const COMMENT: (string | undefined)[] = [
  undefined,
  'Slow check-in',
  undefined,
  undefined,
  'Room was dirty',
  'Great stay',
  undefined,
  undefined,
];
export const SECONDS = [120, 150, 130, 20, 140, 160, 125, 135];
export const DAY = 86_400_000;

/** A fresh app with the survey published and the 8 responses in; returns the survey and agents. */
export async function seedReportData() {
  const t = makeTestApp();
  const agents = await signedInAgents(t.app);
  const created = (await agents.researcher.post('/api/surveys', { definition })).body;
  const versionId = (await agents.researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
  const a = new Agent(t.app);
  for (let i = 0; i < OSAT.length; i++) {
    const answers: Record<string, unknown> = {
      osat: OSAT[i],
      attrs: Object.fromEntries(items.map((id, k) => [id, ATTRS[i][k]])),
      imp: Object.fromEntries(items.map((id, k) => [id, IMP[k]])),
      nps: NPS[i],
      again: AGAIN[i],
      purpose: PURPOSE[i],
    };
    if (COMMENT[i]) answers.comment = COMMENT[i];
    const res = await a.post(`/api/public/s/${created.slug}/responses`, {
      clientId: `respondent-${i}`,
      versionId,
      complete: true,
      answers,
      hidden: { tier: TIER[i] },
      pageTimes: { p1: SECONDS[i] * 1000 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    t.clock.advance(DAY);
  }
  return { t, agents, surveyId: created.id as string };
}

/**
 * Stamps each response's quota cell as collection would have had the plan been saved before they
 * came in: from the `tier` hidden field, and with `purpose` the answer after it. On either database.
 */
export function stampCells(t: ReturnType<typeof makeTestApp>, withPurpose = false) {
  const field = (column: string, key: string) =>
    DIALECT === 'pg' ? `((${column})::json ->> '${key}')` : `json_extract(${column}, '$.${key}')`;
  const cell = withPurpose
    ? `${field('hidden', 'tier')} || '|' || ${field('answers', 'purpose')}`
    : field('hidden', 'tier');
  return t.rows(`update responses set quota_cell = ${cell} returning id`);
}
