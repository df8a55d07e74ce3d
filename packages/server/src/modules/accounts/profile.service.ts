import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { type AuthService, type AuthUser, verifyPassword } from '../auth/index';
import type { MailService } from '../mail/index';
import type { UsersStore } from '../users/index';
import { notifyPasswordChanged } from './password-reset.service';

/** The user's own profile: change password or email with the current password; the old address is told. */
export function createProfileService(deps: {
  users: UsersStore;
  auth: AuthService;
  mail: MailService;
  clock: Clock;
}) {
  const { users, clock } = deps;

  async function requirePassword(userId: string, currentPassword: string) {
    const row = await users.findById(userId);
    if (!row || !(await verifyPassword(row.password_hash, currentPassword)))
      throw new AppError('CURRENT_PASSWORD_WRONG', {
        details: [{ path: 'currentPassword', message: 'The current password is wrong.' }],
      });
    return row;
  }

  return {
    /** Ends the user's other sessions (auth.changePassword) and tells their address. */
    async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
      await deps.auth.changePassword(user, currentPassword, newPassword);
      await notifyPasswordChanged(deps.mail, user);
    },

    async changeEmail(user: AuthUser, currentPassword: string, newEmail: string): Promise<void> {
      const row = await requirePassword(user.id, currentPassword);
      if (newEmail === row.email) return;
      const taken = await users.findByEmail(newEmail);
      if (taken) throw new AppError('EMAIL_TAKEN');
      try {
        await users.update(user.id, { email: newEmail, updated_at: clock.now() });
      } catch (error) {
        // A concurrent change to the same address lost the unique-constraint race.
        if (await users.findByEmail(newEmail)) throw new AppError('EMAIL_TAKEN');
        throw error;
      }
      // The old address is told, so a hijacked session cannot move an account away silently.
      await deps.mail.enqueue('email-changed', {
        to: row.email,
        language: row.language,
        params: { name: row.name, newEmail },
      });
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
