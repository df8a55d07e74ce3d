import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error';

/**
 * Errors Fastify raises before any route runs (router and HTTP parser). Its defaults answer in
 * another shape and echo the offending path; these answer `{ error: { code, message } }` with
 * a fixed message instead. Wired through Fastify's `frameworkErrors` and `clientErrorHandler`.
 */
export function frameworkErrorToAppError(error: FastifyError): AppError {
  if (error.code === 'FST_ERR_BAD_URL') return new AppError('INVALID_URL');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError('URL_TOO_LONG');
  return new AppError('BAD_REQUEST');
}

export function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = frameworkErrorToAppError(error);
  request.log.debug({ code: appError.code }, 'request refused by the router');
  void reply.status(appError.status).send(appError.toBody());
}

/**
 * The HTTP parser gave up on the connection (headers too large, malformed request line, …):
 * there is no request object, so the answer is written on the socket itself, then it is closed.
 */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('HEADERS_TOO_LARGE')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('SERVICE_UNAVAILABLE', { message: 'The request took too long to arrive.' })
        : new AppError('BAD_REQUEST');
  const body = JSON.stringify(appError.toBody());
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : appError.status;
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else socket.destroy();
}

function statusText(status: number): string {
  return (
    { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status] ?? 'Error'
  );
}

/** How much of a refused body we still read so the client gets to see the 413 (then we close). */
export const DRAIN_MAX_BYTES = 32 * 1024 * 1024;
export const DRAIN_MAX_MS = 10_000;

/**
 * Answers 413 only after reading (and discarding) the rest of the body, up to a bound: closing a
 * socket that still has unread input makes the kernel send a reset, and the client loses the
 * answer it had not read yet. The connection is closed after the answer.
 */
export async function refuseTooLarge(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const raw = request.raw;
  if (!raw.complete && !raw.destroyed) {
    await new Promise<void>((resolve) => {
      let drained = 0;
      const timer = setTimeout(finish, DRAIN_MAX_MS);
      function onData(chunk: Buffer) {
        drained += chunk.length;
        if (drained > DRAIN_MAX_BYTES) finish();
      }
      function finish() {
        clearTimeout(timer);
        raw.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
        resolve();
      }
      raw.on('data', onData).once('end', finish).once('error', finish).once('close', finish);
      raw.resume();
    });
  }
  return reply.status(error.status).header('connection', 'close').send(error.toBody());
}
