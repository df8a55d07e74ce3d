import {
  playbookTemplates,
  toPlainText,
  type TCrmActivityDto,
  type TCrmDealDto,
  type TCrmLeadDto,
  type TCrmNoteDto,
  type TCrmOrganizationDto,
  type TCrmPersonDto,
  type TLanguage,
  type TMessageDto,
  type TPlaybookDocument,
  type TVisitorAnswer,
  type TVisitorConversationDto,
  type TVisitorServerFrame,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor, newClientId, text } from '../../test/visitor-client';

// Issue 4 acceptance: the Lead qualification and Contact capture templates, driven end to end
// over the real visitor WebSocket in both languages, through every pathway, down to the CRM items
// their end cards create.

const clock = createFakeClock();
const DAY_MS = 24 * 60 * 60_000;

type TemplateId = 'lead_qualification' | 'contact_capture';
type Visitor = Awaited<ReturnType<typeof connectVisitor>>;
type Page<T> = { items: T[]; nextCursor: string | null };

/** A node of the shipped template, looked up by id, so the test reads the texts the visitor sees. */
function nodeOf<T extends TPlaybookDocument['flow']['nodes'][number]['type']>(
  doc: TPlaybookDocument,
  id: string,
  type: T,
): Extract<TPlaybookDocument['flow']['nodes'][number], { type: T }> {
  const node = doc.flow.nodes.find((n) => n.id === id);
  if (node?.type !== type) throw new Error(`template has no ${type} node ${id}`);
  return node as Extract<TPlaybookDocument['flow']['nodes'][number], { type: T }>;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '');
}

function errorOf(doc: TPlaybookDocument, id: string): string {
  const validation = nodeOf(doc, id, 'capture').validation;
  if (validation.kind === 'none') throw new Error(`${id} does not validate`);
  return validation.errorMessage;
}

function closingOf(doc: TPlaybookDocument, id: string, vars: Record<string, string>): string {
  const closing = nodeOf(doc, id, 'end').closingMessage;
  if (!closing) throw new Error(`${id} has no closing message`);
  return fill(toPlainText(closing), vars);
}

/** One visitor talking to the bot: every reply waits for the bot's next prompt (or error bubble). */
class BotChat {
  private refs = 0;
  private lastSeq = 0;

  private constructor(
    readonly visitor: Visitor,
    readonly conversationId: string,
  ) {}

  static async start(baseUrl: string, publicId: string, language: TLanguage): Promise<BotChat> {
    const visitor = await connectVisitor(baseUrl);
    visitor.client.send({
      type: 'start',
      ref: 'start',
      playbookId: publicId,
      startKey: newClientId(),
      context: { pageUrl: 'https://www.customer.example/pricing', language, timeZone: 'Europe/Madrid' },
    });
    const frame = await visitor.client.waitFor(
      (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
        f.type === 'conversation' && f.ref === 'start',
    );
    return new BotChat(visitor, frame.conversation.id);
  }

  /** The next bot message after the visitor's last reply that asks for something. */
  async prompt(): Promise<TMessageDto> {
    const after = this.lastSeq;
    const frame = await this.visitor.client.waitFor(
      (f) =>
        f.type === 'message' &&
        f.message.conversationId === this.conversationId &&
        f.message.seq > after &&
        f.message.author.kind === 'bot' &&
        f.message.interaction !== null,
    );
    if (frame.type !== 'message') throw new Error('unreachable');
    return frame.message;
  }

  /** The error bubble the bot answers an invalid capture with. */
  async validationError(): Promise<TMessageDto> {
    const after = this.lastSeq;
    const frame = await this.visitor.client.waitFor(
      (f) =>
        f.type === 'message' &&
        f.message.conversationId === this.conversationId &&
        f.message.seq > after &&
        f.message.isError,
    );
    if (frame.type !== 'message') throw new Error('unreachable');
    return frame.message;
  }

  private async acked(ref: string): Promise<void> {
    const ack = await this.visitor.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
    if (ack.type !== 'ack') throw new Error('unreachable');
    this.lastSeq = ack.message.seq;
  }

  async type(value: string): Promise<void> {
    const ref = `t${(this.refs += 1)}`;
    this.visitor.client.send({
      type: 'send',
      ref,
      conversationId: this.conversationId,
      clientMsgId: newClientId(),
      body: text(value),
    });
    await this.acked(ref);
  }

  async answer(answer: TVisitorAnswer): Promise<void> {
    const ref = `a${(this.refs += 1)}`;
    this.visitor.client.send({
      type: 'answer',
      ref,
      conversationId: this.conversationId,
      clientMsgId: newClientId(),
      answer,
    });
    await this.acked(ref);
  }

  /** The conversation's end; its state frame follows the messages before it, the bot's closing one too. */
  async ended(): Promise<TVisitorConversationDto> {
    const frame = await this.visitor.client.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === this.conversationId &&
        f.conversation.outcome !== null,
    );
    if (frame.type !== 'conversation') throw new Error('unreachable');
    return frame.conversation;
  }

