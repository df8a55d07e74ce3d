import type { Db } from '../../db/database';
import type { ReportScope } from './reports.store';

/** The UTC calendar day of an instant: the de-duplication key of an open (YYYY-MM-DD). */
export const utcDayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

/**
 * The funnel's first stage (issue 21): visitors who opened the widget. A visitor counts once per
 * playbook and UTC day however often they open it; the count buckets `opened_at` into the range.
 */
export function createWidgetOpensStore(db: Db) {
  return {
    /** Stores the day's first open; a later one the same UTC day changes nothing. */
    async record(visitorId: string, playbookId: string, at: number): Promise<void> {
      await db
        .insertInto('widget_opens')
        .values({ visitor_id: visitorId, playbook_id: playbookId, utc_day: utcDayOf(at), opened_at: at })
        .onConflict((oc) => oc.columns(['visitor_id', 'playbook_id', 'utc_day']).doNothing())
        .execute();
    },
    /** Opens per playbook in [start, end), optionally of one playbook. */
    async counts(scope: Pick<ReportScope, 'start' | 'end' | 'playbookId'>): Promise<Map<string, number>> {
      let query = db
        .selectFrom('widget_opens')
        .where('opened_at', '>=', scope.start)
        .where('opened_at', '<', scope.end);
      if (scope.playbookId) query = query.where('playbook_id', '=', scope.playbookId);
      const rows = await query
        .groupBy('playbook_id')
        .select((eb) => ['playbook_id', eb.fn.countAll<number>().as('n')])
        .execute();
      return new Map(rows.map((r) => [r.playbook_id, Number(r.n)]));
    },
  };
}
export type WidgetOpensStore = ReturnType<typeof createWidgetOpensStore>;
