import type { Db } from '../../db/database';
import { createReportFacts } from './report-facts';
import { createReportFactsStore } from './report-facts.store';
import { createReportsService } from './reports.service';
import { createReportsStore } from './reports.store';
import { createDurationReadsStore } from './duration-reads.store';
import { createRollupReadsStore } from './rollup-reads.store';
import { createWidgetOpensStore } from './widget-opens.store';

export { registerReportsRoutes } from './reports.routes';
export { forgetReportFacts } from './report-rollups.store';
export type { ReportsService } from './reports.service';

/** How often each process brings the precomputed report rows up to date. */
export const REPORT_FACTS_EVERY_MS = 10_000;

/** The reports module: figures from precomputed per-conversation rows (report_facts), read-only elsewhere. */
export function createReportsModule(deps: { db: Db }) {
  const facts = createReportFacts(createReportFactsStore(deps.db));
  return {
    facts,
    ...createReportsService({
      store: createReportsStore(deps.db),
      rollups: createRollupReadsStore(deps.db),
      durations: createDurationReadsStore(deps.db),
      facts,
      opens: createWidgetOpensStore(deps.db),
    }),
  };
}
