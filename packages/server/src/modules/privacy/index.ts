import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/index';
import { createAuditLogStore } from './audit-log.store';
import { createPrivacyService } from './privacy.service';
import { createPrivacyStores } from './privacy-stores';

// The privacy module's front door (issue 22): retention, export/delete of one subject, audit log.
export { registerPrivacyRoutes } from './privacy.routes';
export type { PrivacyService, PrivacySettings } from './privacy.service';

export function createPrivacyModule(deps: { db: Db; settings: SettingsStore; clock: Clock }) {
  return createPrivacyService({
    stores: createPrivacyStores(deps.db),
    audit: createAuditLogStore(deps.db),
    settings: deps.settings,
    clock: deps.clock,
  });
}
