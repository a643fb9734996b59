import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../server/main';
import { loadConfig } from '../../server/config';

export const SCREENSHOTS = resolve(import.meta.dirname, '../screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;
export const DESKTOP = { viewport: { width: 1366, height: 900 } } as const;

/** The real server on 127.0.0.1 with a fresh SQLite file. */
export async function startTestServer(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-browser-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: join(dir, 'b.db'),
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  const server = await startServer(config);
  return {
    url: server.url,
    dbPath: config.DATABASE_PATH,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type { Browser, BrowserContext, Page };

/** The first run's setup page, filled in as a person would: Ada becomes the administrator and is signed in. */
export async function setUpAdminInApp(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('setup-name').fill('Ada Admin');
  await page.getByTestId('setup-email').fill('ada@example.com');
  await page.getByTestId('setup-password').fill('correct horse battery');
  await page.getByTestId('setup-confirm').fill('correct horse battery');
  await page.getByTestId('setup-submit').click();
}
