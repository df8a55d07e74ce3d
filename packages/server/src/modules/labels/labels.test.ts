import type {
  TConversationDto,
  TConversationSearchResult,
  TLabelChip,
  TLabelDto,
  TPage,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ORIGIN, type TestServer, type TestUser } from '../../test/harness';
import { connectAgent, newClientId, text } from '../../test/visitor-client';
import { seedConversation } from '../search/search.fixtures';

describe('conversation labels (issue 16 item 3)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  const ids: Record<string, string> = {};

  const createLabel = async (name: string, color: string, as = admin) =>
    server.request({ method: 'POST', url: '/api/v1/admin/labels', payload: { name, color }, as });
  const label = async (as: TestUser, conversationId: string, labelId: string) =>
    server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/labels`,
      payload: { labelId },
      as,
    });
  const folder = async (as: TestUser, query: string) => {
    const res = await server.request({ url: `/api/v1/conversations?${query}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TPage<TConversationDto>>().items;
  };
  const listLabels = async () =>
    (await server.request({ url: '/api/v1/labels', as: alice })).json<TLabelDto[]>();

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Admin');
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    ids.waiting = await seedConversation(server, { messages: ['hello zebra'], status: 'waiting' });
    ids.other = await seedConversation(server, { messages: ['hello zebra too'], status: 'waiting' });
    ids.alices = await seedConversation(server, {
      messages: ['zebra order'],
      status: 'assigned',
      assigneeId: alice.id,
    });
    ids.bobs = await seedConversation(server, {
      messages: ['zebra secret'],
      status: 'assigned',
      assigneeId: bob.id,
    });
    ids.closed = await seedConversation(server, { messages: ['old zebra'], status: 'closed' });
  }, 120_000);
  afterAll(() => server.close());

  it('lets admins create, rename and recolour labels; everyone lists them by name', async () => {
    const vip = await createLabel('VIP', 'amber');
    expect(vip.statusCode, vip.body).toBe(201);
    ids.vip = vip.json<TLabelDto>().id;
    const billing = await createLabel('  Billing  ', 'blue');
    expect(billing.json<TLabelDto>()).toMatchObject({ name: 'Billing', color: 'blue' });
    ids.billing = billing.json<TLabelDto>().id;
    const renamed = await server.request({
      method: 'PUT',
      url: `/api/v1/admin/labels/${ids.billing}`,
      payload: { name: 'Invoices', color: 'green' },
      as: admin,
    });
    expect(renamed.json<TLabelDto>()).toMatchObject({ id: ids.billing, name: 'Invoices', color: 'green' });
    // Same name, other case, on itself: a rename to "vip" of VIP is allowed.
    const recased = await server.request({
      method: 'PUT',
      url: `/api/v1/admin/labels/${ids.vip}`,
      payload: { name: 'VIP', color: 'red' },
      as: admin,
    });
    expect(recased.statusCode).toBe(200);
    expect((await listLabels()).map((l) => [l.name, l.color])).toEqual([
      ['Invoices', 'green'],
      ['VIP', 'red'],
    ]);
  });

  it.each([
    ['a regular user creating', 'regular', { name: 'Nope', color: 'red' }, 403, 'FORBIDDEN'],
    ['a duplicate name in another case', 'admin', { name: 'vip', color: 'red' }, 409, 'LABEL_NAME_TAKEN'],
    ['an unknown colour', 'admin', { name: 'Teal-ish', color: '#00ffaa' }, 422, 'LABEL_COLOR_UNKNOWN'],
    ['a name of 41 characters', 'admin', { name: 'x'.repeat(41), color: 'red' }, 422, 'VALIDATION_FAILED'],
    ['an empty name', 'admin', { name: '   ', color: 'red' }, 422, 'VALIDATION_FAILED'],
    ['an unknown field', 'admin', { name: 'A', color: 'red', extra: 1 }, 422, 'VALIDATION_FAILED'],
  ])('refuses %s and changes nothing', async (_case, role, payload, status, code) => {
    const before = await listLabels();
    const as = role === 'admin' ? admin : alice;
    const res = await server.request({ method: 'POST', url: '/api/v1/admin/labels', payload, as });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ error: { code } });
    expect(await listLabels()).toEqual(before);
  });

  it('answers LABEL_NOT_FOUND for updating or deleting a label that does not exist', async () => {
    const missing = '01900000-0000-7000-8000-0000000000ff';
    const put = await server.request({
      method: 'PUT',
      url: `/api/v1/admin/labels/${missing}`,
      payload: { name: 'Ghost', color: 'red' },
      as: admin,
    });
    expect(put.json()).toMatchObject({ error: { code: 'LABEL_NOT_FOUND' } });
    const del = await server.request({ method: 'DELETE', url: `/api/v1/admin/labels/${missing}`, as: admin });
    expect(del.statusCode).toBe(404);
  });

  it('labels a chat the user may see, live for other open inboxes, idempotently', async () => {
    const bobsInbox = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
    try {
      const res = await label(alice, ids.waiting as string, ids.vip as string);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ labels: TLabelChip[] }>().labels.map((l) => l.name)).toEqual(['VIP']);
      const frame = await bobsInbox.waitFor(
        (f) =>
          f.type === 'conversation' &&
          f.conversation.id === ids.waiting &&
          f.conversation.labels.length === 1,
      );
      expect(frame.type === 'conversation' && frame.conversation.labels[0]).toMatchObject({ name: 'VIP' });
      const again = await label(alice, ids.waiting as string, ids.vip as string);
      expect(again.json<{ labels: TLabelChip[] }>().labels).toHaveLength(1);
    } finally {
      await bobsInbox.close();
    }
    // Closed chats stay labelable (a label is no message: R20 holds).
    expect((await label(alice, ids.closed as string, ids.billing as string)).statusCode).toBe(200);
    expect((await label(alice, ids.alices as string, ids.vip as string)).statusCode).toBe(200);
    const [detail] = await folder(alice, 'folder=mine');
    expect(detail?.labels.map((l) => l.name)).toEqual(['VIP']);
  });

  it('never labels or shows another user’s assigned chat (R14), admins included', async () => {
    expect((await label(bob, ids.bobs as string, ids.vip as string)).statusCode).toBe(200);
    for (const as of [alice, admin]) {
      const res = await label(as, ids.bobs as string, ids.billing as string);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'CONVERSATION_NOT_FOUND' } });
      const off = await server.request({
        method: 'DELETE',
        url: `/api/v1/conversations/${ids.bobs}/labels/${ids.vip}`,
        as,
      });
      expect(off.statusCode).toBe(404);
    }
    const seen = await server.request({ url: `/api/v1/conversations/${ids.bobs}`, as: bob });
    expect(seen.json<TConversationDto>().labels.map((l) => l.name)).toEqual(['VIP']);
    for (const f of ['unassigned', 'mine', 'closed']) {
      const items = await folder(alice, `folder=${f}&label=${ids.vip}`);
      expect(items.map((c) => c.id)).not.toContain(ids.bobs);
    }
    const found = await server.request({
      url: `/api/v1/search/conversations?q=zebra&label=${ids.vip}`,
      as: alice,
    });
    expect(
      found
        .json<TConversationSearchResult>()
        .items.map((i) => i.conversation.id)
        .sort(),
    ).toEqual([ids.waiting, ids.alices].sort());
  });

  it('filters every folder and the search by label', async () => {
    expect((await folder(alice, `folder=unassigned&label=${ids.vip}`)).map((c) => c.id)).toEqual([
      ids.waiting,
    ]);
    expect((await folder(alice, `folder=mine&label=${ids.vip}`)).map((c) => c.id)).toEqual([ids.alices]);
    expect((await folder(alice, `folder=closed&label=${ids.billing}`)).map((c) => c.id)).toEqual([
      ids.closed,
    ]);
    expect(await folder(alice, `folder=closed&label=${ids.vip}`)).toEqual([]);
    expect((await folder(alice, 'folder=unassigned')).map((c) => c.id)).toContain(ids.other);
    const search = await server.request({
      url: `/api/v1/search/conversations?q=zebra&folder=closed&label=${ids.billing}`,
      as: alice,
    });
    expect(search.json<TConversationSearchResult>().items.map((i) => i.conversation.id)).toEqual([
      ids.closed,
    ]);
  });

  it.each([
    ['the folder list', '/api/v1/conversations?folder=unassigned&label=nope'],
    ['the search', '/api/v1/search/conversations?q=zebra&label=nope'],
  ])('answers 422 LABEL_UNKNOWN for an unknown label in %s', async (_where, url) => {
    const res = await server.request({ url, as: alice });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'LABEL_UNKNOWN' } });
  });

  it('refuses an unknown label and an 11th label on one chat, changing nothing', async () => {
    const unknown = await label(alice, ids.other as string, 'nope');
    expect(unknown.json()).toMatchObject({ error: { code: 'LABEL_UNKNOWN' } });
    const extra: string[] = [];
    for (let i = 0; i < 10; i += 1) extra.push((await createLabel(`Tag ${i}`, 'gray')).json<TLabelDto>().id);
    for (const id of extra) expect((await label(alice, ids.other as string, id)).statusCode).toBe(200);
    const full = await label(alice, ids.other as string, ids.vip as string);
    expect(full.statusCode).toBe(422);
    expect(full.json()).toMatchObject({ error: { code: 'LABEL_LIMIT_REACHED' } });
    const [row] = (await folder(alice, `folder=unassigned&label=${extra[0]}`)).filter(
      (c) => c.id === ids.other,
    );
    expect(row?.labels).toHaveLength(10);
    expect(row?.labels.map((l) => l.name)).not.toContain('VIP');
  });

  it('filters the reports by label from the per-conversation facts (422 LABEL_UNKNOWN for none)', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const volume = async (extra: string) => {
      const res = await server.request({
        url: `/api/v1/reports/volume?from=${day}&to=${day}&timeZone=UTC${extra}`,
        as: admin,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ totals: { started: number } }>().totals.started;
    };
    const all = await volume('');
    expect(all).toBeGreaterThanOrEqual(5);
    // VIP: the waiting chat, Alice's and Bob's (a report counts, it shows no conversation).
    expect(await volume(`&labelId=${ids.vip}`)).toBe(3);
    expect(await volume(`&labelId=${ids.billing}`)).toBe(1);
    const listed = await server.request({
      url: `/api/v1/reports/conversations?from=${day}&to=${day}&timeZone=UTC&figure=started&labelId=${ids.billing}`,
      as: admin,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    const unknown = await server.request({
      url: `/api/v1/reports/outcomes?from=${day}&to=${day}&labelId=nope`,
      as: admin,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: { code: 'LABEL_UNKNOWN' } });
  });

  it('copies the chat’s labels to a lead created from its side panel, by name', async () => {
    const res = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${ids.closed}/panel/lead`,
      as: alice,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ lead: { labels: string[] } }>().lead.labels).toEqual(['Invoices']);
    const deal = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${ids.closed}/panel/deal`,
      as: alice,
      payload: {},
    });
    expect(deal.statusCode, deal.body).toBe(201);
  });

  it('shows each message’s chat with its labels as they are now: added, renamed, removed (issue 25)', async () => {
    const chat = await seedConversation(server, {
      messages: ['hi'],
      status: 'assigned',
      assigneeId: alice.id,
    });
    const shown: TConversationDto[] = [];
    const off = server.charla.services.events.on('message.created', ({ conversation }) => {
      if (conversation.id === chat) shown.push(conversation);
    });
    const labelsOfNextMessage = async () => {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${chat}/messages`,
        as: alice,
        payload: { clientMsgId: newClientId(), body: text('hello') },
      });
      expect(res.statusCode, res.body).toBe(201);
      return shown.at(-1)?.labels.map((l) => l.name);
    };
    const rename = (id: string, name: string) =>
      server.request({
        method: 'PUT',
        url: `/api/v1/admin/labels/${id}`,
        payload: { name, color: 'teal' },
        as: admin,
      });
    try {
      expect(await labelsOfNextMessage()).toEqual([]);
      const lead = (await createLabel('Lead', 'green')).json<TLabelDto>();
      expect((await label(alice, chat, lead.id)).statusCode).toBe(200);
      expect(await labelsOfNextMessage()).toEqual(['Lead']);
      expect((await rename(lead.id, 'Hot lead')).statusCode).toBe(200);
      expect(await labelsOfNextMessage()).toEqual(['Hot lead']);
      const detach = `/api/v1/conversations/${chat}/labels/${lead.id}`;
      expect((await server.request({ method: 'DELETE', url: detach, as: alice })).statusCode).toBe(200);
      expect(await labelsOfNextMessage()).toEqual([]);
      expect((await label(alice, chat, lead.id)).statusCode).toBe(200);
      expect(await labelsOfNextMessage()).toEqual(['Hot lead']);
      const del = await server.request({
        method: 'DELETE',
        url: `/api/v1/admin/labels/${lead.id}`,
        as: admin,
      });
      expect(del.statusCode).toBe(204);
      expect(await labelsOfNextMessage()).toEqual([]);
    } finally {
      off();
    }
  });

  it('deletes a label from every conversation carrying it and tells open inboxes', async () => {
    const alicesInbox = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
    try {
      const del = await server.request({
        method: 'DELETE',
        url: `/api/v1/admin/labels/${ids.vip}`,
        as: admin,
      });
      expect(del.statusCode).toBe(204);
      await alicesInbox.waitFor(
        (f) =>
          f.type === 'conversation' &&
          f.conversation.id === ids.waiting &&
          f.conversation.labels.length === 0,
      );
    } finally {
      await alicesInbox.close();
    }
    const mine = await folder(alice, 'folder=mine');
    expect(mine.find((c) => c.id === ids.alices)?.labels).toEqual([]);
    const filtered = await server.request({
      url: `/api/v1/conversations?folder=mine&label=${ids.vip}`,
      as: alice,
    });
    expect(filtered.json()).toMatchObject({ error: { code: 'LABEL_UNKNOWN' } });
    const off = await server.request({
      method: 'DELETE',
      url: `/api/v1/conversations/${ids.alices}/labels/${ids.vip}`,
      as: alice,
    });
    expect(off.json()).toMatchObject({ error: { code: 'LABEL_NOT_FOUND' } });
  });
});
