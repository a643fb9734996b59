/**
 * Unsubscribing from survey e-mails: every invitation and reminder carries `/u/<token>` (its
 * invitation's token) in its text and in a `List-Unsubscribe` header with one-click POST
 * (RFC 8058). The page asks first (a mail scanner that follows links must not unsubscribe anyone);
 * a POST records the address, which is then never mailed again nor drawn from the register.
 */
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../http/context';
import { q, type Sql, type Work } from '../db/store';
import { invitations, surveys, unsubscribes } from '../db/tables';
import { esc } from '../collect/first-page/html';
import { createTranslator, loadAppMessages } from '../../shared/i18n';
import { interfaceLocale } from '../../shared/survey/survey-language';

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** The unsubscribe address of an invitation. */
export const unsubscribeLink = (base: string, token: string) => `${base.replace(/\/$/, '')}/u/${token}`;

interface Invited {
  email: string | null;
  lang: string | null;
  defaultLanguage: string | undefined;
}

function* invited(db: Sql, token: string): Work<Invited | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = yield* q(
    db
      .select({ email: invitations.email, lang: invitations.lang, draft: surveys.draft })
      .from(invitations)
      .innerJoin(surveys, eq(surveys.id, invitations.surveyId))
      .where(eq(invitations.token, token)),
  );
  if (!row) return null;
  const draft = row.draft as { defaultLanguage?: string };
  return { email: row.email, lang: row.lang, defaultLanguage: draft.defaultLanguage };
}

/** Records that the address wants no more survey e-mails (idempotent). */
export function* unsubscribe(db: Sql, email: string, now: number): Work<void> {
  yield* q(db.insert(unsubscribes).values({ email: email.toLowerCase(), createdAt: now }).onConflictDoNothing());
}

/** Whether an address asked for no more survey e-mails. */
export function* isUnsubscribed(db: Sql, email: string): Work<boolean> {
  const [row] = yield* q(
    db.select({ email: unsubscribes.email }).from(unsubscribes).where(eq(unsubscribes.email, email.toLowerCase())),
  );
  return !!row;
}

async function render(c: Context<AppEnv>, inv: Invited | null, state: 'ask' | 'done') {
  const lang = interfaceLocale(inv?.lang ?? inv?.defaultLanguage ?? c.req.header('accept-language') ?? 'en');
  const t = createTranslator(lang, await loadAppMessages(lang));
  const body = !inv?.email
    ? `<h1>${esc(t('unsubscribe.unknown'))}</h1>`
    : state === 'done'
      ? `<h1>${esc(t('unsubscribe.done'))}</h1>`
      : `<h1>${esc(t('unsubscribe.title'))}</h1><p>${esc(t('unsubscribe.ask', { email: inv.email }))}</p>
<form method="post"><button type="submit">${esc(t('unsubscribe.button'))}</button></form>`;
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t('unsubscribe.title'))}</title></head><body>${body}</body></html>`,
    inv?.email ? 200 : 404,
  );
}

/** GET /u/:token: asks whether to unsubscribe. */
export const unsubscribePage = async (c: Context<AppEnv>) =>
  render(c, await c.var.deps.store.run((db) => invited(db, c.req.param('token') ?? '')), 'ask');

/** POST /u/:token: the page's button, or a mail client's one-click request. */
export async function unsubscribePost(c: Context<AppEnv>) {
  const token = c.req.param('token') ?? '';
  const now = c.var.deps.clock.now();
  const inv = await c.var.deps.store.transaction(function* (tx) {
    const found = yield* invited(tx, token);
    if (found?.email) yield* unsubscribe(tx, found.email, now);
    return found;
  });
  return render(c, inv, 'done');
}
