import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import QRCode from 'qrcode';
import type { AppEnv } from '../http/context';
import { parseJson, parseValue } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { surveyRow } from '../survey/service';
import {
  ImportContactsSchema,
  INVITATION_STATUSES,
  RecordBouncesSchema,
  SendMailSchema,
  UpdateSettingsSchema,
} from '../../shared/api/collect';
import { getSettings, updateSettings } from './settings';
import { importContacts, invitationsCsv, listInvitations, personalLink, withoutContacts } from './invitations';
import { hasRole } from '../../shared/api/auth';
import { mailState, runJob, startMailJob } from './mail';
import { AppError } from '../http/errors';
import { recordBounces } from './bounces';
import { requestBase } from '../http/links';

const openLinkOf = async (c: Context<AppEnv>) => {
  const { slug } = await c.var.deps.store.run((db) => surveyRow(db, c.req.param('id')!));
  return `${requestBase(c)}/s/${encodeURIComponent(slug)}`;
};

const StatusQuery = v.optional(v.picklist(INVITATION_STATUSES, 'must be an invitation status'));

function download(c: Context<AppEnv>, body: string | Uint8Array, type: string, filename: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(body as string);
}

/** Distribution of a survey: collection rules, open link QR codes, invitations and mailings. */
export const collectAdminRoutes = new Hono<AppEnv>()
  .get('/:id/settings', requireRole('viewer'), async (c) =>
    c.json(await c.var.deps.store.run((db) => getSettings(db, c.req.param('id')))),
  )
  .patch('/:id/settings', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, UpdateSettingsSchema);
    const { store, clock } = c.var.deps;
    return c.json(await store.transaction((tx) => updateSettings(tx, c.req.param('id'), input, clock.now())));
  })
  .get('/:id/qr.svg', requireRole('viewer'), async (c) => {
    const svg = await QRCode.toString(await openLinkOf(c), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return download(c, svg, 'image/svg+xml', 'survey-qr.svg');
  })
  .get('/:id/qr.png', requireRole('viewer'), async (c) => {
    const png = await QRCode.toBuffer(await openLinkOf(c), {
      type: 'png',
      margin: 2,
      width: 1024,
      errorCorrectionLevel: 'M',
    });
    return download(c, new Uint8Array(png), 'image/png', 'survey-qr.png');
  })
  // Viewers follow the response rate; who was invited, and their personal links, are researchers' only.
  .get('/:id/invitations', requireRole('viewer'), async (c) => {
    const status = parseValue(StatusQuery, c.req.query('status'), 'status');
    const list = await c.var.deps.store.run((db) => listInvitations(db, c.req.param('id'), requestBase(c), status));
    return c.json(hasRole(c.var.user!.role, 'researcher') ? list : withoutContacts(list));
  })
  .post('/:id/invitations/import', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, ImportContactsSchema);
    const { store, db, clock } = c.var.deps;
    return c.json(await importContacts(store, db, c.req.param('id'), input.csv, clock.now()), 201);
  })
  // A personal link, like the mail-merge file: researchers only.
  .get('/:id/invitations/:invitationId/qr.svg', requireRole('researcher'), async (c) => {
    const link = await c.var.deps.store.run((db) =>
      personalLink(db, c.req.param('id'), c.req.param('invitationId'), requestBase(c)),
    );
    const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return download(c, svg, 'image/svg+xml', 'invitation-qr.svg');
  })
  .post('/:id/invitations/bounces', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, RecordBouncesSchema);
    const { store, clock } = c.var.deps;
    return c.json(await store.transaction((tx) => recordBounces(tx, c.req.param('id'), input.text, clock.now())));
  })
  // Carries personal links: researchers only, like the sending itself.
  .get('/:id/invitations.csv', requireRole('researcher'), async (c) => {
    const pending = c.req.query('pending') === '1';
    const csv = await c.var.deps.store.run((db) => invitationsCsv(db, c.req.param('id'), requestBase(c), pending));
    return download(c, csv, 'text/csv; charset=utf-8', pending ? 'not-answered.csv' : 'mail-merge.csv');
  })
  .get('/:id/mail', requireRole('viewer'), async (c) =>
    c.json(await c.var.deps.store.run((db) => mailState(db, c.req.param('id'), !!c.var.deps.config.SMTP_URL))),
  )
  .post('/:id/mail', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, SendMailSchema);
    const { deps } = c.var;
    if (!deps.config.SMTP_URL)
      throw new AppError(
        409,
        'no-smtp',
        'no SMTP server is configured (SMTP_URL): download the mail-merge file instead',
      );
    const job = await deps.store.transaction((tx) =>
      startMailJob(tx, c.req.param('id'), input.kind, c.var.user!.id, requestBase(c), deps.clock.now()),
    );
    void runJob(deps, job.id);
    return c.json(job, 202);
  });
