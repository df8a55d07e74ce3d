import { z } from 'zod';
import { ZEmail, ZLanguage } from '../common';

export const ZRole = z.enum(['admin', 'regular']);
export type TRole = z.infer<typeof ZRole>;

export const ZPassword = z.string().min(10, 'At least 10 characters').max(200);

export const ZUserDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  active: z.boolean(),
  avatarUrl: z.string().nullable(),
  language: ZLanguage,
  onlineSwitch: z.boolean(),
  online: z.boolean(),
  createdAt: z.number(),
});
export type TUserDto = z.infer<typeof ZUserDto>;

/** What every user may see of a colleague (the reassign menu, "joined" events). */
export const ZUserSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  role: ZRole,
  active: z.boolean(),
  online: z.boolean(),
});
export type TUserSummaryDto = z.infer<typeof ZUserSummaryDto>;

export const ZLoginRequest = z.strictObject({ email: ZEmail, password: z.string().min(1).max(200) });
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSetupRequest = z.strictObject({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(120),
  email: ZEmail,
  password: ZPassword,
  companyName: z.string().trim().min(1).max(120).optional(),
  /** The language chosen on the setup screen: the admin's, and the company's default. */
  language: ZLanguage.optional(),
});

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZPassword,
});

export const ZUpdateMeRequest = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  avatarUrl: z.string().url().max(2000).startsWith('https://').nullable().optional(),
  language: ZLanguage.optional(),
});

export const ZSetOnlineRequest = z.strictObject({ online: z.boolean() });

export const ZSessionDto = z.object({
  id: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  userAgent: z.string(),
  ip: z.string(),
  current: z.boolean(),
});
export type TSessionDto = z.infer<typeof ZSessionDto>;

export const ZCreateUserRequest = z.strictObject({
  email: ZEmail,
  name: z.string().trim().min(1).max(120),
  role: ZRole.default('regular'),
  password: ZPassword,
  language: ZLanguage.default('en'),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: ZRole.optional(),
  active: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZSetupStatusDto = z.object({ needsSetup: z.boolean() });
