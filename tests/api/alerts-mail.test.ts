import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { outboxOf } from '../../server/alerts/outbox';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let smtp: SMTPServer;
let captured: { to: string[]; data: string }[];

beforeEach(async () => {
  captured = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        captured.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
  t = makeTestApp({
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
    PUBLIC_URL: 'https://survey.example.com',
  });
});
afterEach(async () => {
  await t.cleanup();
  await new Promise<void>((res) => smtp.close(() => res()));
});

describe('e-mail to the case owner', () => {
  it("is sent through SMTP when the survey asks for it, in the owner's language, with a link to the case", async () => {
    const { researcher, admin, viewer: viewerAgent } = await signedInAgents(t.app);
    expect((await viewerAgent.patch('/api/auth/me', { locale: 'it' })).status).toBe(200);
    const viewer = ((await admin.get('/api/users')).body as { id: string; email: string }[]).find(
      (u) => u.email === 'viewer@example.com',
    )!;
    const created = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
    await researcher.post(`/api/surveys/${created.id}/alerts/rules`, {
      name: 'Unhappy',
      priority: 'urgent',
      when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
      owner: { kind: 'user', userId: viewer.id },
    });
    expect((await researcher.put(`/api/surveys/${created.id}/alerts/settings`, { emailOwners: true })).status).toBe(
      200,
    );
    await new Agent(t.app).post(`/api/public/s/${created.slug}/responses`, {
      clientId: 'client-0001',
      versionId: published.versions[0].id,
      complete: true,
      answers: { sat: 1, nps: 0 },
    });
    await outboxOf(t.store)!.drain();
    expect(captured).toHaveLength(1);
    expect(captured[0].to).toEqual(['viewer@example.com']);
    const caseId = await t.value('select id from cases');
    // Quoted-printable may wrap long lines; unfold before reading.
    const body = captured[0].data.replace(/=\r?\n/g, '');
    // The owner reads Italian (shared/i18n/app/it.ts: mail.case.subject, cases.priority.urgent).
    expect(body).toContain('Subject: Nuovo caso: Unhappy (Store visit)');
    expect(body).toContain(`https://survey.example.com/cases/${caseId}`);
    expect(body).toContain('Priorit=C3=A0: Urgente.');
    expect(await t.rows('select kind, status, attempts from outbox')).toEqual([
      { kind: 'email', status: 'delivered', attempts: 1 },
    ]);
  });
});
