import type { InvitationState, PublicSurvey } from '../../shared/api/surveys';
import type { SurveyDefinition } from '../../shared/survey/schema';
import type { Unavailable } from '../../shared/survey/notices';

export type OpenSurvey = {
  slug: string;
  versionId: number;
  definition: SurveyDefinition;
  kiosk: boolean;
  invitation?: InvitationState;
  rendered?: PublicSurvey['rendered'];
  preview?: PublicSurvey['preview'];
};

export type PageData = { kind: 'open'; survey: OpenSurvey } | { kind: Unavailable };

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
  if (
    data?.status === 'closed' ||
    data?.status === 'paused' ||
    data?.status === 'not-yet-open' ||
    data?.status === 'full'
  )
    return { kind: data.status };
  if (data?.invitation?.state === 'used') return { kind: 'used' };
  if (data?.invitation?.state === 'unknown') return { kind: 'not-found' };
  if (
    data?.status === 'open' &&
    data.definition &&
    typeof data.versionId === 'number' &&
    typeof data.slug === 'string'
  ) {
    return {
      kind: 'open',
      survey: {
        slug: data.slug,
        versionId: data.versionId,
        definition: data.definition,
        kiosk: data.kiosk === true,
        invitation: data.invitation,
        rendered: data.rendered,
        preview: data.preview,
      },
    };
  }
  return { kind: 'not-found' };
}
