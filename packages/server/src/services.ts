import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import type { Clock } from './lib/clock';
import type { Bus } from './realtime/bus';
import { createAuthService } from './modules/auth/auth.service';
import { createSessionsStore } from './modules/auth/sessions.store';
import { createPresenceService } from './modules/presence/presence.service';
import { createPresenceStore } from './modules/presence/presence.store';
import { createSettingsStore } from './modules/settings/settings.store';
import { createUsersService } from './modules/users/users.service';
import { createUsersStore } from './modules/users/users.store';
import { createVisitorsService } from './modules/visitors/visitors.service';
import { createVisitorsStore } from './modules/visitors/visitors.store';

export type ServiceDeps = { config: Config; database: DatabaseHandle; bus: Bus; clock: Clock; log: FastifyBaseLogger };

/** Wires every module's store and service once; routes and sockets receive this object. */
export function createServices(deps: ServiceDeps) {
  const { config, database, bus, clock } = deps;
  const db = database.db;
  const usersStore = createUsersStore(db);
  const settings = createSettingsStore(db);
  const auth = createAuthService({ users: usersStore, sessions: createSessionsStore(db), settings, clock, bus });
  const presence = createPresenceService({ store: createPresenceStore(db), users: usersStore, clock, bus, node: config.nodeName });
  const users = createUsersService({ users: usersStore, auth, presence, clock });
  const visitors = createVisitorsService({ store: createVisitorsStore(db), clock });

  return { ...deps, settings, auth, presence, users, usersStore, visitors };
}
export type Services = ReturnType<typeof createServices>;
