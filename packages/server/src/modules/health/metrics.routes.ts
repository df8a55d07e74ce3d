import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/database';
import type { App } from '../../http/app-type';

const ZMetricsDto = z.object({
  rss: z.number().nullable(),
  heapUsed: z.number(),
  sockets: z.number(),
  eventLoopDelay: z.object({ p50: z.number(), p99: z.number(), max: z.number(), mean: z.number() }),
  cpu: z.object({ user: z.number(), system: z.number() }),
  /** Statements sent to the database since the process started (BEGIN and COMMIT included). */
  dbStatements: z.number(),
  /** Transactions committed since the process started (chat messages share them on SQLite). */
  dbCommits: z.number(),
  uptime: z.number(),
});

const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e4) / 100;

/**
 * Process figures for operators and the benchmarks (admin only): RSS, open WebSockets, the
 * event-loop delay since the last `?reset=1`, CPU time, database statements and commits so far.
 */
export function registerMetricsRoutes(
  app: App,
  database: Pick<DatabaseHandle, 'statements' | 'commits'>,
): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  app.addHook('onClose', async () => delay.disable());
  app.get(
    '/api/v1/admin/metrics',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['health'],
        summary: 'Process metrics: RSS, sockets, event-loop delay (reset=1 starts a new window)',
        querystring: z.object({ reset: z.enum(['0', '1']).optional() }),
        response: { 200: ZMetricsDto },
      },
    },
    async (request) => {
      // Reading RSS opens /proc/self/stat; at the open-files limit that fails, which must not take the process down.
      let rss: number | null = null;
      try {
        rss = process.memoryUsage.rss();
      } catch {
        rss = null;
      }
      const cpu = process.cpuUsage();
      const ws = (app as unknown as { websocketServer?: { clients: Set<unknown> } }).websocketServer;
      const body = {
        rss,
        heapUsed: process.memoryUsage().heapUsed,
        sockets: ws?.clients.size ?? 0,
        eventLoopDelay: {
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
          mean: ms(delay.mean),
        },
        cpu: { user: cpu.user, system: cpu.system },
        dbStatements: database.statements(),
        dbCommits: database.commits(),
        uptime: process.uptime(),
      };
      if (request.query.reset === '1') delay.reset();
      return body;
    },
  );
}
