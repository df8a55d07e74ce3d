import { z } from 'zod';
import { isMigrated } from '../../db/migrate';
import type { App } from '../../http/app-type';
import type { Services } from '../../services';

/** How long /readyz waits for the database and the bus to answer before calling them down. */
export const READY_PING_TIMEOUT_MS = 1000;

/** Settles with `ok`, or with false after `ms` (a frozen Redis or database never answers at all). */
async function answersWithin(probe: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([probe().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /healthz: the process answers. /readyz: the database answers and is migrated, and the bus is
 * connected and answers a ping, each within READY_PING_TIMEOUT_MS (503 otherwise).
 */
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
      const { database, bus } = services;
      const [databaseOk, busOk] = await Promise.all([
        answersWithin(async () => {
          await database.ping();
          if (!(await isMigrated(database.db))) throw new Error('not migrated');
        }, READY_PING_TIMEOUT_MS),
        bus.isConnected() ? answersWithin(() => bus.ping(), READY_PING_TIMEOUT_MS) : false,
      ]);
      const problems = [
        ...(databaseOk ? [] : ['database unreachable or not migrated']),
        ...(busOk ? [] : ['bus disconnected or not answering']),
      ];
      if (problems.length > 0) return reply.status(503).send({ ok: false as const, problems });
      return { ok: true as const };
    },
  );
}
