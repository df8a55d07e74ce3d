import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/app-error';
import type { SharedLimiter } from '../lib/shared-limits';

/**
 * New WebSocket connections per address, counted across processes (the gateway keeps its own
 * per-process count as well). Runs before the upgrade, so a refused client gets a plain 429.
 */
export function limitWebSocketConnections(app: FastifyInstance, limiter: SharedLimiter): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/ws/')) return;
    if (!(await limiter.take(request.ip))) throw new AppError('RATE_LIMITED');
  });
}
