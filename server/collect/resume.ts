/**
 * The resume key: 128 random bits given to the device that creates a response, the only thing
 * (besides an invitation's personal link) that reads its saved answers back. A clientId is not a
 * secret: demo ids are sequential, and an invitation's shows in its page.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import { TOKEN_16 } from '../../shared/api/tokens';

export const RESUME_KEY_HEADER = 'X-Resume-Key';
export const RESUME_KEY_PATTERN = TOKEN_16;

// One randomBytes call per key cost about 5% of a submission under load (a fill of the entropy
// buffer each time); keys are cut from a pool filled 4 KiB at a time, as crypto.randomUUID does.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/** 16 fresh random bytes, base64url: 22 characters. */
export function newResumeKey(): string {
  if (used + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const key = pool.toString('base64url', used, used + 16);
  used += 16;
  return key;
}

/** Whether `key` is the one whose hash was stored; a response stored without one never matches. */
export function keyMatches(storedHash: string | null, key: string): boolean {
  if (storedHash === null) return false;
  const a = Buffer.from(hashToken(key));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
