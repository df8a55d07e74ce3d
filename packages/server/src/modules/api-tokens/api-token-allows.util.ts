import type { TApiTokenScope } from '@charla/protocol';
import type { RouteAuth } from '../../http/route-config';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Whether a token with these scopes may call a route of this auth level with this method.
 * `admin` covers admin routes only; `write` implies `read` on user routes. Whether the token's
 * user is (still) an admin is checked separately, on every request.
 */
export function apiTokenAllows(scopes: readonly TApiTokenScope[], auth: RouteAuth, method: string): boolean {
  if (auth === 'admin') return scopes.includes('admin');
  if (auth !== 'user') return false;
  if (SAFE_METHODS.has(method.toUpperCase())) return scopes.includes('read') || scopes.includes('write');
  return scopes.includes('write');
}
