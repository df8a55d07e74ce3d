import type { TLanguage } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { hashToken, newId, newSecretToken } from '../../lib/ids';
import type { SharedLimiter } from '../../lib/shared-limits';
import { type AuthService, hashPassword } from '../auth/index';
import type { MailService } from '../mail/index';
import type { UsersStore } from '../users/index';
import type { AccountTokensStore } from './account-tokens.store';
import { checkToken } from './check-token';

export const RESET_TTL_MINUTES = 60;

export type PasswordResetDeps = {
  tokens: AccountTokensStore;
  users: UsersStore;
  auth: AuthService;
  mail: MailService;
  clock: Clock;
  publicUrl: string;
  /** Per client address: 10 requests in 15 minutes, then 429 (this reveals nothing about accounts).
   * Per address: 3 mails in 15 minutes (beyond that the answer is the same, nothing is sent). */
  limits: { perIp: SharedLimiter; perEmail: SharedLimiter };
};

/** Forgot-password and reset: expiring single-use links, hashed at rest, all sessions ended on reset. */
export function createPasswordResetService(deps: PasswordResetDeps) {
  const { tokens, users, clock } = deps;
  const { perIp, perEmail } = deps.limits;

  return {
    /** The same answer whether or not the address has an account; only active accounts get a mail. */
    async request(email: string, ip: string): Promise<void> {
      if (!(await perIp.take(ip))) throw new AppError('RATE_LIMITED');
      const user = await users.findByEmail(email);
      if (!user || user.active !== 1 || !(await perEmail.take(email))) return;
      const now = clock.now();
      await tokens.revokeOpen('password-reset', user.email, now);
      const token = newSecretToken();
      await tokens.insert({
        id: newId(),
        kind: 'password-reset',
        token_hash: hashToken(token),
        email: user.email,
        user_id: user.id,
        name: null,
        role: null,
        language: user.language,
        created_by: null,
        created_at: now,
        expires_at: now + RESET_TTL_MINUTES * 60_000,
        used_at: null,
        revoked_at: null,
      });
      await deps.mail.enqueue('password-reset', {
        to: user.email,
        language: user.language,
        params: {
          url: `${deps.publicUrl}/reset-password?token=${token}`,
          expiresInMinutes: RESET_TTL_MINUTES,
        },
        sensitive: true,
      });
    },

    async reset(token: string, password: string): Promise<void> {
      const now = clock.now();
      const checked = checkToken(await tokens.findByHash(hashToken(token)), 'password-reset', now);
      if (!checked.ok) throw new AppError(checked.code);
      const { row } = checked;
      const user = row.user_id ? await users.findById(row.user_id) : null;
      if (!user || user.active !== 1) throw new AppError('RESET_TOKEN_INVALID');
      // Consume first: of two concurrent resets with one link, exactly one goes on.
      if (!(await tokens.consume(row.id, now))) throw new AppError('RESET_TOKEN_USED');
      await users.update(user.id, { password_hash: await hashPassword(password), updated_at: now });
      await deps.auth.revokeAllSessions(user.id);
      await notifyPasswordChanged(deps.mail, user);
    },
  };
}
export type PasswordResetService = ReturnType<typeof createPasswordResetService>;

/** "Your password was changed" to the account's address (after a reset or a change in the profile). */
export async function notifyPasswordChanged(
  mail: MailService,
  user: { email: string; name: string; language: TLanguage },
): Promise<void> {
  await mail.enqueue('password-changed', {
    to: user.email,
    language: user.language,
    params: { name: user.name },
  });
}
