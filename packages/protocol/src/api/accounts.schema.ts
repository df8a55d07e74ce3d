import { z } from 'zod';
import { ZEmail, ZLanguage } from '../common';
import { ZPassword, ZRole } from './auth.schema';

/** Invitation and reset tokens are 43 base64url characters; anything far off is refused by shape. */
export const ZAccountToken = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid link');

export const ZInviteUserRequest = z.strictObject({
  email: ZEmail,
  name: z.string().trim().min(1).max(120),
  role: ZRole.default('regular'),
  language: ZLanguage.default('en'),
});
export type TInviteUserRequest = z.input<typeof ZInviteUserRequest>;

export const ZInvitationStatus = z.enum(['pending', 'expired']);

export const ZInvitationDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  language: ZLanguage,
  status: ZInvitationStatus,
  createdAt: z.number(),
  expiresAt: z.number(),
  invitedBy: z.string().nullable(),
});
export type TInvitationDto = z.infer<typeof ZInvitationDto>;

/**
 * After inviting or resending: `mail` says whether the invitation is on its way; without SMTP
 * (`skipped`) the link is returned once, for the admin to copy and pass on.
 */
export const ZInvitationSentDto = z.object({
  invitation: ZInvitationDto,
  mail: z.enum(['pending', 'skipped']),
  inviteUrl: z.string().nullable(),
});
export type TInvitationSentDto = z.infer<typeof ZInvitationSentDto>;

/** What the invitee sees before choosing a password. */
export const ZInvitationPreviewDto = z.object({
  email: z.string(),
  name: z.string(),
  companyName: z.string(),
  expiresAt: z.number(),
});
export type TInvitationPreviewDto = z.infer<typeof ZInvitationPreviewDto>;

export const ZAcceptInvitationRequest = z.strictObject({
  token: ZAccountToken,
  name: z.string().trim().min(1).max(120).optional(),
  password: ZPassword,
});

export const ZForgotPasswordRequest = z.strictObject({ email: ZEmail });
/** The same answer whether or not the address has an account. */
export const ZForgotPasswordDto = z.object({ accepted: z.literal(true) });

export const ZResetPasswordRequest = z.strictObject({ token: ZAccountToken, password: ZPassword });

export const ZChangeEmailRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newEmail: ZEmail,
});
