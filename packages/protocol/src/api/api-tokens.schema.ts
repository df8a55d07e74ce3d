import { z } from 'zod';
import { apiTokenScopes } from './api-names';

/**
 * What an API token may do. `read`: GET/HEAD on user routes. `write`: also POST/PUT/PATCH/DELETE on
 * user routes. `admin`: admin routes, and only while the token's creator is still an active admin.
 */
export const ZApiTokenScope = z.enum(apiTokenScopes);
export type TApiTokenScope = z.infer<typeof ZApiTokenScope>;

/** Every token starts with this, so leaked tokens are easy to recognise (and to scan for). */
export const API_TOKEN_PREFIX = 'chk_';

export const ZCreateApiTokenRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(ZApiTokenScope)
    .min(1)
    .max(apiTokenScopes.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'Each scope at most once' }),
  /** Omitted: the token never expires. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

/** A token as admins see it: never its secret. */
export const ZApiTokenDto = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(ZApiTokenScope),
  /** The admin who created it; the token acts as this user. */
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
});
export type TApiTokenDto = z.infer<typeof ZApiTokenDto>;

export const ZCreatedApiTokenDto = ZApiTokenDto.extend({
  /** `chk_…`: send as `Authorization: Bearer <token>`. Shown in this response only. */
  token: z.string(),
});
export type TCreatedApiTokenDto = z.infer<typeof ZCreatedApiTokenDto>;
