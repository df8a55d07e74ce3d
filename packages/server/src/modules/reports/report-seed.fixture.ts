import type { TestServer, TestUser } from '../../test/harness';
import type { Dataset } from './report-dataset.fixture';

type Db = TestServer['charla']['services']['database']['db'];
const now = Date.UTC(2026, 2, 1);

async function seedVisitorAndPlaybooks(db: Db): Promise<void> {
  await db
    .insertInto('visitors')
    .values({ id: 'v-1', token_hash: 'x', number: 1, created_at: now, last_seen_at: now, context: '{}' })
    .execute();
  for (const [id, name] of [
    ['pb-sales', 'Sales'],
    ['pb-support', 'Support'],
  ] as const)
    await db
      .insertInto('playbooks')
      .values({
        id,
        public_id: `pub-${id}`,
        name,
        status: 'active',
        revision: 1,
        published_revision: 1,
        document: '{}',
        allowed_origins: '[]',
        template_id: null,
        created_at: now,
        updated_at: now,
        created_by: null,
        updated_by: null,
        deleted_at: null,
      })
      .execute();
}

async function seedConversations(db: Db, data: Dataset): Promise<void> {
  for (const c of data.conversations)
    await db
      .insertInto('conversations')
      .values({
        ...c,
        visitor_id: 'v-1',
        run_state: '{}',
        language: 'en',
        last_seq: 0,
        last_message_preview: '',
        search_text: '',
        visitor_read_seq: 0,
        user_read_seq: 0,
        readers_rev: 0,
        labels_rev: 0,
        updated_at: c.created_at,
        last_message_at: c.created_at,
      })
      .execute();
}

async function seedMessages(db: Db, data: Dataset): Promise<void> {
  const seqs = new Map<string, number>();
  const message = async (
    conversationId: string,
    at: number,
    kind: 'system' | 'user',
    authorId: string | null,
    meta: string | null,
  ) => {
    const seq = (seqs.get(conversationId) ?? 0) + 1;
    seqs.set(conversationId, seq);
    await db
      .insertInto('messages')
      .values({
        id: `${conversationId}-${seq}`,
        conversation_id: conversationId,
        seq,
        author_kind: kind,
        author_id: authorId,
        author_name: 'x',
        author_avatar_url: null,
        client_msg_id: null,
        body: '{"type":"doc","content":[]}',
        meta,
        created_at: at,
      })
      .execute();
  };
  for (const e of data.events) await message(e.conversation_id, e.created_at, 'system', null, e.meta);
  for (const r of data.replies) {
    await message(r.conversation_id, r.first_at, 'user', r.author_id, null);
    await message(r.conversation_id, r.first_at + 5000, 'user', r.author_id, null); // later replies do not count
  }
}

async function seedCrm(server: TestServer, admin: TestUser, db: Db, data: Dataset): Promise<void> {
  for (const [i, link] of data.crm.entries()) {
    const kind = link.entity_type === 'deal' ? 'deals' : 'leads';
    const value =
      link.value_minor === null ? null : { amountMinor: link.value_minor, currency: link.currency };
    const res = await server.request({
      method: 'POST',
      url: `/api/v1/crm/${kind}`,
      as: admin,
      payload: { title: `Record ${i}`, value },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    await db
      .insertInto('crm_conversation_links')
      .values({
        conversation_id: link.conversation_id,
        entity_type: link.entity_type,
        entity_id: res.json<{ id: string }>().id,
        created_at: now,
      })
      .execute();
  }
}

/** Stores the hand-built month as rows, the way the conversations, CRM and ratings modules would. */
export async function seedReportDataset(server: TestServer, admin: TestUser, data: Dataset): Promise<void> {
  const db = server.charla.services.database.db;
  await seedVisitorAndPlaybooks(db);
  await seedConversations(db, data);
  await seedMessages(db, data);
  await seedCrm(server, admin, db, data);
  for (const r of data.ratings)
    await db
      .insertInto('conversation_ratings')
      .values({
        ...r,
        visitor_id: 'v-1',
        playbook_id: null,
        assignee_id: null,
        scale: 'stars',
        created_at: r.updated_at,
      })
      .execute();
}
