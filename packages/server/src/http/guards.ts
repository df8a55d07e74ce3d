// The cookie methods on request and reply come from @fastify/cookie's type augmentation.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error';
import { apiTokenAllows } from '../modules/api-tokens/index';
import type { Services } from '../services';
import type { RouteAuth } from './route-config';
import { installStrictInput } from './strict-input';
import { installSecurityHeaders } from './security-headers';

export const SESSION_COOKIE = 'charla_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** OpenAPI: how each auth level authenticates (schemes declared in app.ts). */
const SECURITY: Record<Exclude<RouteAuth, 'public'>, Array<Record<string, string[]>>> = {
  visitor: [{ visitor: [] }],
  user: [{ session: [] }, { bearer: [] }],
  admin: [{ session: [] }, { bearer: [] }],
};

/** Every route under /api, as registered: the authorization test walks this table. */
export type RouteEntry = { method: string; url: string; auth: RouteAuth };

/**
 * Default deny: a /api route without `config.auth` fails at start-up. Then, per request: who is
 * calling (API token, session cookie, or visitor token), whether they may, and for
 * cookie-authenticated unsafe requests whether the Origin is ours (CSRF).
 */
export function installGuards(app: FastifyInstance, services: Services, routes: RouteEntry[]): void {
  app.decorateRequest('user', null);
  app.decorateRequest('visitor', null);
  app.decorateRequest('viaCookie', false);
  installStrictInput(app);
  installSecurityHeaders(app);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const auth = route.config?.auth;
    if (!auth) throw new Error(`Route ${String(route.method)} ${route.url} declares no config.auth`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, auth });
    if (route.schema && auth !== 'public') route.schema.security ??= SECURITY[auth];
  });

  app.addHook('onRequest', async (request) => {
    const auth = request.routeOptions.config.auth;
    if (!auth || auth === 'public') return;
    if (auth === 'visitor') {
      request.visitor = await services.visitors.authenticate(readVisitorToken(request));
      if (!request.visitor) throw new AppError('VISITOR_TOKEN_INVALID');
      return;
    }
    // A bearer token wins over a cookie sent alongside it: no cookie, so no CSRF check either.
    const bearer = readBearerToken(request);
    if (bearer !== undefined) {
      const caller = await services.apiTokens.authenticate(bearer);
      if (!caller) throw new AppError('UNAUTHENTICATED');
      request.user = caller.user;
      if (!apiTokenAllows(caller.scopes, auth, request.method)) throw new AppError('FORBIDDEN');
      if (auth === 'admin' && request.user.role !== 'admin') throw new AppError('FORBIDDEN');
      return;
    }
    request.user = await services.auth.authenticate(readSessionToken(request));
    if (!request.user) throw new AppError('UNAUTHENTICATED');
    request.viaCookie = true;
    if (UNSAFE.has(request.method) && !isSameOrigin(request, services.config.publicUrl))
      throw new AppError('ORIGIN_NOT_ALLOWED');
    if (auth === 'admin' && request.user.role !== 'admin') throw new AppError('FORBIDDEN');
  });
}

/** The session token from the signed cookie, or undefined when absent or tampered with. */
export function readSessionToken(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value !== null ? unsigned.value : undefined;
}

/** `Authorization: Bearer <token>` (an API token); '' when malformed; undefined without one. */
export function readBearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header || !/^Bearer(\s|$)/i.test(header)) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

function readVisitorToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Visitor ')) return header.slice('Visitor '.length).trim();
  return undefined;
}

/** CSRF: an unsafe request with our cookie must come from our own origin. */
export function isSameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (!origin) return false;
  const allowed = new Set([new URL(publicUrl).origin]);
  const host = request.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
