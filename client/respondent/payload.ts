import type { Submission } from '../../shared/api/surveys';
import type { Question, SurveyDefinition } from '../../shared/survey/schema';
import { validateAnswers } from '../../shared/survey/answers';
import type { Progress } from './storage';

// The server's limit (shared/api/surveys.ts): a longer time would turn a whole save into a 400.
const MAX_PAGE_MS = 86_400_000;

/** Adds time spent on a page; a phone left asleep on a page cannot push it past the server's cap. */
export function addPageTime(times: Record<string, number>, pageId: string, ms: number): Record<string, number> {
  return { ...times, [pageId]: Math.min(MAX_PAGE_MS, Math.round((times[pageId] ?? 0) + Math.max(0, ms))) };
}

export const surveyQuestions = (def: SurveyDefinition): Question[] => def.pages.flatMap((p) => p.questions);

/**
 * What a save sends. Answers that are empty or still invalid (on a page the respondent went back
 * to and left half-edited) are left out: a partial save must never be refused for them.
 */
export function buildSubmission(
  def: SurveyDefinition,
  versionId: number,
  progress: Progress,
  opts: { complete: boolean; lang: string; website: string; invitation?: string },
): Submission {
  const { answers } = validateAnswers(surveyQuestions(def), progress.answers, { complete: false, allowUnknown: true });
  return {
    clientId: progress.clientId,
    versionId,
    answers,
    complete: opts.complete,
    page: Math.min(progress.page, 1000),
    pageTimes: progress.pageTimes,
    hidden: progress.hidden,
    lang: opts.lang,
    website: opts.website,
    invitation: opts.invitation,
  };
}
