/** Request bodies of the auth and user routes, shared by the server (validation) and the app (forms). */
import * as v from 'valibot';
import { LOCALES } from '../i18n/locales';

export const ROLES = ['admin', 'researcher', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = v.picklist(ROLES, 'must be admin, researcher or viewer');
/** Each role can do everything the roles below it can. */
export const ROLE_RANK: Record<Role, number> = { viewer: 1, researcher: 2, admin: 3 };
export const hasRole = (have: Role, need: Role) => ROLE_RANK[have] >= ROLE_RANK[need];

export const EmailSchema = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, 'is too long'),
  v.email('must be an e-mail address'),
);
export const PASSWORD_MIN_LENGTH = 10;
export const PasswordSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(PASSWORD_MIN_LENGTH, `must have at least ${PASSWORD_MIN_LENGTH} characters`),
  v.maxLength(200, 'is too long'),
);
export const NameSchema = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'is required'),
  v.maxLength(100, 'is too long'),
);

export const SetupSchema = v.object({ name: NameSchema, email: EmailSchema, password: PasswordSchema });
export const LoginSchema = v.object({ email: EmailSchema, password: v.pipe(v.string(), v.maxLength(200)) });
export const NewUserSchema = v.object({
  name: NameSchema,
  email: EmailSchema,
  role: RoleSchema,
  password: PasswordSchema,
});
export const InviteSchema = v.object({ email: EmailSchema, role: RoleSchema });
export const AcceptInviteSchema = v.object({
  token: v.pipe(v.string(), v.minLength(20), v.maxLength(100)),
  name: NameSchema,
  password: PasswordSchema,
});
export const UpdateUserSchema = v.object({ role: RoleSchema });
export const UpdateMeSchema = v.object({
  name: v.optional(NameSchema),
  locale: v.optional(v.nullable(v.picklist(LOCALES, 'must be one of en, zh-Hans, zh-Hant, it, vi'))),
});

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  locale: string | null;
  createdAt?: number;
}
export interface AuthState {
  setupNeeded: boolean;
  user: UserDto | null;
  csrf: string | null;
}
