import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import type { SettingsStore } from '../settings/index';
import { createVisitorLinksStore, type VisitorsService } from '../visitors/index';
import { createIdentitySettings } from './identity-settings';
import { createIdentityService, type IdentityDeps } from './identity.service';

export { registerIdentityRoutes } from './identity.routes';
export type { IdentityService } from './identity.service';
export type { IdentitySettings } from './identity-settings';

/** Signed visitor identity (issue 24): the secrets in settings, the userId binding on visitors. */
export function createIdentityModule(deps: {
  db: Db;
  settings: SettingsStore;
  visitors: VisitorsService;
  conversations: IdentityDeps['conversations'];
  events: DomainEvents;
  clock: Clock;
}) {
  const settings = createIdentitySettings({ settings: deps.settings, clock: deps.clock });
  const identity = createIdentityService({
    store: createVisitorLinksStore(deps.db),
    settings,
    visitors: deps.visitors,
    conversations: deps.conversations,
    events: deps.events,
    clock: deps.clock,
  });
  return { identity, identitySettings: settings };
}
