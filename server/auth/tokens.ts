import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for URLs and cookies: 32 random bytes, base64url. */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** A short random id for rows exposed in URLs. */
export const newId = () => randomBytes(12).toString('base64url');
