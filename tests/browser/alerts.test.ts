/**
 * Closing the loop in the browser: a low score routed by region opens a case; the regional
 * manager (a viewer) sees it in the inbox with its unread count, adds a note and resolves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let surveyId = '';

const MANAGER = { name: 'Mia North', email: 'mia@example.com', password: 'password-for-mia' };

beforeAll(async () => {
  // The test's webhook receiver listens on 127.0.0.1, which installs refuse by default.
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE: '1' });
  browser = await launchChromium();
  const ctx = await browser.newContext();
  const setup = await ctx.request.post(`${server.url}/api/auth/setup`, {
    data: { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' },
  });
  const headers = { 'x-csrf-token': (await setup.json()).csrf };
  const post = async (path: string, data: unknown) => {
    const r = await ctx.request.post(`${server.url}${path}`, { data, headers });
    expect(r.status(), `${path}: ${await r.text()}`).toBeLessThan(300);
    return r.json();
  };
  const manager = await post('/api/users', { ...MANAGER, role: 'viewer' });
  const created = await post('/api/surveys', {
    definition: {
      title: { en: 'Hotel stay' },
      hiddenFields: ['region'],
      pages: [
        {
          id: 'p1',
          questions: [
            {
              id: 'sat',
              type: 'rating',
              required: true,
              role: 'overall-satisfaction',
              text: { en: 'How satisfied were you with your stay?' },
              scale: { min: 1, max: 5 },
            },
            { id: 'why', type: 'text', text: { en: 'What should we improve?' } },
            {
              id: 'contact',
              type: 'contact',
              phone: true,
              text: { en: 'May we call you back?' },
              consent: { en: 'Yes, you may contact me about my answers' },
            },
          ],
        },
      ],
    },
  });
  surveyId = created.id;
  const published = await post(`/api/surveys/${surveyId}/publish`, {});
  await post(`/api/surveys/${surveyId}/alerts/rules`, {
    name: 'Unhappy guest',
    priority: 'high',
    when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
    owner: { kind: 'route', field: 'region', routes: [{ value: 'North', userId: manager.id }] },
  });
  const answer = await ctx.request.post(`${server.url}/api/public/s/${created.slug}/responses`, {
    data: {
      clientId: 'guest-0001',
      versionId: published.versions[0].id,
      complete: true,
      hidden: { region: 'North' },
      answers: {
        sat: 1,
        why: 'The room was not cleaned.',
        contact: { name: 'Gianni Rossi', phone: '+39 055 123 4567', consent: true },
      },
    },
  });
  expect(answer.status()).toBe(201);
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const caseRow = () => {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    const c = db.prepare('select id, status, resolved_at as resolvedAt from cases').get() as {
      id: string;
      status: string;
      resolvedAt: number | null;
    };
    const events = db
      .prepare(
        `select e.kind, u.email from case_events e left join users u on u.id = e.user_id where case_id = ? order by e.id`,
      )
      .all(c.id);
    return { ...c, events };
  } finally {
    db.close();
  }
};

describe('the case inbox', () => {
  it('shows the regional manager the new case; they add a note and resolve it', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.url}/cases`);
    await page.getByLabel('E-mail').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('1');
    // A screen reader hears the count as words: the badge's number alone is hidden from it.
    await expect.poll(() => page.getByTestId('nav-cases').getAttribute('aria-label')).toBeNull();
    expect(await page.getByRole('link', { name: /1 unread case/ }).count()).toBe(1);
    const row = page.getByTestId('case-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Unhappy guest');
    expect(await row.textContent()).toContain('High');
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-1-inbox.png') });

    await row.getByRole('link', { name: /Unhappy guest/ }).click();
    await page.getByTestId('case-title').waitFor();
    await page.getByText('The room was not cleaned.').waitFor();
    // The manager owns the case, and the guest agreed to be called back.
    expect(await page.getByTestId('case-contact').textContent()).toContain('+39 055 123 4567');
    expect(await page.getByText('North', { exact: true }).count()).toBe(1);
    // The status buttons stay inside their card's padding at a laptop's width.
    const inCard = await page.getByTestId('case-to-closed').evaluate((button) => {
      const card = button.closest('.card')!;
      const padding = Number.parseFloat(getComputedStyle(card).paddingRight);
      return card.getBoundingClientRect().right - padding - button.getBoundingClientRect().right;
    });
    expect(inCard).toBeGreaterThanOrEqual(0);
    // Opening the case marks it read: the badge goes.
    await expect.poll(() => page.getByTestId('unread-count').count()).toBe(0);

    await page.getByLabel('Add a note').fill('Called the guest, offered a free night.');
    await page.getByTestId('case-add-note').click();
    await page.getByTestId('case-events').getByText('Called the guest, offered a free night.').waitFor();
    await page.getByTestId('case-to-resolved').click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('Resolved');
    await page.getByTestId('case-events').getByText('Status: Open → Resolved').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-2-case-resolved.png'), fullPage: true });

    const stored = caseRow();
    expect(stored.status).toBe('resolved');
    expect(stored.resolvedAt).not.toBeNull();
    expect(stored.events).toEqual([
      { kind: 'opened', email: null },
      { kind: 'note', email: MANAGER.email },
      { kind: 'status', email: MANAGER.email },
    ]);

    // Back in the inbox the case has left the default "open or in progress" list.
    await page.getByRole('link', { name: 'All cases' }).click();
    await page.getByText('No cases here').waitFor();
    await context.close();
  });

  it("lets a researcher read and edit the survey's rules, and reads on a phone", async () => {
    const context = await browser.newContext(PHONE);
    const login = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: 'ada@example.com', password: 'correct horse battery' },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/alerts`);
    const rule = page.getByTestId('rule');
    await rule.waitFor();
    expect(await rule.textContent()).toContain('sat ≤ 2');
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-3-rules-phone.png'), fullPage: true });
    await rule.getByRole('button', { name: 'Edit' }).click();
    await page.getByTestId('rule-editor').waitFor();
    await page.getByTestId('rule-editor').screenshot({ path: join(SCREENSHOTS, 'alerts-6-rule-editor-phone.png') });
    await page.getByTestId('condition-max').fill('3');
    // The cases this rule opens start classified: a service complaint, serious.
    await page.getByTestId('rule-complaint-type').selectOption({ label: 'Service' });
    await page.getByTestId('rule-severity').selectOption({ label: 'Serious' });
    await page.getByTestId('rule-save').click();
    await expect.poll(() => rule.textContent()).toContain('sat ≤ 3');
    expect(await rule.getByTestId('rule-complaint').textContent()).toBe('Complaint: Service · Serious');
    const stored = await (await context.request.get(`${server.url}/api/surveys/${surveyId}/alerts`)).json();
    expect(stored.rules.map((r: { complaintType: string; severity: string }) => [r.complaintType, r.severity])).toEqual(
      [['service', 'serious']],
    );
    // Edited again, the form shows what was saved, and "not classified" clears it.
    await rule.getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByTestId('rule-complaint-type').inputValue()).toBe('service');
    expect(await page.getByTestId('rule-severity').inputValue()).toBe('serious');
    await page.getByTestId('rule-severity').selectOption({ label: 'Not classified' });
    await page.getByTestId('rule-save').click();
    await expect
      .poll(() => rule.getByTestId('rule-complaint').textContent())
      .toBe('Complaint: Service · Not classified');

    // A webhook added here shows its secret once; "Send a test" reaches a receiver on 127.0.0.1.
    const got: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push(body);
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    try {
      await page.getByTestId('webhook-url').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
      await page.getByTestId('webhook-add').click();
      expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/^whsec_/);
      await page.getByRole('button', { name: 'Send a test' }).click();
      await expect.poll(() => got.map((b) => JSON.parse(b).event)).toEqual(['ping']);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByText('Delivered').waitFor();
    } finally {
      await new Promise((r) => receiver.close(r));
    }
    await page.goto(`${server.url}/cases?status=all`);
    await page.getByTestId('case-row').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-4-inbox-phone.png'), fullPage: true });
    await context.close();
  });

  it("fits a phone's width for an administrator: every area in the top bar in sight, no page wider than the screen", async () => {
    const context = await browser.newContext(PHONE);
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: 'ada@example.com', password: 'correct horse battery' },
    });
    const page = await context.newPage();
    const pages: [string, string][] = [
      [`/surveys/${surveyId}/alerts`, 'rule'],
      ['/users', 'user-list'],
      ['/audit', 'audit-list'],
      [`/surveys/${surveyId}/coding`, 'coding-distinguish'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId(ready).first().waitFor();
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      for (const area of ['nav-cases', 'nav-customers', 'nav-users', 'nav-audit']) {
        const box = (await page.getByTestId(area).boundingBox())!;
        expect(box.x + box.width, `${area} on ${path}`).toBeLessThanOrEqual(390);
      }
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-7-coding-admin-phone.png') });
    await context.close();
  });

  it('has no serious or critical accessibility violations on the inbox, a case and the rules (axe-core)', async () => {
    const context = await browser.newContext({ ...DESKTOP, bypassCSP: true });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: 'ada@example.com', password: 'correct horse battery' },
    });
    const page = await context.newPage();
    const check = async (path: string, ready: () => Promise<unknown>) => {
      await page.goto(`${server.url}${path}`);
      await ready();
      await page.addScriptTag({ path: resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe.run();
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: (v.nodes as { target: string[] }[]).map((n) => n.target.join(' ')),
        }));
      });
      expect({ path, serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({
        path,
        serious: [],
      });
    };
    await check('/cases?status=all', () => page.getByTestId('case-row').waitFor());
    const caseId = caseRow().id;
    await check(`/cases/${caseId}`, () => page.getByTestId('case-title').waitFor());
    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    const section = page.getByTestId('section-cases');
    await section.waitFor();
    expect(await section.textContent()).toContain('1 case opened; 100% resolved');
    await section.screenshot({ path: join(SCREENSHOTS, 'alerts-5-report-section.png') });
    await check(`/surveys/${surveyId}/alerts`, async () => {
      await page.getByTestId('rule').waitFor();
      await page.getByTestId('add-rule').click();
      await page.getByTestId('rule-editor').waitFor();
    });
    await context.close();
  });
});
