import {
  ZAcceptInvitationRequest,
  ZAccountToken,
  ZChangeEmailRequest,
  ZForgotPasswordDto,
  ZForgotPasswordRequest,
  ZInvitationDto,
  ZInvitationPreviewDto,
  ZInvitationSentDto,
  ZInviteUserRequest,
  ZResetPasswordRequest,
  ZUserDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { Services } from '../../services';
import { setSessionCookie } from '../auth/index';

const ZInvitationParams = z.strictObject({ invitationId: z.string().max(64) });

/** Invitations, forgot/reset password and the profile's email change (issue 20). */
export function registerAccountsRoutes(app: App, services: Services): void {
  registerInvitationAdminRoutes(app, services);
  registerInvitationLinkRoutes(app, services);
  registerPasswordRoutes(app, services);
}

/** Admins invite, list, resend and revoke invitations. */
function registerInvitationAdminRoutes(app: App, services: Services): void {
  const { accounts } = services;

  app.post(
    '/api/v1/admin/invitations',
    {
      config: { auth: 'admin', errors: ['MAIL_ADDRESS_INVALID', 'EMAIL_TAKEN'] },
      schema: {
        tags: ['users'],
        summary: 'Invite a user by email; without SMTP the one-time link is returned to copy',
        body: ZInviteUserRequest,
        response: { 201: ZInvitationSentDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accounts.invitations.invite(request.body, requireUser(request))),
  );

  app.get(
    '/api/v1/admin/invitations',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Invitations not yet accepted',
        response: { 200: z.array(ZInvitationDto) },
      },
    },
    async () => accounts.invitations.list(),
  );

  app.post(
    '/api/v1/admin/invitations/:invitationId/resend',
    {
      config: {
        auth: 'admin',
        errors: ['INVITATION_INVALID', 'INVITATION_EXPIRED', 'INVITATION_USED', 'INVITATION_REVOKED'],
      },
      schema: {
        tags: ['users'],
        summary: 'Send a new link (fresh expiry); the previous link stops working',
        params: ZInvitationParams,
        response: { 200: ZInvitationSentDto },
      },
    },
    async (request) => accounts.invitations.resend(request.params.invitationId, requireUser(request)),
  );

  app.delete(
    '/api/v1/admin/invitations/:invitationId',
    {
      config: { auth: 'admin', errors: ['INVITATION_INVALID'] },
      schema: {
        tags: ['users'],
        summary: 'Withdraw an invitation',
        params: ZInvitationParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await accounts.invitations.revoke(request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
}

/** What an invitation link is for, and accepting it. */
function registerInvitationLinkRoutes(app: App, services: Services): void {
  const { accounts, users, mail } = services;

  app.get(
    '/api/v1/invitations/:token',
    {
      config: {
        auth: 'public',
        errors: ['INVITATION_INVALID', 'INVITATION_EXPIRED', 'INVITATION_USED', 'INVITATION_REVOKED'],
      },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link is for (email, name, company); a code when it cannot be used',
        params: z.strictObject({ token: ZAccountToken }),
        response: { 200: ZInvitationPreviewDto },
      },
    },
    async (request) => accounts.invitations.preview(request.params.token, await mail.companyName()),
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      config: {
        auth: 'public',
        errors: [
          'INVITATION_INVALID',
          'INVITATION_EXPIRED',
          'INVITATION_USED',
          'INVITATION_REVOKED',
          'EMAIL_TAKEN',
        ],
      },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation with my own password; signs me in',
        body: ZAcceptInvitationRequest,
        response: { 201: ZUserDto },
      },
    },
    async (request, reply) => {
      const { user, token } = await accounts.invitations.accept(request.body, {
        userAgent: request.headers['user-agent'] ?? '',
        ip: request.ip,
      });
      setSessionCookie(reply, token, services.config.publicUrl);
      return reply.status(201).send(await users.getDto(user.id));
    },
  );
}

/** Forgot and reset password, and the profile's email change. */
function registerPasswordRoutes(app: App, services: Services): void {
  const { accounts, users } = services;

  app.post(
    '/api/v1/auth/forgot-password',
    {
      config: { auth: 'public', errors: ['RATE_LIMITED'] },
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset link; the same answer whether or not the address has an account',
        body: ZForgotPasswordRequest,
        response: { 202: ZForgotPasswordDto },
      },
    },
    async (request, reply) => {
      await accounts.passwordReset.request(request.body.email, request.ip);
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    '/api/v1/auth/reset-password',
    {
      config: { auth: 'public', errors: ['RESET_TOKEN_INVALID', 'RESET_TOKEN_EXPIRED', 'RESET_TOKEN_USED'] },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link; ends every session of the account',
        body: ZResetPasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await accounts.passwordReset.reset(request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/email',
    {
      config: { auth: 'user', errors: ['CURRENT_PASSWORD_WRONG', 'EMAIL_TAKEN', 'MAIL_ADDRESS_INVALID'] },
      schema: {
        tags: ['auth'],
        summary: 'Change my email (current password required); the old address is told',
        body: ZChangeEmailRequest,
        response: { 200: ZUserDto },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await accounts.profile.changeEmail(user, request.body.currentPassword, request.body.newEmail);
      return users.getDto(user.id);
    },
  );
}
