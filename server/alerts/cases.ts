/**
 * Follow-up cases: the inbox and list, a case with its response, notes and changes. Viewers
 * (managers) see and work the cases they own; researchers and admins see and reassign all.
 * Every change is recorded as an event and told to the survey's case.updated webhooks.
 */
import { and, asc, eq, inArray, isNull, lt, sql, type SQL, count } from 'drizzle-orm';
import * as v from 'valibot';
import { alertSettings, caseEvents, cases, responses, surveys, surveyVersions, users } from '../db/tables';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { AppError, badRequest, notFound } from '../http/errors';
import type { SessionUser } from '../auth/sessions';
import { hasRole } from '../../shared/api/auth';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { pickText } from '../../shared/survey/text';
import { consentedContact, labelledAnswers } from '../../shared/alerts/labels';
import {
  CASE_STATUSES,
  type CaseChange,
  type CaseDetail,
  type CaseEvent,
  type CaseList,
  type CaseStatus,
  type CaseSummary,
} from '../../shared/api/alerts';
import type { ComplaintType, Severity } from '../../shared/api/complaints';
import { enqueue, newDeliveryId } from './outbox-queue';
import { readAlertSettings, webhooksListening } from './hook';
import { insertionOrder } from './dialect-sql';
import { caseUpdatedBody, type CaseFacts } from './payload';

const ACTIVE: CaseStatus[] = ['open', 'in-progress'];
const seesAll = (u: SessionUser) => hasRole(u.role, 'researcher');

export interface CaseFilter {
  status?: CaseStatus | 'active';
  owner?: string;
  overdue?: '0' | '1';
  survey?: string;
  complaintType?: ComplaintType | 'none';
  severity?: Severity | 'none';
}

const titleOf = (draft: unknown, locale: string | null) => {
  const d = draft as SurveyDefinition;
  return pickText(d.title, locale ?? d.defaultLanguage, d.defaultLanguage);
};

type Row = typeof cases.$inferSelect & { draft: unknown; ownerName: string | null };

function summary(r: Row, user: SessionUser, now: number): CaseSummary {
  return {
    id: r.id,
    surveyId: r.surveyId,
    surveyTitle: titleOf(r.draft, user.locale),
    ruleName: r.ruleName,
    responseId: r.responseId,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
    status: r.status,
    priority: r.priority,
    dueAt: r.dueAt,
    openedAt: r.openedAt,
    resolvedAt: r.resolvedAt,
    updatedAt: r.updatedAt,
    complaintType: r.complaintType,
    severity: r.severity,
    overdue: ACTIVE.includes(r.status) && r.dueAt < now,
    unread: r.ownerId === user.id && r.readAt === null,
  };
}

function* rows(db: Sql, where: SQL | undefined): Work<Row[]> {
  const found = yield* q(
    db
      .select({ c: cases, draft: surveys.draft, ownerName: users.name })
      .from(cases)
      .innerJoin(surveys, eq(surveys.id, cases.surveyId))
      .leftJoin(users, eq(users.id, cases.ownerId))
      .where(where)
      .orderBy(
        sql`case ${cases.status} when 'open' then 0 when 'in-progress' then 1 else 2 end`,
        asc(cases.dueAt),
        insertionOrder(cases),
      )
      .limit(500),
  );
  return found.map((x) => ({ ...x.c, draft: x.draft, ownerName: x.ownerName }));
}

export function* listCases(db: Sql, user: SessionUser, f: CaseFilter, now: number): Work<CaseList> {
  const scope: SQL[] = [];
  if (!seesAll(user)) scope.push(eq(cases.ownerId, user.id));
  if (f.survey) scope.push(eq(cases.surveyId, f.survey));
  if (f.complaintType === 'none') scope.push(isNull(cases.complaintType));
  else if (f.complaintType) scope.push(eq(cases.complaintType, f.complaintType));
  if (f.severity === 'none') scope.push(isNull(cases.severity));
  else if (f.severity) scope.push(eq(cases.severity, f.severity));
  if (f.owner === 'me') scope.push(eq(cases.ownerId, user.id));
  else if (f.owner === 'none') scope.push(sql`${cases.ownerId} is null`);
  else if (f.owner) scope.push(eq(cases.ownerId, f.owner));
  const where: SQL[] = [...scope];
  if (f.status === 'active') where.push(inArray(cases.status, ACTIVE));
  else if (f.status) where.push(eq(cases.status, f.status));
  if (f.overdue === '1') where.push(inArray(cases.status, ACTIVE), lt(cases.dueAt, now));
  const counted = yield* q(
    db
      .select({
        status: cases.status,
        n: count(),
        overdue: sql<number>`count(case when ${cases.dueAt} < ${now} then 1 end)`.mapWith(Number),
      })
      .from(cases)
      .where(and(...scope))
      .groupBy(cases.status),
  );
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as CaseList['counts'];
  counts.overdue = 0;
  for (const c of counted) {
    counts[c.status] = c.n;
    if (ACTIVE.includes(c.status)) counts.overdue += c.overdue;
  }
  const owners = seesAll(user)
    ? yield* q(
        db
          .selectDistinct({ id: users.id, name: users.name })
          .from(cases)
          .innerJoin(users, eq(users.id, cases.ownerId))
          .orderBy(asc(users.name)),
      )
    : [];
  return { cases: (yield* rows(db, and(...where))).map((r) => summary(r, user, now)), counts, owners };
}