  /** Plain texts of the bot's messages so far. */
  botTexts(): string[] {
    return this.visitor.client
      .messages(this.conversationId)
      .filter((m) => m.author.kind === 'bot')
      .map((m) => toPlainText(m.body));
  }
}

describe.each<TLanguage>(['en', 'es'])('playbook templates over the visitor WebSocket (%s)', (language) => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  const playbooks: Partial<Record<TemplateId, string>> = {};
  let run = 0;

  /** Unique per pathway, so each pathway's CRM items are found on their own. */
  function identity(label: string) {
    run += 1;
    const tag = `${language}${run}${label}`;
    return { name: `Visitor ${tag}`, email: `visitor.${tag}@example.com`.toLowerCase() };
  }

  async function get<T>(url: string): Promise<T> {
    const res = await server.request({ url, as: admin });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<T>();
  }

  async function personByEmail(email: string): Promise<TCrmPersonDto> {
    const page = await get<Page<TCrmPersonDto>>(`/api/v1/crm/persons?q=${encodeURIComponent(email)}`);
    expect(page.items).toHaveLength(1);
    return page.items[0] as TCrmPersonDto;
  }

  async function crmOf(person: TCrmPersonDto, conversationId: string) {
    const [leads, deals, activities, notes] = await Promise.all([
      get<Page<TCrmLeadDto>>(`/api/v1/crm/leads?personId=${person.id}`),
      get<Page<TCrmDealDto>>(`/api/v1/crm/deals?personId=${person.id}`),
      get<Page<TCrmActivityDto>>(`/api/v1/crm/activities?personId=${person.id}`),
      get<Page<TCrmNoteDto>>(`/api/v1/crm/notes?conversationId=${conversationId}`),
    ]);
    return { leads: leads.items, deals: deals.items, activities: activities.items, notes: notes.items };
  }

  /** The conversation's timeline as the team sees it. */
  async function timeline(conversationId: string) {
    const page = await get<{ items: TMessageDto[] }>(`/api/v1/conversations/${conversationId}/messages`);
    return page.items.flatMap((m) => (m.event ? [m.event] : []));
  }

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    for (const templateId of ['lead_qualification', 'contact_capture'] as const)
      playbooks[templateId] = (await createActivePlaybook(server, admin, { templateId, language })).publicId;
  });
  afterAll(() => server.close());

  describe('Lead qualification', () => {
    const doc = playbookTemplates.lead_qualification.build(language);
    const question = nodeOf(doc, 'team_size', 'question');
    const options = question.answer.kind === 'buttons' ? question.answer.options : [];
    const labelOf = (id: string) => options.find((o) => o.id === id)?.label ?? '';

    /** Greeting → name → email (one invalid try first) → company → team size button. */
    async function qualify(teamSize: string, who: { name: string; email: string }, company: string) {
      const chat = await BotChat.start(baseUrl, playbooks.lead_qualification as string, language);
      const askName = await chat.prompt();
      expect(askName.interaction).toMatchObject({ kind: 'input', field: 'name', skippable: false });
      expect(chat.botTexts()[0]).toBe(toPlainText(nodeOf(doc, 'greeting', 'message').content));
      await chat.type(who.name);

      const askEmail = await chat.prompt();
      expect(askEmail.interaction).toMatchObject({ kind: 'input', field: 'email', skippable: false });
      expect(toPlainText(askEmail.body)).toBe(
        fill(toPlainText(nodeOf(doc, 'ask_email', 'capture').prompt), { visitor_name: who.name }),
      );
      await chat.type('not-an-email');
      expect(toPlainText((await chat.validationError()).body)).toBe(errorOf(doc, 'ask_email'));
      expect((await chat.prompt()).interaction).toMatchObject({ kind: 'input', field: 'email' });
      await chat.type(who.email.toUpperCase());

      expect((await chat.prompt()).interaction).toMatchObject({ kind: 'input', field: 'company' });
      await chat.type(company);

      const ask = await chat.prompt();
      expect(ask.interaction).toEqual({
        kind: 'buttons',
        options: options.map((o) => ({ id: o.id, label: o.label })),
      });
      await chat.answer({ kind: 'button', optionId: teamSize });
      return chat;
    }

    it('disqualifies a small team: a person only, no lead, deal, activity or transcript', async () => {
      const who = identity('small');
      const company = `Tiny ${who.name}`;
      const chat = await qualify('small', who, company);
      const ended = await chat.ended();
      expect(ended).toMatchObject({ outcome: 'disqualified', status: 'closed', botAwaitingInput: false });
      expect(chat.botTexts()).toContain(
        closingOf(doc, 'end_disqualified', { visitor_name: who.name, visitor_email: who.email }),
      );

      const person = await personByEmail(who.email);
      expect(person).toMatchObject({
        name: who.name,
        emails: [who.email],
        organization: null,
        source: 'chatbot',
      });
      expect(person.conversationIds).toContain(chat.conversationId);
      const crm = await crmOf(person, chat.conversationId);
      expect(crm).toEqual({ leads: [], deals: [], activities: [], notes: [] });
      const orgs = await get<Page<TCrmOrganizationDto>>(
        `/api/v1/crm/organizations?q=${encodeURIComponent(company)}`,
      );
      expect(orgs.items).toEqual([]);

      const events = await timeline(chat.conversationId);
      expect(events).toContainEqual({ type: 'bot_ended', outcome: 'disqualified' });
      expect(events.some((e) => e.type === 'lead_created' || e.type === 'deal_created')).toBe(false);
      await chat.visitor.client.close();
    });

    it('turns a mid-size team into a lead with its organization, activity and transcript', async () => {
      const who = identity('medium');
      const company = `Mid ${who.name}`;
      const chat = await qualify('medium', who, company);
      expect(await chat.ended()).toMatchObject({ outcome: 'qualified', status: 'closed' });
      const vars = { visitor_name: who.name, visitor_email: who.email, company_name: company };
      expect(chat.botTexts()).toContain(closingOf(doc, 'end_lead', vars));

      const person = await personByEmail(who.email);
      expect(person).toMatchObject({ name: who.name, emails: [who.email], source: 'chatbot' });
      expect(person.organization?.name).toBe(company);
      const orgs = await get<Page<TCrmOrganizationDto>>(
        `/api/v1/crm/organizations?q=${encodeURIComponent(company)}`,
      );
      expect(orgs.items).toHaveLength(1);
      expect(orgs.items[0]).toMatchObject({ name: company, source: 'chatbot' });
      expect(orgs.items[0]?.conversationIds).toContain(chat.conversationId);

      const crm = await crmOf(person, chat.conversationId);
      const end = nodeOf(doc, 'end_lead', 'end');
      const record = end.crm.record;
      const title = fill(record.kind === 'lead' ? record.titleTemplate : '', {
        ...vars,
        team_size: labelOf('medium'),
      });
      expect(crm.deals).toEqual([]);
      expect(crm.leads).toHaveLength(1);
      const lead = crm.leads[0] as TCrmLeadDto;
      expect(lead).toMatchObject({
        title,
        source: 'chatbot',
        status: 'open',
        person: { id: person.id },
        organization: { id: orgs.items[0]?.id },
        ownerId: null,
      });
      expect(lead.conversationIds).toContain(chat.conversationId);

      expect(crm.activities).toHaveLength(1);
      expect(crm.activities[0]).toMatchObject({
        type: 'email',
        subject: fill(end.crm.activity?.subjectTemplate ?? '', vars),
        leadId: lead.id,
        dealId: null,
        personId: person.id,
        done: false,
        dueAt: clock.now() + DAY_MS,
      });

      expect(crm.notes).toHaveLength(1);
      const note = crm.notes[0] as TCrmNoteDto;
      expect(note).toMatchObject({ leadId: lead.id, personId: person.id, authorId: null });
      const transcript = toPlainText(note.body);
      expect(transcript).toContain(who.name);
      expect(transcript).toContain(company);
      expect(transcript).toContain(labelOf('medium'));

      const events = await timeline(chat.conversationId);
      expect(events).toContainEqual({ type: 'lead_created', leadId: lead.id, title, byName: null });
      expect(events).toContainEqual({ type: 'bot_ended', outcome: 'qualified' });
      expect(events.some((e) => e.type === 'deal_created')).toBe(false);
      // The team's CRM events stay internal: the visitor never sees them.
      expect(
        chat.visitor.client.messages(chat.conversationId).some((m) => m.event?.type === 'lead_created'),
      ).toBe(false);
      await chat.visitor.client.close();
    });

    it.each(['large', 'enterprise'])(
      'turns a %s team into a deal in the default pipeline, reusing a known organization',
      async (teamSize) => {
        const first = identity(`${teamSize}a`);
        const company = `Big ${first.name}`;
        const chats: BotChat[] = [];
        const second = identity(`${teamSize}b`);
        for (const who of [first, second]) {
          const chat = await qualify(teamSize, who, company);
          expect(await chat.ended()).toMatchObject({ outcome: 'qualified', status: 'closed' });
          chats.push(chat);
        }
        // Two visitors from the same company: one organization, matched by name.
        const orgs = await get<Page<TCrmOrganizationDto>>(
          `/api/v1/crm/organizations?q=${encodeURIComponent(company)}`,
        );
        expect(orgs.items).toHaveLength(1);
        expect(orgs.items[0]?.conversationIds.sort()).toEqual(chats.map((c) => c.conversationId).sort());

        const end = nodeOf(doc, 'end_deal', 'end');
        for (const [i, who] of [first, second].entries()) {
          const chat = chats[i] as BotChat;
          const vars = { visitor_name: who.name, visitor_email: who.email, company_name: company };
          expect(chat.botTexts()).toContain(closingOf(doc, 'end_deal', vars));
          const person = await personByEmail(who.email);
          expect(person.organization?.id).toBe(orgs.items[0]?.id);
          const crm = await crmOf(person, chat.conversationId);
          expect(crm.leads).toEqual([]);
          expect(crm.deals).toHaveLength(1);
          const deal = crm.deals[0] as TCrmDealDto;
          const title = fill(end.crm.record.kind === 'deal' ? end.crm.record.titleTemplate : '', {
            ...vars,
            team_size: labelOf(teamSize),
          });
          expect(deal).toMatchObject({
            title,
            source: 'chatbot',
            status: 'open',
            person: { id: person.id },
            organization: { id: orgs.items[0]?.id },
            leadId: null,
          });
          expect(deal.conversationIds).toEqual([chat.conversationId]);
          expect(crm.activities).toHaveLength(1);
          expect(crm.activities[0]).toMatchObject({ type: 'email', dealId: deal.id, leadId: null });
          expect(crm.notes).toHaveLength(1);
          expect(crm.notes[0]).toMatchObject({ dealId: deal.id, leadId: null });

          const events = await timeline(chat.conversationId);
          expect(events).toContainEqual({ type: 'deal_created', dealId: deal.id, title, byName: null });
          expect(events).toContainEqual({ type: 'bot_ended', outcome: 'qualified' });
          expect(events.some((e) => e.type === 'lead_created')).toBe(false);
          await chat.visitor.client.close();
        }
      },
    );

    it('refuses a skip on a required capture and a button that is not offered', async () => {
      const who = identity('refuse');
      const chat = await BotChat.start(baseUrl, playbooks.lead_qualification as string, language);
      await chat.prompt();
      chat.visitor.client.send({
        type: 'answer',
        ref: 'bad-skip',
        conversationId: chat.conversationId,
        clientMsgId: newClientId(),
        answer: { kind: 'skip' },
      });
      expect(
        await chat.visitor.client.waitFor((f) => f.type === 'error' && f.ref === 'bad-skip'),
      ).toMatchObject({ code: 'ANSWER_NOT_EXPECTED' });
      await chat.type(who.name);
      await chat.prompt();
      chat.visitor.client.send({
        type: 'answer',
        ref: 'bad-button',
        conversationId: chat.conversationId,
        clientMsgId: newClientId(),
        answer: { kind: 'button', optionId: 'enterprise' },
      });
      expect(
        await chat.visitor.client.waitFor((f) => f.type === 'error' && f.ref === 'bad-button'),
      ).toMatchObject({ code: 'ANSWER_NOT_EXPECTED' });
      // Still waiting for the email, nothing ended.
      await chat.type(who.email);
      expect((await chat.prompt()).interaction).toMatchObject({ field: 'company' });
      await chat.visitor.client.close();
    });
  });

  describe('Contact capture', () => {
    const doc = playbookTemplates.contact_capture.build(language);
    const end = nodeOf(doc, 'end_contact', 'end');

    /** Greeting → name → email (one invalid try first) → the optional phone prompt. */
    async function upToPhone(who: { name: string; email: string }) {
      const chat = await BotChat.start(baseUrl, playbooks.contact_capture as string, language);
      expect((await chat.prompt()).interaction).toMatchObject({ kind: 'input', field: 'name' });
      expect(chat.botTexts()[0]).toBe(toPlainText(nodeOf(doc, 'greeting', 'message').content));
      await chat.type(who.name);
      expect((await chat.prompt()).interaction).toMatchObject({ kind: 'input', field: 'email' });
      await chat.type('ana@');
      expect(toPlainText((await chat.validationError()).body)).toBe(errorOf(doc, 'ask_email'));
      await chat.prompt();
      await chat.type(who.email);
      const askPhone = await chat.prompt();
      expect(askPhone.interaction).toMatchObject({ kind: 'input', field: 'phone', skippable: true });
      expect(toPlainText(askPhone.body)).toBe(toPlainText(nodeOf(doc, 'ask_phone', 'capture').prompt));
      return chat;
    }

    async function expectLead(
      chat: BotChat,
      who: { name: string; email: string },
      phones: string[],
    ): Promise<void> {
      expect(await chat.ended()).toMatchObject({ outcome: 'qualified', status: 'closed' });
      const vars = { visitor_name: who.name };
      expect(chat.botTexts()).toContain(closingOf(doc, 'end_contact', vars));

      const person = await personByEmail(who.email);
      expect(person).toMatchObject({
        name: who.name,
        emails: [who.email],
        phones,
        organization: null,
        source: 'chatbot',
      });
      const crm = await crmOf(person, chat.conversationId);
      const title = fill(end.crm.record.kind === 'lead' ? end.crm.record.titleTemplate : '', vars);
      expect(crm.deals).toEqual([]);
      expect(crm.leads).toHaveLength(1);
      const lead = crm.leads[0] as TCrmLeadDto;
      expect(lead).toMatchObject({
        title,
        source: 'chatbot',
        status: 'open',
        person: { id: person.id },
        organization: null,
      });
      expect(crm.activities).toHaveLength(1);
      expect(crm.activities[0]).toMatchObject({
        type: 'task',
        subject: fill(end.crm.activity?.subjectTemplate ?? '', vars),
        leadId: lead.id,
        dueAt: clock.now() + DAY_MS,
      });
      expect(crm.notes).toHaveLength(1);
      expect(crm.notes[0]).toMatchObject({ leadId: lead.id, conversationId: chat.conversationId });
      expect(toPlainText((crm.notes[0] as TCrmNoteDto).body)).toContain(who.email);

      const events = await timeline(chat.conversationId);
      expect(events).toContainEqual({ type: 'lead_created', leadId: lead.id, title, byName: null });
      expect(events).toContainEqual({ type: 'bot_ended', outcome: 'qualified' });
      await chat.visitor.client.close();
    }

    it('creates a person with the phone and a lead when the phone is given', async () => {
      const who = identity('phone');
      const chat = await upToPhone(who);
      await chat.type(language === 'es' ? '+34 612 345 678' : '+1 202-555-0143');
      await expectLead(chat, who, [language === 'es' ? '+34612345678' : '+12025550143']);
    });

    it('creates the lead without a phone when the visitor skips it', async () => {
      const who = identity('skip');
      const chat = await upToPhone(who);
      await chat.answer({ kind: 'skip' });
      await expectLead(chat, who, []);
    });

    it('re-asks an invalid phone, then takes the invalid port to the end after the last attempt', async () => {
      const who = identity('badphone');
      const chat = await upToPhone(who);
      const capture = nodeOf(doc, 'ask_phone', 'capture');
      const attempts = capture.validation.kind === 'phone' ? capture.validation.maxAttempts : 0;
      expect(attempts).toBeGreaterThan(1);
      for (let i = 1; i <= attempts; i += 1) {
        await chat.type('12345');
        expect(toPlainText((await chat.validationError()).body)).toBe(errorOf(doc, 'ask_phone'));
        if (i < attempts)
          expect((await chat.prompt()).interaction).toMatchObject({ field: 'phone', skippable: true });
      }
      await expectLead(chat, who, []);
    });
  });
});
