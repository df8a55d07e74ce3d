import type { VisitorsService } from '../visitors/index';
import { readVisitorContext } from '../visitors/index';
import type { ConversationAccess, ConversationFacts } from './conversation-access';
import type { ConversationChanges } from './conversation-changes';
import { shownIdentity } from './conversation-dto';
import { MAX_PAGE, type ConversationReads } from './conversation-reads';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore } from './conversations.store';
import { readStoredRun } from './stored-run';
import { transcriptLine } from './transcript-line';

/** The conversations' front door for other modules (CRM, ratings): facts and timeline markers. */
export function createConversationAccess(deps: {
  store: ConversationsStore;
  views: ConversationViews;
  visitors: VisitorsService;
  changes: ConversationChanges;
  reads: ConversationReads;
}): ConversationAccess {
  const { store, views, visitors, changes, reads } = deps;

  async function transcript(row: ConversationRow): Promise<string> {
    const lines: string[] = [];
    let after = 0;
    for (;;) {
      const page = await store.messagesAfter(row.id, after, MAX_PAGE);
      for (const m of page) {
        const line = transcriptLine(views.message(m));
        if (line) lines.push(line);
      }
      if (page.length < MAX_PAGE) break;
      after = page.at(-1)?.seq ?? after;
    }
    return lines.join('\n');
  }

  async function facts(row: ConversationRow): Promise<ConversationFacts> {
    const visitor = await visitors.findById(row.visitor_id);
    const run = readStoredRun(row.run_state).run;
    return {
      id: row.id,
      status: row.status,
      assigneeId: row.assignee_id,
      visitorId: row.visitor_id,
      visitorNumber: visitor?.number ?? 0,
      capturedVars: run?.vars ?? {},
      shownIdentity: async () => shownIdentity(row, await views.identityOf(row.id)),
      visitorContext: visitor
        ? readVisitorContext(visitor)
        : {
            pageUrl: null,
            pageTitle: null,
            referrer: null,
            userAgent: null,
            language: null,
            timeZone: null,
            firstSeenAt: row.created_at,
            pagesSeen: [],
          },
      labelNames: async () => (await views.labelsOf(row)).map((l) => l.name),
      transcript: () => transcript(row),
    };
  }

  return {
    async getForUser(conversationId, user) {
      return facts(await reads.getVisibleRow(conversationId, user));
    },
    async getFacts(conversationId) {
      return facts(await changes.getRow(conversationId));
    },
    async appendEvent(conversationId, event) {
      const row = await changes.getRow(conversationId);
      changes.assertWritable(row, { kind: 'crm_marker' });
      await changes.appendEvent(row, event);
    },
    async identityChanged(conversationId) {
      const row = await changes.getRow(conversationId);
      await changes.changed(row, row);
    },
    async labelsChanged(conversationId) {
      const row = await changes.getRow(conversationId);
      await changes.changed(row, row);
    },
  };
}
