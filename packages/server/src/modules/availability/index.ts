/**
 * Availability and routing (issue 19): business hours, teams, capacity, automatic assignment and
 * the ownership watchdog. The front door services.ts, app.ts and jobs.ts use.
 */
import type { Db } from '../../db/database';
import type { App } from '../../http/app-type';
import type { Clock } from '../../lib/clock';
import type { ConversationsService, ConversationsStore } from '../conversations/index';
import type { PresenceService } from '../presence/index';
import type { SettingsStore } from '../settings/index';
import type { UsersStore } from '../users/index';
import { createAvailabilityStore, type AvailabilityStore } from './availability.store';
import { registerBusinessHoursRoutes } from './business-hours.routes';
import { createBusinessHoursService } from './business-hours.service';
import { createCapacityService } from './capacity.service';
import { createRouter } from './router';
import { createRoutingSweeps } from './routing-sweeps';
import { registerTeamsRoutes } from './teams.routes';
import { createTeamsService } from './teams.service';

export { createAvailabilityStore, type AvailabilityStore };

/** How often each process runs the watchdog and retries automatic assignment of waiting chats. */
export const ROUTING_SWEEP_MS = 2_000;

export function createAvailabilityModule(deps: {
  db: Db;
  store: AvailabilityStore;
  settings: SettingsStore;
  users: UsersStore;
  presence: PresenceService;
  conversations: ConversationsService;
  conversationsStore: ConversationsStore;
  clock: Clock;
  playbookExists: (id: string) => Promise<boolean>;
  onError: (error: unknown, context: string) => void;
}) {
  const { store, settings, users, presence, clock } = deps;
  const hours = createBusinessHoursService({ store, settings, clock, playbookExists: deps.playbookExists });
  const teams = {
    ...createTeamsService({ store, users, clock }),
    ...createCapacityService({ store, users, presence }),
  };
  const picks = createRouter({ ...deps, store });
  const sweeps = createRoutingSweeps({ ...deps, store, router: picks });
  return { hours, teams, router: { ...picks, ...sweeps } };
}
export type AvailabilityModule = ReturnType<typeof createAvailabilityModule>;

export function registerAvailabilityRoutes(app: App, availability: AvailabilityModule): void {
  registerBusinessHoursRoutes(app, availability.hours);
  registerTeamsRoutes(app, availability.teams);
}
