import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTables } from '../../db/list-tables';
import { sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';

const NAME = 'Tomasina Zulueta';
const EMAIL = 'tomasina.zulueta@example.org';
const traces = ['tomasina', 'zulueta'];

describe('privacy: export and delete everything about one visitor', () => {
  let server: TestServer;
  let admin: TestUser;
  let baseUrl: string;
  let playbook: { publicId: string };

  /** A visitor who gives a name and email in the chat; the agent's panel creates a person and a deal. */
  async function visitorWithRecords(name: string, email: string) {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, playbook.publicId);
    await waitForQuestion(visitor.client, conversationId);
    await sendWithRef(visitor.client, { type: 'identify', name, email });
    const id = () => `m-${Math.random().toString(36).slice(2, 12)}`;
    const talk = { kind: 'button', optionId: 'talk' };
    await sendWithRef(visitor.client, { type: 'answer', conversationId, clientMsgId: id(), answer: talk });
    await waitForQuestion(visitor.client, conversationId, 'name');
    const answer = await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId,
      clientMsgId: id(),
      answer: { kind: 'text', text: `I am ${name}, mail ${email}` },
    });
    expect(answer.type, JSON.stringify(answer)).not.toBe('error');
    const deal = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/panel/deal`,
      as: admin,
      payload: {
        title: `${name} — 3 seats`,
        panel: { person: { name, email, phone: null }, notes: `Called ${name}` },
      },
    });
    expect(deal.statusCode, deal.body).toBe(201);
    await visitor.client.close();
    return {
      visitorId: visitor.visitorId,
      conversationId,
      dealId: deal.json<{ deal: { id: string } }>().deal.id,
    };
  }

  /** Every row of every table, as text, that mentions one of the traces (case-insensitive). */
  async function grepDatabase(): Promise<string[]> {
    const { database } = server.charla.services;
    const hits: string[] = [];
    for (const table of await listTables(database)) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
        database.db,
      );
      for (const row of rows) {
        const text = JSON.stringify(row).toLowerCase();
        if (traces.some((t) => text.includes(t))) hits.push(`${table}: ${text.slice(0, 200)}`);
      }
    }
    return hits;
  }

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    playbook = await createActivePlaybook(server, admin);
  });
  afterAll(() => server.close());

  it('exports the visitor’s conversations, messages and CRM records, then deletes every trace', async () => {
    const subject = await visitorWithRecords(NAME, EMAIL);
    const bystander = await visitorWithRecords('Bruno Bystander', 'bruno@example.net');
    await server.charla.services.mail.enqueue('test', { to: EMAIL, language: 'en', params: {} });
    // A photo the visitor sent (issue 17): its row is exported, and erased with the conversation.
    const { db } = server.charla.services.database;
    await db
      .insertInto('attachment_blobs')
      .values({ sha256: 'a'.repeat(64), size: 1234, touched_at: 1 })
      .execute();
    await db
      .insertInto('uploads')
      .values({
        id: 'up-privacy-1',
        conversation_id: subject.conversationId,
        uploader_kind: 'visitor',
        uploader_id: subject.visitorId,
        blob_sha256: 'a'.repeat(64),
        name: 'tomasina-roof.jpg',
        content_type: 'image/jpeg',
        kind: 'image',
        size: 1234,
        width: 64,
        height: 48,
        message_id: null,
        created_at: 1,
      })
      .execute();
    expect((await grepDatabase()).length).toBeGreaterThan(0);

    const exported = await server.request({
      url: `/api/v1/admin/privacy/visitor/${subject.visitorId}/export`,
      as: admin,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    const doc = exported.json<Record<string, unknown>>();
    const text = JSON.stringify(doc);
    for (const expected of [NAME, EMAIL, subject.conversationId, subject.dealId, `I am ${NAME}`])
      expect(text).toContain(expected);
    expect(text).not.toContain('Bruno');
    expect(doc.files).toMatchObject([
      { id: 'up-privacy-1', name: 'tomasina-roof.jpg', kind: 'image', size: 1234 },
    ]);

    const regular = await server.createUser('regular', 'Rita Regular');
    const refused = await server.request({
      method: 'DELETE',
      url: `/api/v1/admin/privacy/visitor/${subject.visitorId}`,
      as: regular,
    });
    expect(refused.statusCode).toBe(403);

    const erased = await server.request({
      method: 'DELETE',
      url: `/api/v1/admin/privacy/visitor/${subject.visitorId}`,
      as: admin,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({
      removed: { conversations: 1, visitors: 1, persons: 1, dealsAnonymised: 1, mails: 1 },
    });
    expect(await grepDatabase()).toEqual([]);

    // The deal stays for the figures, without its person; the bystander keeps everything.
    const deal = await server.request({ url: `/api/v1/crm/deals/${subject.dealId}`, as: admin });
    expect(deal.json()).toMatchObject({ title: 'Deal (personal data deleted)' });
    const other = await server.request({
      url: `/api/v1/conversations/${bystander.conversationId}/messages`,
      as: admin,
    });
    expect(other.statusCode).toBe(200);
    expect(JSON.stringify(other.json())).toContain('Bruno Bystander');
    const again = await server.request({
      method: 'DELETE',
      url: `/api/v1/admin/privacy/visitor/${subject.visitorId}`,
      as: admin,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: { code: 'PRIVACY_SUBJECT_NOT_FOUND' } });

    const log = await server.request({ url: '/api/v1/admin/audit-log', as: admin });
    const items = log.json<{ items: { action: string; actorName: string; subjectId: string }[] }>().items;
    expect(items.slice(0, 2)).toMatchObject([
      { action: 'privacy.delete', actorName: 'Ada Admin', subjectId: subject.visitorId },
      { action: 'privacy.export', actorName: 'Ada Admin', subjectId: subject.visitorId },
    ]);
    expect((await server.request({ url: '/api/v1/admin/audit-log', as: regular })).statusCode).toBe(403);
  });
});
