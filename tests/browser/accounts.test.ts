import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  DESKTOP,
  SCREENSHOTS,
  launchChromium,
  startTestServer,
  type Browser,
  setUpAdminInApp,
} from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('passwords, sessions and the audit log, in Chromium', () => {
  it('an admin resets a password, the user sets a new one, changes it, signs out everywhere; the admin reads it all in the audit log', async () => {
    const desk = await browser.newContext(DESKTOP);
    const admin = await desk.newPage();
    await setUpAdminInApp(admin, server.url);
    await admin.getByTestId('current-user').waitFor();
    const { csrf } = (await (await desk.request.get(`${server.url}/api/auth/state`)).json()) as { csrf: string };
    const made = await desk.request.post(`${server.url}/api/users`, {
      headers: { 'x-csrf-token': csrf },
      data: { name: 'Rita Researcher', email: 'rita@example.com', role: 'researcher', password: 'first password 123' },
    });
    expect(made.status()).toBe(201);

    // Rita is signed in on her own browser when the admin resets her password.
    const ritaContext = await browser.newContext({ ...DESKTOP, locale: 'it-IT' });
    const rita = await ritaContext.newPage();
    await rita.goto(server.url);
    await rita.getByTestId('signin-email').fill('rita@example.com');
    await rita.getByTestId('signin-password').fill('first password 123');
    await rita.getByTestId('signin-submit').click();
    await rita.getByTestId('current-user').waitFor();

    await admin.getByTestId('nav-users').click();
    const row = admin.getByTestId('user-row').filter({ hasText: 'rita@example.com' });
    await row.getByTestId('reset-user-password').click();
    await row.getByTestId('reset-user-password-confirm').click();
    const url = await admin.getByTestId('reset-url').inputValue();
    expect(url).toMatch(/\/reset#[A-Za-z0-9_-]{43}$/);
    await admin.screenshot({ path: join(SCREENSHOTS, 'accounts-1-admin-reset.png') });

    // Her session ended: the next request sends her to the sign-in page.
    await rita.reload();
    await rita.getByTestId('signin-form').waitFor();
    await rita.goto(url);
    await rita.getByTestId('reset-password').fill('chosen by rita 1');
    await rita.getByTestId('reset-confirm').fill('chosen by rita 1');
    await rita.screenshot({ path: join(SCREENSHOTS, 'accounts-2-reset-it.png') });
    await rita.getByTestId('reset-submit').click();
    await rita.getByTestId('current-user').waitFor();

    // The account page: a wrong current password is named in her language, then the change works.
    await rita.getByTestId('current-user').click();
    await rita.getByTestId('current-password').fill('not the password');
    await rita.getByTestId('new-password').fill('chosen by rita 2');
    await rita.getByTestId('confirm-password').fill('chosen by rita 2');
    await rita.getByTestId('change-password-submit').click();
    await expect
      .poll(() => rita.getByTestId('change-password-error').textContent())
      .toBe('Non è la tua password attuale.');
    await rita.getByTestId('current-password').fill('chosen by rita 1');
    await rita.getByTestId('change-password-submit').click();
    await rita.getByTestId('change-password-done').waitFor();
    await rita.screenshot({ path: join(SCREENSHOTS, 'accounts-3-account-it.png'), fullPage: true });
    await rita.getByTestId('sign-out-everywhere-submit').click();
    await rita.getByTestId('signin-form').waitFor();
    await rita.getByTestId('signin-forgot').click();
    await rita.getByTestId('forgot-email').fill('rita@example.com');
    await rita.getByTestId('forgot-submit').click();
    // No SMTP_URL here: the page says to ask an administrator.
    await expect
      .poll(() => rita.getByTestId('forgot-error').textContent())
      .toBe('Questo server non invia e-mail. Chiedi a un amministratore un link per reimpostare la password.');

    await admin.getByTestId('nav-audit').click();
    await expect.poll(() => admin.getByTestId('audit-row').count()).toBeGreaterThanOrEqual(5);
    const routes = await admin.locator('.audit-route').allTextContents();
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/users',
        'POST /api/users/:id/password-reset',
        'POST /api/auth/password-reset/complete',
        'POST /api/auth/password',
        'POST /api/auth/logout-everywhere',
      ]),
    );
    await admin.getByTestId('audit-area').selectOption('users');
    await expect.poll(() => admin.getByTestId('audit-row').count()).toBe(2);
    await admin.screenshot({ path: join(SCREENSHOTS, 'accounts-4-audit.png'), fullPage: true });
    await desk.close();
    await ritaContext.close();
  });
});
