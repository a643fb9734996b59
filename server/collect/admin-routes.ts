import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import QRCode from 'qrcode';
import type { AppEnv } from '../http/context';
import { parseJson, parseValue } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { getRow } from '../survey/service';
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
import { mailState, startMailJob } from './mail';
import { recordBounces } from './bounces';
import { requestBase } from '../http/links';

const openLinkOf = (c: Context<AppEnv>) =>
  `${requestBase(c)}/s/${encodeURIComponent(getRow(c.var.deps.db, c.req.param('id')!).slug)}`;

const StatusQuery = v.optional(v.picklist(INVITATION_STATUSES, 'must be an invitation status'));

function download(c: Context<AppEnv>, body: string | Uint8Array, type: string, filename: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(body as string);
}

/** Distribution of a survey: collection rules, open link QR codes, invitations and mailings. */
export const collectAdminRoutes = new Hono<AppEnv>()
  .get('/:id/settings', requireRole('viewer'), (c) => c.json(getSettings(c.var.deps.db, c.req.param('id'))))
  .patch('/:id/settings', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, UpdateSettingsSchema);
    return c.json(updateSettings(c.var.deps.db, c.req.param('id'), input, c.var.deps.clock.now()));
  })
  .get('/:id/qr.svg', requireRole('viewer'), async (c) => {
    const svg = await QRCode.toString(openLinkOf(c), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return download(c, svg, 'image/svg+xml', 'survey-qr.svg');
  })
  .get('/:id/qr.png', requireRole('viewer'), async (c) => {
    const png = await QRCode.toBuffer(openLinkOf(c), {
      type: 'png',
      margin: 2,
      width: 1024,
      errorCorrectionLevel: 'M',
    });
    return download(c, new Uint8Array(png), 'image/png', 'survey-qr.png');
  })
  // Viewers follow the response rate; who was invited, and their personal links, are researchers' only.
  .get('/:id/invitations', requireRole('viewer'), (c) => {
    const status = parseValue(StatusQuery, c.req.query('status'), 'status');
    const list = listInvitations(c.var.deps.db, c.req.param('id'), requestBase(c), status);
    return c.json(hasRole(c.var.user!.role, 'researcher') ? list : withoutContacts(list));
  })
  .post('/:id/invitations/import', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, ImportContactsSchema);
    return c.json(await importContacts(c.var.deps.db, c.req.param('id'), input.csv, c.var.deps.clock.now()), 201);
  })
  // A personal link, like the mail-merge file: researchers only.
  .get('/:id/invitations/:invitationId/qr.svg', requireRole('researcher'), async (c) => {
    const svg = await QRCode.toString(
      personalLink(c.var.deps.db, c.req.param('id'), c.req.param('invitationId'), requestBase(c)),
      { type: 'svg', margin: 2, errorCorrectionLevel: 'M' },
    );
    return download(c, svg, 'image/svg+xml', 'invitation-qr.svg');
  })
  .post('/:id/invitations/bounces', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, RecordBouncesSchema);
    return c.json(recordBounces(c.var.deps.db, c.req.param('id'), input.text, c.var.deps.clock.now()));
  })
  // Carries personal links: researchers only, like the sending itself.
  .get('/:id/invitations.csv', requireRole('researcher'), (c) => {
    const pending = c.req.query('pending') === '1';
    const csv = invitationsCsv(c.var.deps.db, c.req.param('id'), requestBase(c), pending);
    return download(c, csv, 'text/csv; charset=utf-8', pending ? 'not-answered.csv' : 'mail-merge.csv');
  })
  .get('/:id/mail', requireRole('viewer'), (c) =>
    c.json(mailState(c.var.deps.db, c.req.param('id'), !!c.var.deps.config.SMTP_URL)),
  )
  .post('/:id/mail', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, SendMailSchema);
    return c.json(startMailJob(c.var.deps, c.req.param('id'), input.kind, c.var.user!.id, requestBase(c)), 202);
  });
