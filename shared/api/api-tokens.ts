import * as v from 'valibot';
import { RoleSchema } from './auth';

export const ApiTokenRoleSchema = RoleSchema;

/** `POST /api/auth/tokens`: a name to recognise it by, optionally a lower role and an expiry. */
export const NewApiTokenSchema = v.strictObject({
  name: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(80, 'must be at most 80 characters'),
  ),
  /** Defaults to the owner's role; a higher one than the owner's is refused. */
  role: v.optional(ApiTokenRoleSchema),
  /** Days until it stops working; unset, it works until revoked. */
  expiresInDays: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(3650, 'must be at most 3650'),
    ),
  ),
});
export type NewApiToken = v.InferOutput<typeof NewApiTokenSchema>;

/** A token as listed: never its secret, which is shown once, at creation. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  role: v.InferOutput<typeof ApiTokenRoleSchema>;
  /** The first characters of the secret, to tell tokens apart. */
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
}
