import { z } from 'zod';
import { isMigrated } from '../../db/migrate';
import type { App } from '../../http/app-type';
import type { Services } from '../../services';

/** /healthz: the process answers. /readyz: database reachable and migrated, bus connected. */
export function registerHealthRoutes(app: App, services: Services): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: {
          200: z.object({ ok: z.literal(true) }),
          503: z.object({ ok: z.literal(false), problems: z.array(z.string()) }),
        },
      },
    },
    async (_request, reply) => {
      const problems: string[] = [];
      try {
        await services.database.ping();
        if (!(await isMigrated(services.database.db))) problems.push('database not migrated');
      } catch {
        problems.push('database unreachable');
      }
      if (!services.bus.isConnected()) problems.push('bus disconnected');
      if (problems.length > 0) return reply.status(503).send({ ok: false as const, problems });
      return { ok: true as const };
    },
  );
}
