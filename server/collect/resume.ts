/**
 * The resume key: 128 random bits given to the device that creates a response, the only thing
 * (besides an invitation's personal link) that reads its saved answers back. A clientId is not a
 * secret: demo ids are sequential, and an invitation's shows in its page.
 */
import { timingSafeEqual } from 'node:crypto';
import { hashToken, newToken } from '../auth/tokens';

export const RESUME_KEY_HEADER = 'X-Resume-Key';
export const RESUME_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const newResumeKey = () => newToken(16);

/** Whether `key` is the one whose hash was stored; a response stored without one never matches. */
export function keyMatches(storedHash: string | null, key: string): boolean {
  if (storedHash === null) return false;
  const a = Buffer.from(hashToken(key));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
