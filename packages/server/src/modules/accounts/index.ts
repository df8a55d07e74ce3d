import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { SharedLimiter } from '../../lib/shared-limits';
import type { AuthService } from '../auth/index';
import type { MailService } from '../mail/index';
import type { UsersStore } from '../users/index';
import { createAccountTokensStore } from './account-tokens.store';
import { createInvitationsService } from './invitations.service';
import { createPasswordResetService } from './password-reset.service';
import { createProfileService } from './profile.service';

// The accounts module's front door (issue 20): invitations, password reset, profile email/password.
export { registerAccountsRoutes } from './accounts.routes';
export { INVITATION_TTL_DAYS } from './invitations.service';
export { RESET_TTL_MINUTES } from './password-reset.service';

export function createAccountsModule(deps: {
  db: Db;
  users: UsersStore;
  auth: AuthService;
  mail: MailService;
  clock: Clock;
  publicUrl: string;
  /** Forgot-password limits, shared by every process (lib/shared-limits). */
  resetLimits: { perIp: SharedLimiter; perEmail: SharedLimiter };
}) {
  const tokens = createAccountTokensStore(deps.db);
  const shared = { tokens, users: deps.users, auth: deps.auth, mail: deps.mail, clock: deps.clock };
  return {
    invitations: createInvitationsService({ ...shared, publicUrl: deps.publicUrl }),
    passwordReset: createPasswordResetService({
      ...shared,
      publicUrl: deps.publicUrl,
      limits: deps.resetLimits,
    }),
    profile: createProfileService(shared),
  };
}
export type AccountsModule = ReturnType<typeof createAccountsModule>;
