import {
  API_TOKEN_PREFIX,
  apiTokenScopes,
  type TApiTokenDto,
  type TApiTokenScope,
  type TCreateApiTokenRequest,
  type TCreatedApiTokenDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { fromJsonColumn, toJsonColumn } from '../../lib/json';
import { hashToken, newId, newSecretToken } from '../../lib/ids';
import { toAuthUser, type AuthUser } from '../auth/index';
import type { UsersStore } from '../users/index';
import type { ApiTokenListRow, ApiTokenRow, ApiTokensStore } from './api-tokens.store';

const DAY_MS = 24 * 3600_000;
// last_used_at is for humans ("used 5 minutes ago"): one write a minute per token is plenty.
const TOUCH_EVERY_MS = 60_000;
const MAX_TOKEN_LENGTH = 200;

export type ApiTokenCaller = { user: AuthUser; scopes: TApiTokenScope[] };

export type ApiTokensDeps = { store: ApiTokensStore; users: UsersStore; clock: Clock };

function scopesOf(row: ApiTokenRow): TApiTokenScope[] {
  const stored = fromJsonColumn<string[]>(row.scopes, []);
  return apiTokenScopes.filter((scope) => stored.includes(scope));
}

function toDto(row: ApiTokenListRow): TApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    scopes: scopesOf(row),
    createdBy: { id: row.user_id, name: row.user_name },
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Scoped, revocable bearer tokens for the REST API; only their SHA-256 is stored. */
export function createApiTokensService(deps: ApiTokensDeps) {
  const { store, users, clock } = deps;

  return {
    async list(): Promise<TApiTokenDto[]> {
      return (await store.list()).map(toDto);
    },

    /** The response is the only place the token ever appears. */
    async create(input: TCreateApiTokenRequest, creator: AuthUser): Promise<TCreatedApiTokenDto> {
      const token = `${API_TOKEN_PREFIX}${newSecretToken()}`;
      const now = clock.now();
      const row: ApiTokenRow = {
        id: newId(),
        name: input.name,
        // Stored in canonical order, whatever order the request used.
        scopes: toJsonColumn(apiTokenScopes.filter((scope) => input.scopes.includes(scope))),
        token_hash: hashToken(token),
        user_id: creator.id,
        created_at: now,
        last_used_at: null,
        expires_at: input.expiresInDays === undefined ? null : now + input.expiresInDays * DAY_MS,
        revoked_at: null,
      };
      await store.insert(row);
      return { ...toDto({ ...row, user_name: creator.name }), token };
    },

    async revoke(id: string): Promise<void> {
      if (!(await store.findById(id))) throw new AppError('API_TOKEN_NOT_FOUND');
      await store.revoke(id, clock.now());
    },

    /**
     * Resolves `chk_…` to the user it acts as and its scopes, or null when unknown, revoked, expired
     * or its user is deactivated. The user's role is read fresh: a demoted creator loses admin routes.
     */
    async authenticate(token: string): Promise<ApiTokenCaller | null> {
      if (!token.startsWith(API_TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null;
      const row = await store.findByHash(hashToken(token));
      const now = clock.now();
      if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return null;
      const user = await users.findById(row.user_id);
      if (!user || user.active !== 1) return null;
      if (row.last_used_at === null || now - row.last_used_at >= TOUCH_EVERY_MS)
        await store.touch(row.id, now);
      return { user: toAuthUser(user, `api-token:${row.id}`), scopes: scopesOf(row) };
    },
  };
}
export type ApiTokensService = ReturnType<typeof createApiTokensService>;
