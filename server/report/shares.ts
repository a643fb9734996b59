/** Read-only report links: a random token per link (only its hash stored), revocable, no account. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type * as v from 'valibot';
import { reportShares } from '../db/tables';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { AppError, notFound } from '../http/errors';
import { hashToken, newId, newToken } from '../auth/tokens';
import { surveyRow } from '../survey/service';
import type { NewShareDto, NewShareSchema, ShareDto } from '../../shared/api/report-query';
import { TOKEN_32 } from '../../shared/api/tokens';

const dto = (r: typeof reportShares.$inferSelect): ShareDto => ({
  id: r.id,
  lang: r.lang,
  label: r.label,
  createdAt: r.createdAt,
  revokedAt: r.revokedAt,
});

export function* createShare(
  tx: Sql,
  surveyId: string,
  input: v.InferOutput<typeof NewShareSchema>,
  userId: string | null,
  now: number,
): Work<NewShareDto> {
  yield* surveyRow(tx, surveyId);
  const token = newToken();
  const row = {
    id: newId(),
    tokenHash: hashToken(token),
    surveyId,
    lang: input.lang,
    label: input.label || null,
    createdBy: userId,
    createdAt: now,
    revokedAt: null,
  };
  yield* q(tx.insert(reportShares).values(row));
  return { ...dto(row), token, path: `/shared/${token}` };
}

export function* listShares(db: Sql, surveyId: string): Work<ShareDto[]> {
  yield* surveyRow(db, surveyId);
  const rows = yield* q(
    db.select().from(reportShares).where(eq(reportShares.surveyId, surveyId)).orderBy(desc(reportShares.createdAt)),
  );
  return rows.map(dto);
}

export function* revokeShare(tx: Sql, surveyId: string, shareId: string, now: number): Work<ShareDto> {
  const [row] = yield* q(
    forUpdate(
      tx
        .select()
        .from(reportShares)
        .where(and(eq(reportShares.id, shareId), eq(reportShares.surveyId, surveyId))),
    ),
  );
  if (!row) throw notFound('share link');
  if (row.revokedAt === null)
    yield* q(tx.update(reportShares).set({ revokedAt: now }).where(eq(reportShares.id, shareId)));
  return dto({ ...row, revokedAt: row.revokedAt ?? now });
}

/** The survey and language a live link opens; the same 404 for unknown and revoked links, so neither is confirmed. */
export function* openShare(db: Sql, token: string): Work<{ surveyId: string; lang: string }> {
  if (!TOKEN_32.test(token)) throw notFound('report link');
  const [row] = yield* q(
    db
      .select()
      .from(reportShares)
      .where(and(eq(reportShares.tokenHash, hashToken(token)), isNull(reportShares.revokedAt))),
  );
  if (!row)
    throw new AppError(404, 'not-found', 'this report link does not exist or was revoked', undefined, undefined, {
      what: 'report link',
    });
  return { surveyId: row.surveyId, lang: row.lang };
}
