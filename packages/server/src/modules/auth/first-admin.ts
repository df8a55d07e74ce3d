import type { TLanguage, TRole } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { hashToken, newId, newSecretToken } from '../../lib/ids';
import type { SettingsStore } from '../settings/index';
import type { UserRow, UsersStore } from '../users/index';
import { hashPassword } from './passwords';

const SETUP_TOKEN_KEY = 'setup_token_hash';

type SetupDeps = { users: UsersStore; settings: SettingsStore; clock: Clock };
type Meta = { userAgent: string; ip: string };
export type SetupInput = {
  token: string;
  name: string;
  email: string;
  password: string;
  language?: TLanguage | undefined;
};

export async function needsSetup(deps: SetupDeps): Promise<boolean> {
  return (await deps.users.countUsers()) === 0;
}

/** On a fresh database: creates the admin from the environment, or returns a one-time setup token. */
export async function prepareFirstAdmin(
  deps: SetupDeps,
  initialAdmin: { email: string; password: string } | null,
): Promise<{ created: 'env' } | { setupToken: string } | null> {
  const { users, settings, clock } = deps;
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
}

/** Creates the first admin with the one-time setup token and signs them in. */
export async function completeSetup<D extends SetupDeps, S>(
  deps: D,
  input: SetupInput,
  meta: Meta,
  startSession: (deps: D, user: UserRow, meta: Meta) => Promise<S>,
) {
  const { users, settings, clock } = deps;
  if ((await users.countUsers()) > 0) throw new AppError('SETUP_ALREADY_DONE');
  const expected = await settings.get<string | null>(SETUP_TOKEN_KEY, null);
  if (!expected || expected !== hashToken(input.token)) throw new AppError('SETUP_TOKEN_INVALID');
  const user = await createUserRow(users, clock, {
    email: input.email,
    name: input.name,
    role: 'admin',
    password: input.password,
    language: input.language ?? 'en',
  });
  await settings.delete(SETUP_TOKEN_KEY);
  return { user, ...(await startSession(deps, user, meta)) };
}

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