/** Active cases the user owns and hasn't opened yet: the number beside the inbox. */
export function* unreadCount(db: Sql, user: SessionUser): Work<number> {
  const [{ n }] = yield* q(
    db
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.ownerId, user.id), sql`${cases.readAt} is null`, inArray(cases.status, ACTIVE))),
  );
  return n;
}

function* visible(db: Sql, user: SessionUser, id: string): Work<Row> {
  const [r] = yield* rows(db, eq(cases.id, id));
  // Someone else's case answers as missing, so ids can't be probed.
  if (!r || (!seesAll(user) && r.ownerId !== user.id)) throw notFound('case');
  return r;
}

/** A case with its response and history; opening it marks it read for its owner, so it is a unit of work. */
export function* getCase(tx: Sql, user: SessionUser, id: string, now: number, baseUrl: string): Work<CaseDetail> {
  let r = yield* visible(tx, user, id);
  if (r.ownerId === user.id && r.readAt === null) {
    yield* q(tx.update(cases).set({ readAt: now }).where(eq(cases.id, id)));
    r = { ...r, readAt: now };
  }
  const [resp] = yield* q(
    tx
      .select({
        answers: responses.answers,
        hidden: responses.hidden,
        lang: responses.lang,
        completedAt: responses.completedAt,
        definition: surveyVersions.definition,
      })
      .from(responses)
      .innerJoin(surveyVersions, eq(surveyVersions.id, responses.versionId))
      .where(eq(responses.id, r.responseId)),
  );
  const def = v.parse(SurveyDefinitionSchema, resp.definition);
  const answers = JSON.parse(resp.answers) as Record<string, unknown>;
  const lang = user.locale && def.languages.includes(user.locale as never) ? user.locale : def.defaultLanguage;
  const events = yield* q(
    tx
      .select({ at: caseEvents.at, user: users.name, kind: caseEvents.kind, data: caseEvents.data })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.userId))
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.id)),
  );
  const [survey] = yield* q(tx.select({ slug: surveys.slug }).from(surveys).where(eq(surveys.id, r.surveyId)));
  const people = seesAll(user)
    ? yield* q(tx.select({ id: users.id, name: users.name }).from(users).orderBy(users.name))
    : [];
  return {
    ...summary(r, user, now),
    surveySlug: survey.slug,
    response: {
      completedAt: resp.completedAt,
      lang: resp.lang,
      answers: labelledAnswers(def, answers, lang),
      hidden: JSON.parse(resp.hidden ?? '{}'),
    },
    // Personal data: only the owner who must call back and researchers get this far (visible()).
    contact: consentedContact(def, answers),
    events: events.map((e) => ({ ...e, data: e.data as Record<string, unknown> })),
    followUpLink: yield* followUpLink(tx, r.surveyId, id, baseUrl),
    canEdit: seesAll(user) || r.ownerId === user.id,
    users: people,
  };
}

function* followUpLink(db: Sql, surveyId: string, caseId: string, baseUrl: string): Work<string | null> {
  const [stored] = yield* q(db.select().from(alertSettings).where(eq(alertSettings.surveyId, surveyId)));
  const s = readAlertSettings(stored?.data);
  if (!s.followUpSurveyId) return null;
  const [f] = yield* q(db.select({ slug: surveys.slug }).from(surveys).where(eq(surveys.id, s.followUpSurveyId)));
  return f ? `${baseUrl.replace(/\/$/, '')}/s/${encodeURIComponent(f.slug)}?case=${encodeURIComponent(caseId)}` : null;
}

