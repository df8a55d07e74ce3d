import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { buildApp, type BuiltApp } from './app';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { systemClock, type Clock } from './lib/clock';
import { createMemoryBus, createRedisBus, type Bus } from './realtime/bus';
import { coreJobs, startBackgroundJobs } from './jobs';
import { createServices, type Services } from './services';
import { createLimits } from './lib/shared-limits';
import { logMailConfiguration } from './modules/mail/index';

export type Charla = BuiltApp & {
  services: Services;
  /** Printed once on a fresh database without CHARLA_ADMIN_*: the one-time setup link. */
  setupUrl: string | null;
  stop(): Promise<void>;
};

export type BootOptions = {
  clock?: Clock;
  /** Tests pass their own isolated database and bus. */
  database?: DatabaseHandle;
  bus?: Bus;
  runJobs?: boolean;
  logger?: pino.Logger | false;
};

/** Opens storage, migrates, wires services, prepares the first admin and starts background jobs. */
export async function bootCharla(config: Config, options: BootOptions = {}): Promise<Charla> {
  const log =
    options.logger === false
      ? pino({ level: 'silent' })
      : (options.logger ?? pino({ level: config.logLevel }));
  const database = options.database ?? (await openDatabase(config.databaseUrl));
  await migrateToLatest(database.db);
  const bus =
    options.bus ??
    (config.redisUrl
      ? await createRedisBus(
          config.redisUrl,
          (err) => log.warn({ err }, 'redis bus error'),
          config.redisChannel,
        )
      : createMemoryBus());
  const clock = options.clock ?? systemClock;
  // Rate limits are counted in Redis when there is one, so N processes still allow 1 × the limit.
  const limits = await createLimits({
    redisUrl: config.redisUrl,
    prefix: `${config.redisChannel}:limits`,
    clock: options.clock ?? systemClock,
  });
  const services = createServices({ config, database, bus, clock, log, limits });
  logMailConfiguration(config, log);

  const cookieSecret =
    config.sessionSecret ??
    (await services.settings.setIfAbsent(
      'session_secret',
      randomBytes(32).toString('base64url'),
      clock.now(),
    ));
  // The install's mail secrets exist from the first start, so no request (even a refused one)
  // is the one that writes them.
  await services.conversationMail.keys();
  // Loaded before any request: webhook payloads sign file links inside a message's transaction.
  await services.attachments.signingKey();
  const built = await buildApp(services, { logger: log, cookieSecret });

  const first = await services.auth.prepareFirstAdmin(config.initialAdmin);
  const setupUrl =
    first && 'setupToken' in first ? `${config.publicUrl}/setup?token=${first.setupToken}` : null;
  // A fresh install gets a ready "Live chat" playbook so the demo page works at once.
  if (first)
    await services.playbooks.ensureStarterPlaybook(
      'en',
      `${config.nodeName}-${randomBytes(6).toString('hex')}`,
    );
  if (first && 'created' in first)
    log.info({ email: config.initialAdmin?.email }, 'created the first admin from CHARLA_ADMIN_EMAIL');

  const stopJobs =
    options.runJobs === false ? async () => undefined : startBackgroundJobs(services, coreJobs(services));
  await built.app.ready();

  return {
    ...built,
    services,
    setupUrl,
    async stop() {
      await stopJobs();
      services.mailOutbox.close();
      await built.app.close();
      await bus.close();
      await limits.close();
      await database.close();
    },
  };
}
