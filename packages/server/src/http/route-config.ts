import type { ErrorCode } from '@charla/protocol';
import type { AuthUser } from '../modules/auth/index';

/** Who may call a route. Every /api route must declare one: default deny. */
export type RouteAuth = 'public' | 'visitor' | 'user' | 'admin';

export type VisitorAuth = { id: string; number: number };

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** Rate-limit bucket for abusable public routes. */
    rateLimit?: { key: string; limit: number; windowMs: number };
    /** The catalogue codes this route's own logic can answer (OpenAPI; see error-responses.ts). */
    errors?: readonly ErrorCode[];
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    user: AuthUser | null;
    visitor: VisitorAuth | null;
    viaCookie: boolean;
  }
}

/** The user of a route declared `user` or `admin`; the guard has already checked it is there. */
export function requireUser(request: { user: AuthUser | null }): AuthUser {
  if (!request.user) throw new Error('requireUser on a route without user auth');
  return request.user;
}

export function requireVisitor(request: { visitor: VisitorAuth | null }): VisitorAuth {
  if (!request.visitor) throw new Error('requireVisitor on a route without visitor auth');
  return request.visitor;
}
