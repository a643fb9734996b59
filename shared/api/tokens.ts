/** The shapes of the random tokens the server hands out, all base64url, checked before any lookup. */
import * as v from 'valibot';

/** 16 random bytes: invitation tokens and resume keys. */
export const TOKEN_16 = /^[A-Za-z0-9_-]{22}$/;
/** 32 random bytes: report links, password-reset codes. */
export const TOKEN_32 = /^[A-Za-z0-9_-]{43}$/;
/** The respondent page's own id for a response: made by the page, so only its alphabet and length are known. */
export const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const InvitationTokenSchema = v.pipe(v.string(), v.regex(TOKEN_16, 'must be an invitation token'));
