import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id of a request: the proxy's X-Request-Id when it is a plain token (so one id follows a
 * request through the proxy's logs and ours), else a new UUID. Sent back as X-Request-Id and in
 * every error body, so a user's report leads to the log lines.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}
