import type { TLanguage, TRole, TSessionDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { hashToken, newId, newSecretToken } from '../../lib/ids';
import type { SharedLimiter } from '../../lib/shared-limits';
import type { Bus } from '../../realtime/bus';
import type { SettingsStore } from '../settings/settings.store';
import type { UserRow, UsersStore } from '../users/users.store';
import { dummyHashPromise, hashPassword, verifyPassword } from './passwords';
import type { SessionsStore } from './sessions.store';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;
const SETUP_TOKEN_KEY = 'setup_token_hash';

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  language: TLanguage;
  avatarUrl: string | null;
  sessionId: string;
};

/** The caller as routes see it; `sessionId` names what authenticated them (a session, or an API token). */
export function toAuthUser(user: UserRow, sessionId: string): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    language: user.language,
    avatarUrl: user.avatar_url,
    sessionId,
  };
}

export type AuthDeps = {
  users: UsersStore;
  sessions: SessionsStore;
  settings: SettingsStore;
  clock: Clock;
  bus: Bus;
  /** Failed logins per account and per address, counted across processes. */
  loginFailures: { byAccount: SharedLimiter; byIp: SharedLimiter };
};

export function createAuthService(deps: AuthDeps) {
  const { users, sessions, settings, clock, bus } = deps;
  const { byAccount: failuresByAccount, byIp: failuresByIp } = deps.loginFailures;
  // Brute force: 10 failures per account and 30 per IP in 15 minutes.

  /** Ends every session of a user at once (deactivation, password change elsewhere). */
  async function revokeAllSessions(userId: string, exceptSessionId?: string): Promise<void> {
    const all = await sessions.listForUser(userId, 0);
    const ids = all.map((s) => s.id).filter((id) => id !== exceptSessionId);
    for (const id of ids) await sessions.delete(id);
    if (ids.length > 0) await bus.publish({ type: 'sessions.revoked', userId, sessionIds: ids });
  }

  async function startSession(
    user: UserRow,
    meta: { userAgent: string; ip: string },
  ): Promise<{ token: string; expiresAt: number }> {
    const token = newSecretToken();
    const now = clock.now();
    const expiresAt = now + SESSION_TTL_MS;
    await sessions.insert({
      id: hashToken(token),
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      user_agent: meta.userAgent.slice(0, 300),
      ip: meta.ip,
    });
    return { token, expiresAt };
  }

  return {
    startSession,

    /** Checks credentials under the rate limits; a new session id every time (rotation at login). */
    async login(email: string, password: string, meta: { userAgent: string; ip: string }) {
      const [accountOk, ipOk] = await Promise.all([
        failuresByAccount.allows(email),
        failuresByIp.allows(meta.ip),
      ]);
      if (!accountOk || !ipOk) throw new AppError('RATE_LIMITED');
      const user = await users.findByEmail(email);
      const ok = user
        ? await verifyPassword(user.password_hash, password)
        : await verifyPassword(await dummyHashPromise, password).then(() => false);
      if (!user || !ok || user.active !== 1) {
        await Promise.all([failuresByAccount.take(email), failuresByIp.take(meta.ip)]);
        throw new AppError('INVALID_CREDENTIALS');
      }
      await failuresByAccount.reset(email);
      return { user, ...(await startSession(user, meta)) };
    },

    /** Resolves a session cookie to its user, or null; refreshes the sliding expiry now and then. */
    async authenticate(token: string | undefined): Promise<AuthUser | null> {
      if (!token || token.length > 200) return null;
      const now = clock.now();
      const id = hashToken(token);
      const session = await sessions.findValid(id, now);
      if (!session) return null;
      const user = await users.findById(session.user_id);
      if (!user || user.active !== 1) return null;
      if (now - session.last_seen_at > TOUCH_EVERY_MS) await sessions.touch(id, now, now + SESSION_TTL_MS);
      return toAuthUser(user, id);
    },

    async logout(sessionId: string, userId: string): Promise<void> {
      await sessions.delete(sessionId);
      await bus.publish({ type: 'sessions.revoked', userId, sessionIds: [sessionId] });
    },

    async listSessions(userId: string, currentSessionId: string): Promise<TSessionDto[]> {
      const rows = await sessions.listForUser(userId, clock.now());
      return rows.map((s) => ({
        id: s.id,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        userAgent: s.user_agent,
        ip: s.ip,
        current: s.id === currentSessionId,
      }));
    },

    async revokeSession(userId: string, sessionId: string): Promise<void> {
      const removed = await sessions.deleteForUser(userId, sessionId);
      if (removed.length === 0) throw new AppError('SESSION_NOT_FOUND');
      await bus.publish({ type: 'sessions.revoked', userId, sessionIds: removed });
    },

    revokeAllSessions,

    async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
      const row = await users.findById(user.id);
      if (!row || !(await verifyPassword(row.password_hash, currentPassword))) {
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: 'currentPassword', message: 'The current password is wrong.' }],
        });
      }
      await users.update(user.id, {
        password_hash: await hashPassword(newPassword),
        updated_at: clock.now(),
      });
      await revokeAllSessions(user.id, user.sessionId);
    },

    async needsSetup(): Promise<boolean> {
      return (await users.countUsers()) === 0;
    },

    /** On a fresh database: creates the admin from the environment, or returns a one-time setup token. */
    async prepareFirstAdmin(
      initialAdmin: { email: string; password: string } | null,
    ): Promise<{ created: 'env' } | { setupToken: string } | null> {
      if ((await users.countUsers()) > 0) return null;
      if (initialAdmin) {
        await createUserRow(users, clock, {
          email: initialAdmin.email,
          name: 'Admin',
          role: 'admin',
          password: initialAdmin.password,
          language: 'en',
        });
        return { created: 'env' };
      }
      const token = newSecretToken();
      await settings.set(SETUP_TOKEN_KEY, hashToken(token), clock.now());
      return { setupToken: token };
    },

    async completeSetup(
      input: { token: string; name: string; email: string; password: string },
      meta: { userAgent: string; ip: string },
    ) {
      if ((await users.countUsers()) > 0) throw new AppError('SETUP_ALREADY_DONE');
      const expected = await settings.get<string | null>(SETUP_TOKEN_KEY, null);
      if (!expected || expected !== hashToken(input.token)) throw new AppError('SETUP_TOKEN_INVALID');
      const user = await createUserRow(users, clock, {
        email: input.email,
        name: input.name,
        role: 'admin',
        password: input.password,
        language: 'en',
      });
      await settings.delete(SETUP_TOKEN_KEY);
      return { user, ...(await startSession(user, meta)) };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

/** Inserts a user with a hashed password; EMAIL_TAKEN when the email exists. */
export async function createUserRow(
  users: UsersStore,
  clock: Clock,
  input: { email: string; name: string; role: TRole; password: string; language: TLanguage },
): Promise<UserRow> {
  if (await users.findByEmail(input.email)) throw new AppError('EMAIL_TAKEN');
  const now = clock.now();
  const row: UserRow = {
    id: newId(),
    email: input.email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    role: input.role,
    active: 1,
    avatar_url: null,
    language: input.language,
    online_switch: 0,
    created_at: now,
    updated_at: now,
  };
  try {
    await users.insert(row);
  } catch (error) {
    // A concurrent insert with the same email lost the unique-constraint race.
    if (await users.findByEmail(input.email)) throw new AppError('EMAIL_TAKEN');
    throw error;
  }
  return row;
}
