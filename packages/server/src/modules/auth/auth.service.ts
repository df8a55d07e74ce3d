import type { TLanguage, TRole, TSessionDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { hashToken, newSecretToken } from '../../lib/ids';
import type { SharedLimiter } from '../../lib/shared-limits';
import type { Bus } from '../../realtime/bus';
import type { SettingsStore } from '../settings/index';
import type { UserRow, UsersStore } from '../users/index';
import { completeSetup, needsSetup, prepareFirstAdmin, type SetupInput } from './first-admin';
import { dummyHashPromise, hashPassword, verifyPassword } from './passwords';
import type { SessionsStore } from './sessions.store';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

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

type Meta = { userAgent: string; ip: string };

export async function startSession(
  deps: AuthDeps,
  user: UserRow,
  meta: Meta,
): Promise<{ token: string; expiresAt: number }> {
  const token = newSecretToken();
  const now = deps.clock.now();
  const expiresAt = now + SESSION_TTL_MS;
  await deps.sessions.insert({
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

/** Checks credentials under the rate limits; a new session id every time (rotation at login). */
export async function login(deps: AuthDeps, email: string, password: string, meta: Meta) {
  // Brute force: 10 failures per account and 30 per IP in 15 minutes.
  const { byAccount, byIp } = deps.loginFailures;
  const [accountOk, ipOk] = await Promise.all([byAccount.allows(email), byIp.allows(meta.ip)]);
  if (!accountOk || !ipOk) throw new AppError('RATE_LIMITED');
  const user = await deps.users.findByEmail(email);
  const ok = user
    ? await verifyPassword(user.password_hash, password)
    : await verifyPassword(await dummyHashPromise, password).then(() => false);
  if (!user || !ok || user.active !== 1) {
    await Promise.all([byAccount.take(email), byIp.take(meta.ip)]);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await byAccount.reset(email);
  return { user, ...(await startSession(deps, user, meta)) };
}

/** Resolves a session cookie to its user, or null; refreshes the sliding expiry now and then. */
export async function authenticate(deps: AuthDeps, token: string | undefined): Promise<AuthUser | null> {
  if (!token || token.length > 200) return null;
  const now = deps.clock.now();
  const id = hashToken(token);
  const session = await deps.sessions.findValid(id, now);
  if (!session) return null;
  const user = await deps.users.findById(session.user_id);
  if (!user || user.active !== 1) return null;
  if (now - session.last_seen_at > TOUCH_EVERY_MS) await deps.sessions.touch(id, now, now + SESSION_TTL_MS);
  return toAuthUser(user, id);
}

export async function logout(deps: AuthDeps, sessionId: string, userId: string): Promise<void> {
  await deps.sessions.delete(sessionId);
  await deps.bus.publish({ type: 'sessions.revoked', userId, sessionIds: [sessionId] });
}

export async function listSessions(
  deps: AuthDeps,
  userId: string,
  currentSessionId: string,
): Promise<TSessionDto[]> {
  const rows = await deps.sessions.listForUser(userId, deps.clock.now());
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    userAgent: s.user_agent,
    ip: s.ip,
    current: s.id === currentSessionId,
  }));
}

export async function revokeSession(deps: AuthDeps, userId: string, sessionId: string): Promise<void> {
  const removed = await deps.sessions.deleteForUser(userId, sessionId);
  if (removed.length === 0) throw new AppError('SESSION_NOT_FOUND');
  await deps.bus.publish({ type: 'sessions.revoked', userId, sessionIds: removed });
}

/** Ends every session of a user at once (deactivation, password change elsewhere). */
export async function revokeAllSessions(
  deps: AuthDeps,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  const all = await deps.sessions.listForUser(userId, 0);
  const ids = all.map((s) => s.id).filter((id) => id !== exceptSessionId);
  for (const id of ids) await deps.sessions.delete(id);
  if (ids.length > 0) await deps.bus.publish({ type: 'sessions.revoked', userId, sessionIds: ids });
}

export async function changePassword(
  deps: AuthDeps,
  user: AuthUser,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const row = await deps.users.findById(user.id);
  if (!row || !(await verifyPassword(row.password_hash, currentPassword))) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'currentPassword', message: 'The current password is wrong.' }],
    });
  }
  await deps.users.update(user.id, {
    password_hash: await hashPassword(newPassword),
    updated_at: deps.clock.now(),
  });
  await revokeAllSessions(deps, user.id, user.sessionId);
}

/** Binds the session functions and the first-admin setup to their dependencies. */
export function createAuthService(deps: AuthDeps) {
  return {
    startSession: (user: UserRow, meta: Meta) => startSession(deps, user, meta),
    login: (email: string, password: string, meta: Meta) => login(deps, email, password, meta),
    authenticate: (token: string | undefined) => authenticate(deps, token),
    logout: (sessionId: string, userId: string) => logout(deps, sessionId, userId),
    listSessions: (userId: string, currentSessionId: string) => listSessions(deps, userId, currentSessionId),
    revokeSession: (userId: string, sessionId: string) => revokeSession(deps, userId, sessionId),
    revokeAllSessions: (userId: string, exceptSessionId?: string) =>
      revokeAllSessions(deps, userId, exceptSessionId),
    changePassword: (user: AuthUser, currentPassword: string, newPassword: string) =>
      changePassword(deps, user, currentPassword, newPassword),
    needsSetup: () => needsSetup(deps),
    prepareFirstAdmin: (initialAdmin: { email: string; password: string } | null) =>
      prepareFirstAdmin(deps, initialAdmin),
    completeSetup: (input: SetupInput, meta: Meta) => completeSetup(deps, input, meta, startSession),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

export { createUserRow } from './first-admin';
