import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { rateLimit } from '../http/rate-limit';
import { createTranslator, loadRespondentMessages, LOCALES, parseAcceptLanguage } from '../../shared/i18n';
import { chooseLanguage } from '../../shared/survey/language';
import { esc } from './first-page/html';

const limit = rateLimit('the survey page', (c) => c.var.deps.config.RATE_LIMIT_PER_MINUTE);

/**
 * The respondent pages (/s/, /i/) under the same per-IP limit as the respondent API
 * (RATE_LIMIT_PER_MINUTE), counted apart from it. Past the limit a person sees a short page in
 * their language saying to wait a minute, not a JSON error; Retry-After says how long.
 */
export const pageLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    await limit(c, next);
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 429) throw e;
    return busyPage(c);
  }
};

async function busyPage(c: Context<AppEnv>): Promise<Response> {
  const lang = chooseLanguage(
    [c.req.query('lang'), ...parseAcceptLanguage(c.req.header('accept-language'))],
    LOCALES,
    'en',
  );
  const t = createTranslator(lang, await loadRespondentMessages(lang));
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${esc(t('busy.title'))}</title></head><body><main><h1>${esc(t('busy.title'))}</h1><p>${esc(t('busy.body'))}</p></main></body></html>`,
    429,
  );
}
