/** The bases of the links the server writes: shown on a page, or sent by e-mail. */
import type { Context } from 'hono';
import type { Config } from '../config';
import type { AppEnv } from './context';

/** Links shown to the signed-in user: PUBLIC_URL, else the address this request came to. */
export const requestBase = (c: Context<AppEnv>) =>
  (c.var.deps.config.PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/$/, '');

/**
 * Links sent by e-mail: PUBLIC_URL, never the request's Host header, which whoever asks for a
 * password reset could set to their own server and so receive the victim's link.
 */
export const mailBase = (config: Pick<Config, 'PUBLIC_URL' | 'PORT'>) =>
  (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
