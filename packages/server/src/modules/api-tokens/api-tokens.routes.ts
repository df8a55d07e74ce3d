import { ZApiTokenDto, ZCreateApiTokenRequest, ZCreatedApiTokenDto } from '@charla/protocol';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app-type';
import { AppError } from '../../lib/app-error';
import { requireUser } from '../../http/route-config';
import type { Services } from '../../services';

const tags = ['api-tokens'];
const ZApiTokenParams = z.strictObject({ tokenId: z.string().max(64) });
const usage =
  'Send the token as `Authorization: Bearer chk_…`. Scopes: `read` — GET on user routes; `write` — also POST/PUT/PATCH/DELETE on user routes; `admin` — admin routes, while its creator is an active admin. The token acts as the admin who created it; it never opens WebSockets.';

/** Managing tokens needs a logged-in admin: a leaked token must not be able to mint successors. */
function requireSession(request: FastifyRequest): void {
  if (!request.viaCookie) throw new AppError('FORBIDDEN');
}

export function registerApiTokensRoutes(app: App, services: Services): void {
  const { apiTokens } = services;

  app.get(
    '/api/v1/admin/api-tokens',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'All API tokens, revoked ones included (never their secrets)',
        response: { 200: z.array(ZApiTokenDto) },
      },
    },
    async () => apiTokens.list(),
  );

  app.post(
    '/api/v1/admin/api-tokens',
    {
      config: { auth: 'admin', errors: ['FORBIDDEN'] },
      schema: {
        tags,
        summary: 'Create an API token; the response shows it once',
        description: usage,
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreatedApiTokenDto },
      },
    },
    async (request, reply) => {
      requireSession(request);
      return reply.status(201).send(await apiTokens.create(request.body, requireUser(request)));
    },
  );

  app.delete(
    '/api/v1/admin/api-tokens/:tokenId',
    {
      config: { auth: 'admin', errors: ['FORBIDDEN', 'API_TOKEN_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Revoke an API token (it stays listed, marked revoked)',
        params: ZApiTokenParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await apiTokens.revoke(request.params.tokenId);
      return reply.status(204).send(null);
    },
  );
}
