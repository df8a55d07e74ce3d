import type { Db } from '../../db/database';
import { createReportsService } from './reports.service';
import { createReportsStore } from './reports.store';

export { registerReportsRoutes } from './reports.routes';
export type { ReportsService } from './reports.service';

/** The reports module: figures computed from the conversations' timelines (read-only). */
export function createReportsModule(deps: { db: Db }) {
  return createReportsService({ store: createReportsStore(deps.db) });
}
