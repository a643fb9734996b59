/** The JSON bodies webhooks receive. Built once when the event happens, so every retry sends (and signs) the same bytes. */
import type { SurveyDefinition } from '../../shared/survey/schema';
import { pickText } from '../../shared/survey/text';
import { consentedContact, labelledAnswers } from '../../shared/alerts/labels';

export interface ResponseFacts {
  surveyId: string;
  slug: string;
  responseId: number;
  def: SurveyDefinition;
  answers: Record<string, unknown>;
  hidden: Record<string, string>;
  lang: string;
  completedAt: number;
}

function responseBody(r: ResponseFacts) {
  return {
    id: r.responseId,
    completedAt: new Date(r.completedAt).toISOString(),
    lang: r.lang,
    hidden: r.hidden,
    answers: labelledAnswers(r.def, r.answers, r.lang),
    contact: consentedContact(r.def, r.answers),
  };
}

const surveyBody = (r: Pick<ResponseFacts, 'surveyId' | 'slug' | 'def'>) => ({
  id: r.surveyId,
  slug: r.slug,
  title: pickText(r.def.title, r.def.defaultLanguage, r.def.defaultLanguage),
});

export interface CaseFacts {
  id: string;
  status: string;
  priority: string;
  dueAt: number;
  openedAt: number;
  resolvedAt: number | null;
  /** Stable ids (product-quality, service, price, honesty; general, serious), null until classified. */
  complaintType: string | null;
  severity: string | null;
  rule: { id: string | null; name: string };
  owner: { id: string; name: string; email: string } | null;
}

const caseBody = (c: CaseFacts) => ({
  ...c,
  dueAt: new Date(c.dueAt).toISOString(),
  openedAt: new Date(c.openedAt).toISOString(),
  resolvedAt: c.resolvedAt === null ? null : new Date(c.resolvedAt).toISOString(),
});

export const responseCompletedBody = (deliveryId: string, r: ResponseFacts) =>
  JSON.stringify({
    event: 'response.completed',
    deliveryId,
    occurredAt: new Date(r.completedAt).toISOString(),
    survey: surveyBody(r),
    response: responseBody(r),
  });

export const caseOpenedBody = (deliveryId: string, r: ResponseFacts, c: CaseFacts) =>
  JSON.stringify({
    event: 'case.opened',
    deliveryId,
    occurredAt: new Date(c.openedAt).toISOString(),
    survey: surveyBody(r),
    case: caseBody(c),
    response: responseBody(r),
  });

export const caseUpdatedBody = (
  deliveryId: string,
  at: number,
  survey: Pick<ResponseFacts, 'surveyId' | 'slug' | 'def'>,
  c: CaseFacts,
  change: { by: string | null; kind: string; data: unknown },
  event: 'case.updated' | 'case.overdue' = 'case.updated',
) =>
  JSON.stringify({
    event,
    deliveryId,
    occurredAt: new Date(at).toISOString(),
    survey: surveyBody(survey),
    case: caseBody(c),
    change,
  });