function* tell(tx: Sql, r: Row, by: SessionUser, kind: string, data: unknown, now: number): Work<void> {
  const hooks = yield* webhooksListening(tx, r.surveyId, 'case.updated');
  if (hooks.length === 0) return;
  const [c] = yield* q(tx.select().from(cases).where(eq(cases.id, r.id)));
  const [owner] = c.ownerId
    ? yield* q(
        tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, c.ownerId)),
      )
    : [];
  const [survey] = yield* q(
    tx.select({ slug: surveys.slug, draft: surveys.draft }).from(surveys).where(eq(surveys.id, r.surveyId)),
  );
  const facts: CaseFacts = {
    id: c.id,
    status: c.status,
    priority: c.priority,
    dueAt: c.dueAt,
    openedAt: c.openedAt,
    resolvedAt: c.resolvedAt,
    complaintType: c.complaintType,
    severity: c.severity,
    rule: { id: c.ruleId, name: c.ruleName },
    owner: owner ?? null,
  };
  for (const webhookId of hooks) {
    const deliveryId = newDeliveryId();
    const body = caseUpdatedBody(
      deliveryId,
      now,
      { surveyId: r.surveyId, slug: survey.slug, def: survey.draft as SurveyDefinition },
      facts,
      { by: by.name, kind, data },
    );
    yield* enqueue(tx, {
      id: deliveryId,
      kind: 'webhook',
      surveyId: r.surveyId,
      webhookId,
      event: 'case.updated',
      body,
      now,
    });
  }
}

export function* updateCase(
  tx: Sql,
  user: SessionUser,
  id: string,
  input: CaseChange,
  now: number,
  baseUrl: string,
): Work<CaseDetail> {
  // Locked, so two changes at once each start from the other's outcome.
  const [locked] = yield* q(forUpdate(tx.select({ id: cases.id }).from(cases).where(eq(cases.id, id))));
  if (!locked) throw notFound('case');
  const r = yield* visible(tx, user, id);
  if (!seesAll(user) && r.ownerId !== user.id)
    throw new AppError(403, 'forbidden', 'only the owner or a researcher can change this case');
  if ((input.ownerId !== undefined || input.priority !== undefined) && !seesAll(user)) {
    throw new AppError(403, 'forbidden', 'only researchers and admins can reassign a case or change its priority');
  }
  let toName: string | null = null;
  if (input.ownerId) {
    const [owner] = yield* q(tx.select({ name: users.name }).from(users).where(eq(users.id, input.ownerId)));
    if (!owner) throw badRequest('ownerId: no such user', 'ownerId');
    toName = owner.name;
  }
  const set: Partial<typeof cases.$inferInsert> = { updatedAt: now };
  const changes: { kind: CaseEvent['kind']; data: Record<string, unknown> }[] = [];
  if (input.status !== undefined && input.status !== r.status) {
    set.status = input.status;
    // Resolution time is when it was first resolved or closed; reopening clears it.
    set.resolvedAt = ACTIVE.includes(input.status) ? null : (r.resolvedAt ?? now);
    changes.push({ kind: 'status', data: { from: r.status, to: input.status } });
  }
  if (input.ownerId !== undefined && input.ownerId !== r.ownerId) {
    set.ownerId = input.ownerId;
    set.readAt = null;
    // The name as it was then, so the history reads right for viewers who can't list users.
    changes.push({ kind: 'owner', data: { from: r.ownerId, to: input.ownerId, toName } });
  }
  if (input.priority !== undefined && input.priority !== r.priority) {
    set.priority = input.priority;
    changes.push({ kind: 'priority', data: { from: r.priority, to: input.priority } });
  }
  // Whoever may work the case classifies it: the owner knows the complaint best.
  if (input.complaintType !== undefined && input.complaintType !== r.complaintType) {
    set.complaintType = input.complaintType;
    changes.push({ kind: 'complaint-type', data: { from: r.complaintType, to: input.complaintType } });
  }
  if (input.severity !== undefined && input.severity !== r.severity) {
    set.severity = input.severity;
    changes.push({ kind: 'severity', data: { from: r.severity, to: input.severity } });
  }
  if (changes.length > 0) {
    yield* q(tx.update(cases).set(set).where(eq(cases.id, id)));
    for (const c of changes)
      yield* q(tx.insert(caseEvents).values({ caseId: id, userId: user.id, kind: c.kind, data: c.data, at: now }));
    yield* tell(
      tx,
      r,
      user,
      changes.map((c) => c.kind).join(','),
      Object.fromEntries(changes.map((c) => [c.kind, c.data])),
      now,
    );
  }
  return yield* getCase(tx, user, id, now, baseUrl);
}

export function* addNote(
  tx: Sql,
  user: SessionUser,
  id: string,
  text: string,
  now: number,
  baseUrl: string,
): Work<CaseDetail> {
  const r = yield* visible(tx, user, id);
  yield* q(tx.insert(caseEvents).values({ caseId: id, userId: user.id, kind: 'note', data: { text }, at: now }));
  yield* q(tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, id)));
  yield* tell(tx, r, user, 'note', { text }, now);
  return yield* getCase(tx, user, id, now, baseUrl);
}
