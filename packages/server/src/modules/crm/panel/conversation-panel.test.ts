import type {
  TConversationPanelDto,
  TCrmLeadDto,
  TMessageDto,
  TPanelDealCreatedDto,
  TPanelLeadCreatedDto,
  TTimelineEvent,
  TVisitorServerFrame,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { createActivePlaybook, goOnline } from '../../../test/playbook-setup';
import { connectVisitor, newClientId } from '../../../test/visitor-client';
import { countCrmRows, crmClient, type ErrorResponse } from '../shared/crm.fixtures';

type Visitor = Awaited<ReturnType<typeof connectVisitor>>;

/** `refs`: other ones for a visitor's second chat (a frame client's waits see every earlier frame). */
async function startChatAndTalk(
  visitor: Visitor,
  publicId: string,
  refs = { start: 'r1', talk: 'talk' },
): Promise<string> {
  visitor.client.send({
    type: 'start',
    ref: refs.start,
    playbookId: publicId,
    startKey: newClientId(),
    context: { pageUrl: 'https://www.customer.example/pricing' },
  });
  const frame = await visitor.client.waitFor(
    (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
      f.type === 'conversation' && f.ref === refs.start,
  );
  const conversationId = frame.conversation.id;
  visitor.client.send({
    type: 'answer',
    ref: refs.talk,
    conversationId,
    clientMsgId: newClientId(),
    answer: { kind: 'button', optionId: 'talk' },
  });
  await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === refs.talk);
  return conversationId;
}

async function answerText(
  visitor: Visitor,
  conversationId: string,
  ref: string,
  text: string,
): Promise<void> {
  visitor.client.send({
    type: 'answer',
    ref,
    conversationId,
    clientMsgId: newClientId(),
    answer: { kind: 'text', text },
  });
  await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
}

const panelBody = (overrides: Record<string, unknown> = {}) => ({
  value: { amountMinor: 250000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  person: { name: 'Ana García', email: 'ana@example.com', phone: '+34 600 123 456' },
  organization: { name: 'Acme', address: 'Calle Mayor 1, Madrid' },
  notes: 'Wants 20 seats.\nCall after lunch.',
  ...overrides,
});

describe('conversation side panel', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let playbook: { id: string; publicId: string };

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    playbook = await createActivePlaybook(server, admin);
  });
  afterAll(() => server.close());

  /** The conversation's timeline events, each with the time it was recorded. */
  const timeline = async (
    conversationId: string,
    as: TestUser,
  ): Promise<(TTimelineEvent & { at: number })[]> => {
    const page = (
      await server.request({ url: `/api/v1/conversations/${conversationId}/messages`, as })
    ).json<{ items: TMessageDto[] }>();
    return page.items.flatMap((m) => (m.event ? [{ ...m.event, at: m.createdAt }] : []));
  };

  describe('after the bot captured a lead offline (closed conversation)', () => {
    let conversationId: string;

    beforeAll(async () => {
      const visitor = await connectVisitor(baseUrl);
      conversationId = await startChatAndTalk(visitor, playbook.publicId);
      await answerText(visitor, conversationId, 'name', 'Ana García');
      await answerText(visitor, conversationId, 'email', 'Ana@Example.com');
      await visitor.client.waitFor(
        (f) =>
          f.type === 'conversation' &&
          f.conversation.id === conversationId &&
          f.conversation.status === 'closed',
      );
      await visitor.client.close();
    });

    it('the bot’s end card created person, lead, activity and transcript note, linked to the conversation', async () => {
      const crm = crmClient(server, alice);
      const [lead] = (await crm.list<TCrmLeadDto>('leads', 'q=ana@example.com')).items;
      expect(lead).toMatchObject({
        source: 'chatbot',
        status: 'open',
        person: { name: 'Ana García' },
        conversationIds: [conversationId],
      });
      const person = (await crm.call('GET', `/api/v1/crm/persons/${lead?.person?.id ?? ''}`)).body;
      expect(person).toMatchObject({
        emails: ['ana@example.com'],
        source: 'chatbot',
        conversationIds: [conversationId],
      });
      expect((await crm.list('activities', `leadId=${lead?.id}`)).items).toEqual([
        expect.objectContaining({ type: 'email', source: 'chatbot' }),
      ]);
      const notes = (await crm.list('notes', `conversationId=${conversationId}`)).items;
      expect(JSON.stringify(notes[0]?.body)).toContain('Ana García');
      expect(await timeline(conversationId, alice)).toContainEqual(
        expect.objectContaining({ type: 'lead_created', leadId: lead?.id, byName: null }),
      );
    });

    it('pre-fills the never-saved panel from the captured variables', async () => {
      const res = await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: alice });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        conversationId,
        saved: false,
        person: { name: 'Ana García', email: 'ana@example.com', phone: null },
        organization: { name: null, address: null },
        value: null,
        notes: '',
        leads: [expect.objectContaining({ status: 'open' })],
        deals: [],
      });
    });

    it.each([
      ['a bad email', panelBody({ person: { name: 'A', email: 'nope', phone: null } })],
      ['a bad phone', panelBody({ person: { name: 'A', email: null, phone: 'abc' } })],
      ['a negative value', panelBody({ value: { amountMinor: -5, currency: 'EUR' } })],
      ['an unknown currency', panelBody({ value: { amountMinor: 5, currency: 'ABC' } })],
      ['a malformed date', panelBody({ expectedCloseDate: '30.06.2026' })],
      ['an unknown field', panelBody({ conversationId: 'x' })],
      ['notes of the wrong type', panelBody({ notes: ['x'] })],
    ])('refuses a panel with %s (422) and stores nothing', async (_label, payload) => {
      const before = await countCrmRows(server);
      const res = await server.request({
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/panel`,
        as: alice,
        payload,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect(await countCrmRows(server)).toEqual(before);
    });

    it('stays editable after the conversation was closed (R20); once a lead exists it shows and edits the lead, person and organization', async () => {
      const res = await server.request({
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/panel`,
        as: alice,
        payload: panelBody(),
      });
      expect(res.statusCode).toBe(200);
      const panel = res.json<TConversationPanelDto>();
      // The bot's lead exists: the panel shows its values, not the draft's (one source of truth).
      expect(panel).toMatchObject({
        saved: true,
        value: null,
        organization: { name: null },
        updatedBy: alice.id,
      });
      const lead = panel.linked?.lead;
      const person = panel.linked?.person;
      if (!lead || !person) throw new Error('the bot lead and person are linked');
      const crm = crmClient(server, alice);
      const org = (
        await crm.call('POST', '/api/v1/crm/organizations', {
          name: 'Acme',
          address: 'Calle Mayor 1, Madrid',
        })
      ).body as { id: string };
      const patched = await crm.call('PATCH', `/api/v1/crm/leads/${lead.id}`, {
        version: lead.version,
        value: { amountMinor: 250000, currency: 'EUR' },
        expectedCloseDate: '2026-06-30',
        organizationId: org.id,
      });
      expect(patched.status).toBe(200);
      await crm.call('PATCH', `/api/v1/crm/persons/${person.id}`, {
        version: person.version,
        phones: ['+34 600 123 456'],
      });
      const stale = await crm.call('PATCH', `/api/v1/crm/leads/${lead.id}`, {
        version: lead.version,
        value: { amountMinor: 1, currency: 'EUR' },
      });
      expect(stale.status).toBe(409);
      const again = await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: bob });
      expect(again.json()).toMatchObject({
        saved: true,
        value: { amountMinor: 250000, currency: 'EUR' },
        expectedCloseDate: '2026-06-30',
        person: { name: 'Ana García', phone: '+34600123456' },
        organization: { name: 'Acme', address: 'Calle Mayor 1, Madrid' },
        notes: 'Wants 20 seats.\nCall after lunch.',
        linked: { lead: { id: lead.id, version: lead.version + 1 } },
      });
    });

    it('refuses a second lead with 409 CRM_LEAD_EXISTS, and makes one on purpose with another=true', async () => {
      const before = await countCrmRows(server);
      const second = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/panel/lead`,
        as: alice,
        payload: {},
      });
      expect(second.statusCode).toBe(409);
      const refused = second.json<ErrorResponse>();
      expect(refused.error.code).toBe('CRM_LEAD_EXISTS');
      expect(typeof (refused.error.details as { leadId?: unknown }).leadId).toBe('string');
      expect(await countCrmRows(server)).toEqual(before);

      const another = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/panel/lead?another=true`,
        as: alice,
        payload: { title: 'Acme seats' },
      });
      expect(another.statusCode).toBe(201);
      const body = another.json<TPanelLeadCreatedDto>();
      expect(body.matched).toEqual({ person: true, organization: true });
      expect(body.lead).toMatchObject({
        title: 'Acme seats',
        source: 'live_chat',
        ownerId: alice.id,
        value: { amountMinor: 250000, currency: 'EUR' },
        expectedCloseDate: '2026-06-30',
        organization: { name: 'Acme' },
        conversationIds: [conversationId],
      });
      expect(body.panel.leads).toHaveLength(2);
      const person = (
        await crmClient(server, alice).call('GET', `/api/v1/crm/persons/${body.lead.person?.id ?? ''}`)
      ).body;
      expect(person).toMatchObject({
        emails: ['ana@example.com'],
        phones: ['+34600123456'],
        organization: { name: 'Acme' },
      });
      expect((await crmClient(server, alice).list('notes', `leadId=${body.lead.id}`)).items).toHaveLength(1);
    });

    it('creates a deal from the closed conversation in the default pipeline, with a timeline event', async () => {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/panel/deal`,
        as: alice,
        payload: {},
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<TPanelDealCreatedDto>();
      expect(body.matched).toEqual({ person: true, organization: true });
      expect(body.deal).toMatchObject({
        title: 'Acme deal',
        value: { amountMinor: 250000, currency: 'EUR' },
        status: 'open',
        source: 'live_chat',
        conversationIds: [conversationId],
      });
      const events = await timeline(conversationId, alice);
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'deal_created',
          dealId: body.deal.id,
          byName: 'Alice',
        }),
      );
      expect(events).toContainEqual(expect.objectContaining({ type: 'lead_created', byName: 'Alice' }));
      expect(events.every((e) => Number.isInteger(e.at) && e.at > 0)).toBe(true);
      const deals = (await crmClient(server, bob).list('deals', 'q=acme')).items.map((d) => d.id);
      expect(deals).toContain(body.deal.id);
    });

    it('titles a record it names in the company’s language (issue 23)', async () => {
      const company = { name: 'Acme', timeZone: 'UTC' };
      const setLanguage = (defaultLanguage: string) =>
        server.request({
          method: 'PUT',
          url: '/api/v1/settings/company',
          as: admin,
          payload: { ...company, defaultLanguage },
        });
      expect((await setLanguage('es')).statusCode).toBe(200);
      try {
        const res = await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/panel/deal?another=true`,
          as: alice,
          payload: {},
        });
        expect(res.statusCode).toBe(201);
        expect(res.json<TPanelDealCreatedDto>().deal.title).toBe('Oportunidad de Acme');
      } finally {
        await setLanguage('en');
      }
    });
  });

  it('createFromBot upserts the organization by name, creates a deal with an owner and an activity, and links them', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChatAndTalk(visitor, playbook.publicId);
    await visitor.client.close();
    const created = await server.charla.services.crm.createFromBot({
      conversationId,
      vars: { visitor_name: 'Bea Bot', visitor_phone: '+34 611 222 333', company_name: 'acme' },
      actions: {
        person: { mode: 'upsert_by_email_or_phone' },
        organization: { mode: 'upsert_by_name' },
        record: { kind: 'deal', title: 'Bot deal', value: { amountMinor: 1000, currency: 'USD' } },
        activity: { type: 'call', subject: 'Call Bea', dueInMinutes: 60 },
        owner: { strategy: 'fixed', userId: alice.id },
        saveTranscript: false,
      },
    });
    expect(created.organization).toMatchObject({ name: 'Acme', matched: true });
    expect(created.person).toMatchObject({
      name: 'Bea Bot',
      phones: ['+34611222333'],
      matched: false,
      source: 'chatbot',
    });
    expect(created.deal).toMatchObject({
      title: 'Bot deal',
      ownerId: alice.id,
      source: 'chatbot',
      value: { amountMinor: 1000, currency: 'USD' },
      conversationIds: [conversationId],
    });
    expect(created.activity).toMatchObject({ type: 'call', assigneeId: alice.id, dealId: created.deal?.id });
    expect(created.lead).toBeNull();
    expect(created.note).toBeNull();
    expect(await timeline(conversationId, admin)).toContainEqual(
      expect.objectContaining({ type: 'deal_created', dealId: created.deal?.id, byName: null }),
    );
  });

  describe('on an open conversation assigned to Alice', () => {
    let conversationId: string;
    let visitor: Visitor;

    beforeAll(async () => {
      await goOnline(server, alice);
      visitor = await connectVisitor(baseUrl);
      conversationId = await startChatAndTalk(visitor, playbook.publicId);
      await visitor.client.waitFor((f) => f.type === 'conversation' && f.conversation.status === 'waiting');
      const assigned = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/assign`,
        as: alice,
      });
      expect(assigned.statusCode).toBe(200);
    });
    afterAll(() => visitor.client.close());

    it('hides the panel from a user who cannot see the conversation, for reading and writing', async () => {
      const before = await countCrmRows(server);
      const read = await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: bob });
      expect(read.statusCode).toBe(404);
      expect(read.json()).toMatchObject({ error: { code: 'CONVERSATION_NOT_FOUND' } });
      const write = await server.request({
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/panel`,
        as: bob,
        payload: panelBody(),
      });
      expect(write.statusCode).toBe(404);
      for (const kind of ['lead', 'deal']) {
        const create = await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/panel/${kind}`,
          as: bob,
          payload: {},
        });
        expect(create.statusCode).toBe(404);
      }
      const note = await crmClient(server, bob).call('POST', '/api/v1/crm/notes', {
        body: { type: 'doc', content: [] },
        conversationId,
      });
      expect(note.body).toMatchObject({ error: { code: 'CRM_REFERENCE_NOT_FOUND' } });
      expect(await countCrmRows(server)).toEqual(before);
      expect(
        (await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: alice }))
          .statusCode,
      ).toBe(200);
    });

    it('creates a lead then a deal, matching person by email and organization by name case-insensitively; the conversation stays open', async () => {
      const panel = panelBody({
        person: { name: 'A. García', email: 'ANA@example.com', phone: null },
        organization: { name: 'ACME', address: null },
        notes: '',
      });
      const lead = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/panel/lead`,
        as: alice,
        payload: { panel },
      });
      expect(lead.statusCode).toBe(201);
      expect(lead.json()).toMatchObject({
        matched: { person: true, organization: true },
        lead: { person: { name: 'Ana García' }, organization: { name: 'Acme' } },
        panel: { saved: true },
      });
      const deal = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/panel/deal`,
        as: alice,
        payload: {},
      });
      expect(deal.statusCode).toBe(201);
      const conversation = await server.request({
        url: `/api/v1/conversations/${conversationId}`,
        as: alice,
      });
      expect(conversation.json()).toMatchObject({ status: 'assigned' });
      const types = (await timeline(conversationId, alice)).map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['lead_created', 'deal_created']));
      expect(
        visitor.client
          .messages(conversationId)
          .some((m) => m.event?.type === 'lead_created' || m.event?.type === 'deal_created'),
      ).toBe(false);
    });

    it('refuses an unknown conversation with 404', async () => {
      const res = await server.request({
        url: '/api/v1/conversations/01890000-0000-7000-8000-000000000000/panel',
        as: alice,
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('a returning visitor already linked to a CRM person', () => {
    const rosa = {
      person: { name: 'Rosa Vidal', email: 'rosa@vidal.example', phone: null },
      organization: { name: 'Vidal Instalaciones', address: null },
    };
    let visitor: Visitor;
    let lead: TCrmLeadDto;

    const conversation = async (id: string) =>
      (await server.request({ url: `/api/v1/conversations/${id}`, as: admin })).json<{
        visitor: { displayName: string; email: string | null };
      }>();
    const panelOf = async (id: string) =>
      (
        await server.request({ url: `/api/v1/conversations/${id}/panel`, as: admin })
      ).json<TConversationPanelDto>();

    beforeAll(async () => {
      await goOnline(server, admin);
      visitor = await connectVisitor(baseUrl);
      const first = await startChatAndTalk(visitor, playbook.publicId);
      await server.request({ method: 'POST', url: `/api/v1/conversations/${first}/assign`, as: admin });
      const saved = await server.request({
        method: 'PUT',
        url: `/api/v1/conversations/${first}/panel`,
        as: admin,
        payload: panelBody(rosa),
      });
      expect(saved.statusCode).toBe(200);
      const created = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${first}/panel/lead`,
        as: admin,
        payload: {},
      });
      lead = created.json<TPanelLeadCreatedDto>().lead;
      await server.request({ method: 'POST', url: `/api/v1/conversations/${first}/close`, as: admin });
    });
    afterAll(() => visitor.client.close());

    it('starts their next conversation with that person, organization and open lead', async () => {
      const next = await startChatAndTalk(visitor, playbook.publicId, { start: 'r2', talk: 'talk2' });
      expect((await conversation(next)).visitor).toMatchObject({
        displayName: 'Rosa Vidal',
        email: 'rosa@vidal.example',
      });
      const panel = await panelOf(next);
      expect(panel.linked).toMatchObject({
        person: { name: 'Rosa Vidal' },
        organization: { name: 'Vidal Instalaciones' },
        lead: { id: lead.id },
      });
      expect(panel.person).toMatchObject({ name: 'Rosa Vidal', email: 'rosa@vidal.example' });
      // The lead is this chat's too: a second "Create lead" names it instead of duplicating it.
      const again = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${next}/panel/lead`,
        as: admin,
        payload: {},
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        error: { code: 'CRM_LEAD_EXISTS', details: { leadId: lead.id } },
      });
    });

    it('never links another visitor to the person', async () => {
      const stranger = await connectVisitor(baseUrl);
      const other = await startChatAndTalk(stranger, playbook.publicId);
      await stranger.client.close();
      expect((await conversation(other)).visitor.displayName).toMatch(/^Visitor #\d+$/);
      const panel = await panelOf(other);
      expect(panel.linked).toBeNull();
      expect(panel.person.name).toBeNull();
    });
  });
});
