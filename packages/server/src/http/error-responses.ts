import { errorCatalogue, ZErrorBody, type ErrorCode } from '@charla/protocol';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { RouteAuth } from './route-config';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a route has that decides which generic errors it can answer. */
export type RouteShape = {
  methods: readonly string[];
  auth: RouteAuth;
  hasInput: boolean;
  hasParams: boolean;
};

/**
 * The codes any route of this shape can answer before or around its own logic: the guards
 * (guards.ts), strict input (strict-input.ts), schema validation and the error handler.
 */
export function genericErrorCodes(route: RouteShape): ErrorCode[] {
  // The router and the HTTP parser answer these before any route runs (framework-errors.ts).
  const codes: ErrorCode[] = [
    'BAD_REQUEST',
    'INVALID_URL',
    'HEADERS_TOO_LARGE',
    'INTERNAL',
    'SERVICE_UNAVAILABLE',
  ];
  const takesBody = route.methods.some((m) => BODY_METHODS.has(m));
  if (route.hasInput) codes.push('VALIDATION_FAILED');
  if (route.hasParams) codes.push('URL_TOO_LONG');
  if (takesBody)
    codes.push(
      'INVALID_JSON',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'JSON_TOO_DEEP',
      'JSON_TOO_LARGE',
    );
  if (route.auth === 'visitor') codes.push('VISITOR_TOKEN_INVALID');
  if (route.auth === 'user' || route.auth === 'admin') {
    // FORBIDDEN also on user routes: an API token's scopes can refuse them.
    codes.push('UNAUTHENTICATED', 'FORBIDDEN');
    if (takesBody) codes.push('ORIGIN_NOT_ALLOWED');
  }
  return codes;
}

/** OpenAPI error responses, one per status, each naming the catalogue codes it can carry. */
export function errorResponses(codes: readonly ErrorCode[]): Record<number, z.ZodType> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const { status } = errorCatalogue[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<number, z.ZodType> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const sorted = list.sort();
    // The enum is documentation only (`meta`): serializing stays lenient, so an undeclared code
    // still reaches the client instead of turning into a 500; the catalogue test keeps them in step.
    responses[status] = z
      .object({
        error: ZErrorBody.shape.error.extend({ code: z.string().meta({ enum: sorted }) }),
      })
      .meta({ description: sorted.map((c) => `\`${c}\`: ${errorCatalogue[c].message}`).join('\n\n') });
  }
  return responses;
}

/**
 * Adds the error responses to every documented /api/v1 route: the generic codes of its shape
 * plus the codes it declares in `config.errors`. Routes declare only their own codes, never a
 * status code with ZErrorBody by hand, so the document cannot drift from the catalogue.
 */
export function installErrorResponses(app: FastifyInstance): void {
  const done = new WeakSet<object>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema;
    // A GET route's automatic HEAD twin shares its schema: decorate it once.
    if (!route.url.startsWith('/api/v1') || !schema || schema.hide || done.has(schema)) return;
    done.add(schema);
    const response = (schema.response ?? {}) as Record<string, unknown>;
    const handWritten = Object.keys(response).filter((status) => Number(status) >= 400);
    if (handWritten.length > 0)
      throw new Error(
        `Route ${route.url} documents errors by hand (${handWritten.join(', ')}): use config.errors`,
      );
    const shape: RouteShape = {
      methods: Array.isArray(route.method) ? route.method : [route.method],
      auth: route.config?.auth ?? 'public',
      hasInput: Boolean(schema.body ?? schema.querystring ?? schema.params),
      hasParams: Boolean(schema.params),
    };
    const codes = [...genericErrorCodes(shape), ...(route.config?.errors ?? [])];
    schema.response = { ...response, ...errorResponses(codes) };
  });
}
