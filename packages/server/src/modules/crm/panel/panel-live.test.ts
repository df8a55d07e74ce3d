import type { TAgentServerFrame, TConversationPanelDto, TCrmDealDto, TCrmNoteDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignedConversation, requestLiveChat, startChat } from '../../../security/security-fixtures';
import { startTestServer, TEST_ORIGIN, type TestServer, type TestUser } from '../../../test/harness';
import { createActivePlaybook, goOnline } from '../../../test/playbook-setup';
import { connectAgent, connectVisitor, type FrameClient } from '../../../test/visitor-client';

type Agent = FrameClient<TAgentServerFrame>;
const panelChanged = (conversationId: string) => (f: TAgentServerFrame) =>
  f.type === 'panel_changed' && f.conversationId === conversationId;

/**
 * Issue 15: a CRM record edited on its page (or by a colleague) reaches the side panels showing
 * it at once, over the socket: a `panel_changed` frame for each linked conversation, only to
 * users who may see that conversation (R14).
 */
describe('side panels follow their CRM records live', () => {
  let server: TestServer;
  let baseUrl: string;
  let alice: TestUser;
  let bob: TestUser;
  let playbook: { id: string; publicId: string };
  const sockets: Agent[] = [];

  const dealFromPanel = async (conversationId: string, as: TestUser) => {
    const draft = await server.request({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/panel`,
      as,
      payload: {
        value: null,
        expectedCloseDate: null,
        person: { name: 'Ana García', email: null, phone: null },
        organization: { name: null, address: null },
        notes: '',
      },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const res = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/panel/deal`,
      as,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    const panel = await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as });
    return panel.json<TConversationPanelDto>();
  };
  const connect = async (user: TestUser) => {
    const socket = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    const admin = await server.createUser('admin');
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    await goOnline(server, alice);
    playbook = await createActivePlaybook(server, admin);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await server.close();
  });

  it('tells everyone who may see a waiting chat when its deal changes on the deal page', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    await requestLiveChat(visitor, conversationId);
    const panel = await dealFromPanel(conversationId, alice);
    const deal = panel.linked?.deal as TCrmDealDto;
    const aliceSocket = await connect(alice);
    const bobSocket = await connect(bob);

    const res = await server.request({
      method: 'PATCH',
      url: `/api/v1/crm/deals/${deal.id}`,
      as: bob,
      payload: { version: deal.version, expectedCloseDate: '2027-01-15' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await aliceSocket.waitFor(panelChanged(conversationId));
    await bobSocket.waitFor(panelChanged(conversationId));
    // What the panel reads then is the deal as edited: one value in both places.
    const after = await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: alice });
    expect(after.json<TConversationPanelDto>().linked?.deal?.expectedCloseDate).toBe('2027-01-15');
    await visitor.client.close();
  });

  it('tells only the assignee when the chat is assigned, also for a note and a deleted person', async () => {
    const { visitor, conversationId } = await assignedConversation(server, baseUrl, playbook.publicId, alice);
    const panel = await dealFromPanel(conversationId, alice);
    const person = panel.linked?.person;
    expect(person).toBeTruthy();
    const aliceSocket = await connect(alice);
    const bobSocket = await connect(bob);

    const note = await server.request({
      method: 'POST',
      url: '/api/v1/crm/notes',
      as: bob,
      payload: {
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Called her' }] }],
        },
        personId: person?.id,
      },
    });
    expect(note.statusCode, note.body).toBe(201);
    await aliceSocket.waitFor(panelChanged(conversationId));
    aliceSocket.frames.length = 0;
    const deleted = await server.request({
      method: 'DELETE',
      url: `/api/v1/crm/notes/${note.json<TCrmNoteDto>().id}`,
      as: bob,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    await aliceSocket.waitFor(panelChanged(conversationId));
    aliceSocket.frames.length = 0;
    const gone = await server.request({
      method: 'DELETE',
      url: `/api/v1/crm/persons/${person?.id}`,
      as: bob,
    });
    expect(gone.statusCode, gone.body).toBe(204);
    await aliceSocket.waitFor(panelChanged(conversationId));

    // Bob may not see Alice's chat (R14): he never hears of it, though he made every change. A
    // change to a waiting chat's deal after them reaches him: the frames before it would have too.
    const waiting = await connectVisitor(baseUrl);
    const waitingId = await startChat(waiting, playbook.publicId);
    await requestLiveChat(waiting, waitingId);
    const deal = (await dealFromPanel(waitingId, bob)).linked?.deal as TCrmDealDto;
    await server.request({
      method: 'PATCH',
      url: `/api/v1/crm/deals/${deal.id}`,
      as: bob,
      payload: { version: deal.version, title: 'Seen by everyone' },
    });
    await bobSocket.waitFor(panelChanged(waitingId));
    expect(bobSocket.frames.filter(panelChanged(conversationId))).toEqual([]);
    await Promise.all([visitor.client.close(), waiting.client.close()]);
  });

  it('sends nothing for a refused change', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    await requestLiveChat(visitor, conversationId);
    const deal = (await dealFromPanel(conversationId, alice)).linked?.deal as TCrmDealDto;
    const aliceSocket = await connect(alice);
    const stale = await server.request({
      method: 'PATCH',
      url: `/api/v1/crm/deals/${deal.id}`,
      as: bob,
      payload: { version: deal.version + 5, title: 'Stale' },
    });
    expect(stale.statusCode).toBe(409);
    const wrong = await server.request({
      method: 'PATCH',
      url: `/api/v1/crm/deals/${deal.id}`,
      as: bob,
      payload: { version: deal.version, expectedCloseDate: 'tomorrow' },
    });
    expect(wrong.statusCode).toBe(422);
    // A later valid change is the first panel_changed this socket gets.
    await server.request({
      method: 'PATCH',
      url: `/api/v1/crm/deals/${deal.id}`,
      as: bob,
      payload: { version: deal.version, title: 'Valid' },
    });
    await aliceSocket.waitFor(panelChanged(conversationId));
    expect(aliceSocket.frames.filter(panelChanged(conversationId))).toHaveLength(1);
    await visitor.client.close();
  });
});
