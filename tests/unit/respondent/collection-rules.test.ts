import { describe, expect, it } from 'vitest';
import { readSurveyData } from '../../../client/respondent/data';
import { progressKey } from '../../../client/respondent/storage';

const open = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    slug: 's',
    status: 'open',
    versionId: 3,
    definition: { title: { en: 'T' }, pages: [] },
    ...extra,
  });

describe('the page data of collection rules and invitations', () => {
  it("turns the rules' statuses into their pages", () => {
    expect(
      readSurveyData(JSON.stringify({ slug: 's', status: 'not-yet-open', versionId: null, definition: null })),
    ).toEqual({ kind: 'not-yet-open' });
    expect(readSurveyData(JSON.stringify({ slug: 's', status: 'full', versionId: null, definition: null }))).toEqual({
      kind: 'full',
    });
  });

  it('a used invitation shows its page, an unknown token the not-found page', () => {
    expect(readSurveyData(open({ invitation: { state: 'used' } }))).toEqual({ kind: 'used' });
    expect(readSurveyData(open({ invitation: { state: 'unknown' } }))).toEqual({ kind: 'not-found' });
  });

  it('carries kiosk mode and an open invitation to the survey', () => {
    const invitation = { state: 'open', token: 'A'.repeat(22), hidden: { tier: 'gold' }, lang: null, resume: null };
    expect(readSurveyData(open({ kiosk: true, invitation }))).toMatchObject({
      kind: 'open',
      survey: { kiosk: true, invitation },
    });
    expect(readSurveyData(open())).toMatchObject({ kind: 'open', survey: { kiosk: false, invitation: undefined } });
  });

  it("keeps an invitation's progress apart from the open link's on a shared browser", () => {
    expect(progressKey('s', 3)).toBe('yardstick:s:3');
    expect(progressKey('s', 3, 'tok')).toBe('yardstick:s:3:tok');
  });
});
