import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../lib/app-error';
import { fieldIssueOf } from './field-issue';
import { refuseTooLarge } from './framework-errors';

/** Maps every failure to the one error body; nothing internal leaks, the cause goes to the log. */
export function installErrorHandler(app: FastifyInstance, options: { spaRoot: string | null }): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ code: appError.code }, 'request refused');
    if (appError.code === 'PAYLOAD_TOO_LARGE') return refuseTooLarge(request, reply, appError);
    return reply.status(appError.status).send(withRequestId(appError, request.id));
  });
  app.setNotFoundHandler((request, reply) => {
    // The inbox is a single-page app: a browser asking for an unknown page gets its index.html.
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/ws/') &&
      request.headers.accept?.includes('text/html');
    if (options.spaRoot && wantsPage) {
      void reply.type('text/html').sendFile('index.html', options.spaRoot);
      return;
    }
    const notFound = new AppError('NOT_FOUND', {
      message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    });
    void reply.status(404).send(withRequestId(notFound, request.id));
  });
}

/** The error body with the request's id, which the log lines of that request carry too. */
function withRequestId(error: AppError, requestId: string) {
  const body = error.toBody();
  return { error: { ...body.error, requestId } };
}

/** Exposed for the WebSocket gateway, which maps errors to frames the same way. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError('VALIDATION_FAILED', {
      details: error.validation.map((v) => ({
        ...fieldIssueOf(
          v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
          v.message ?? 'Invalid value',
          {
            ...v.params,
            code: v.keyword,
          },
        ),
        in: error.validationContext,
      })),
    });
  }
  const fe = error as Partial<FastifyError> & { status?: number; type?: string };
  const status = fe.statusCode ?? fe.status;
  if (status === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 415 || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError ||
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
  ) {
    return new AppError('INVALID_JSON');
  }
  if (typeof status === 'number' && status === 429) return new AppError('RATE_LIMITED');
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new AppError('BAD_REQUEST', { message: fe.message ?? 'Bad request' });
  if (isDatabaseUnavailable(error)) return new AppError('SERVICE_UNAVAILABLE', { cause: error });
  return new AppError('INTERNAL', { cause: error });
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  // 57P0x: the server is shutting down or restarting; 08xxx: connection failures; 53300: too many
  // connections; "not currently accepting connections" (55000) while a database is closed to
  // connections (maintenance, failover). All are transient: the client should retry.
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      '08001',
      '53300',
      'SQLITE_BUSY',
    ].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|not currently accepting connections|Client has encountered a connection error/.test(
      String((error as Error | null)?.message),
    )
  );
}
