import type { Db } from '../../db/database';
import type {
  ReportConversationRow,
  ReportCrmRow,
  ReportEventRow,
  ReportRatingRow,
  ReportReplyRow,
} from './conversation-facts';

export type ReportScope = { start: number; end: number; playbookId?: string };

/**
 * Read-only SQL over other modules' tables (the same statements on SQLite and PostgreSQL:
 * integer epoch-ms comparisons, joins and min(); no dialect functions). Tables read:
 * `conversations`, `messages` (system events and the team's first replies), `crm_conversation_links`
 * and `crm_deals` (leads and deal values), `conversation_ratings` (ours), `playbooks` and `users` (names).
 */
export function createReportsStore(db: Db) {
  const inScope = (scope: ReportScope) => {
    let q = db
      .selectFrom('conversations as c')
      .where('c.created_at', '>=', scope.start)
      .where('c.created_at', '<', scope.end);
    if (scope.playbookId) q = q.where('c.playbook_id', '=', scope.playbookId);
    return q;
  };
  return {
    async conversations(scope: ReportScope): Promise<ReportConversationRow[]> {
      return inScope(scope)
        .select([
          'c.id',
          'c.playbook_id',
          'c.status',
          'c.close_reason',
          'c.assignee_id',
          'c.created_at',
          'c.closed_at',
        ])
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute();
    },
    async events(scope: ReportScope): Promise<ReportEventRow[]> {
      return inScope(scope)
        .innerJoin('messages as m', 'm.conversation_id', 'c.id')
        .where('m.author_kind', '=', 'system')
        .select(['m.conversation_id', 'm.created_at', 'm.meta'])
        .execute();
    },
    /** Each team member's first message per conversation. */
    async replies(scope: ReportScope): Promise<ReportReplyRow[]> {
      return inScope(scope)
        .innerJoin('messages as m', 'm.conversation_id', 'c.id')
        .where('m.author_kind', '=', 'user')
        .groupBy(['m.conversation_id', 'm.author_id'])
        .select((eb) => [
          'm.conversation_id',
          'm.author_id',
          eb.fn.min<number>('m.created_at').as('first_at'),
        ])
        .execute();
    },
    async crm(scope: ReportScope): Promise<ReportCrmRow[]> {
      const rows = await inScope(scope)
        .innerJoin('crm_conversation_links as l', 'l.conversation_id', 'c.id')
        .leftJoin('crm_deals as d', (join) =>
          join.onRef('d.id', '=', 'l.entity_id').on('l.entity_type', '=', 'deal'),
        )
        .where('l.entity_type', 'in', ['lead', 'deal'])
        .select(['l.conversation_id', 'l.entity_type', 'd.value_minor', 'd.currency'])
        .execute();
      return rows as ReportCrmRow[];
    },
    async ratings(scope: ReportScope): Promise<ReportRatingRow[]> {
      return inScope(scope)
        .innerJoin('conversation_ratings as r', 'r.conversation_id', 'c.id')
        .select(['r.conversation_id', 'r.score', 'r.comment', 'r.updated_at'])
        .execute();
    },
    async playbookNames(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('playbooks').select(['id', 'name']).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async userNames(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('users').select(['id', 'name']).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async companyTimeZone(): Promise<string | null> {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'company')
        .executeTakeFirst();
      if (!row) return null;
      try {
        const tz = (JSON.parse(row.value) as { timeZone?: unknown }).timeZone;
        return typeof tz === 'string' ? tz : null;
      } catch {
        return null;
      }
    },
  };
}
export type ReportsStore = ReturnType<typeof createReportsStore>;
