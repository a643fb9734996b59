import type { PublicSurvey } from '../../shared/api/surveys';
import type { SurveyDefinition } from '../../shared/survey/schema';

export type OpenSurvey = { slug: string; versionId: number; definition: SurveyDefinition };

export type PageData =
  | { kind: 'open'; survey: OpenSurvey }
  | { kind: 'closed' | 'paused' | 'not-found' };

/**
 * The survey the server embedded in the page. Anything unreadable counts as not found: the page
 * must still tell the respondent something in their language.
 */
export function readSurveyData(json: string | null | undefined): PageData {
  let data: Partial<PublicSurvey> | null = null;
  try {
    data = JSON.parse(json ?? 'null') as Partial<PublicSurvey> | null;
  } catch {
    return { kind: 'not-found' };
  }
  if (data?.status === 'closed' || data?.status === 'paused') return { kind: data.status };
  if (data?.status === 'open' && data.definition && typeof data.versionId === 'number' && typeof data.slug === 'string') {
    return { kind: 'open', survey: { slug: data.slug, versionId: data.versionId, definition: data.definition } };
  }
  return { kind: 'not-found' };
}
