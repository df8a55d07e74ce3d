import type { TConversationPanelDto, TCrmLeadDto, TVisitorServerFrame } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { createActivePlaybook } from '../../../test/playbook-setup';
import { connectVisitor, newClientId } from '../../../test/visitor-client';
import { countCrmRows, crmClient, type CrmRecord, type ErrorResponse } from './crm.fixtures';

type Crm = ReturnType<typeof crmClient>;

/** A person with an organization, and a lead, a deal, an activity and a note linked to them. */
async function personWithEverything(crm: Crm) {
  const org = await crm.create('organizations', { name: 'Delete Org' });
  const person = await crm.create('persons', { name: 'Dora Delete', organizationId: org.id });
  const links = { personId: person.id, organizationId: org.id };
  const lead = await crm.create('leads', { title: 'Dora’s lead', ...links });
  const deal = await crm.create('deals', { title: 'Dora’s deal', ...links });
  const activity = await crm.create('activities', {
    type: 'call',
    subject: 'Call Dora',
    ...links,
    leadId: lead.id,
    dealId: deal.id,
  });
  const note = await crm.create('notes', {
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dora' }] }] },
    ...links,
    leadId: lead.id,
    dealId: deal.id,
  });
  return { org, person, lead, deal, activity, note };
}

describe('deleting CRM records', () => {
  let server: TestServer;
  let baseUrl: string;
  let user: TestUser;
  let crm: Crm;
  const read = (path: string) => crm.call('GET', `/api/v1/crm/${path}`);
  const remove = (path: string) => crm.call<ErrorResponse | null>('DELETE', `/api/v1/crm/${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    user = await server.createUser('regular', 'Rita Regular');
    crm = crmClient(server, user);
  });
  afterAll(() => server.close());

  it('keeps a deleted person’s leads, deals, activities and notes, no longer linked to the person', async () => {
    const { org, person, lead, deal, activity, note } = await personWithEverything(crm);
    expect((await remove(`persons/${person.id}`)).status).toBe(204);
    expect((await read(`persons/${person.id}`)).status).toBe(404);
    expect((await read(`leads/${lead.id}`)).body).toMatchObject({
      person: null,
      organization: { id: org.id },
    });
    expect((await read(`deals/${deal.id}`)).body).toMatchObject({
      person: null,
      organization: { id: org.id },
    });
    expect((await read(`activities/${activity.id}`)).body).toMatchObject({ personId: null, dealId: deal.id });
    expect((await read(`notes/${note.id}`)).body).toMatchObject({ personId: null, leadId: lead.id });
    expect((await crm.list('persons', 'q=Dora')).items).toEqual([]);
    expect((await crm.list('leads', 'q=Dora')).items.map((l) => l.id)).toEqual([lead.id]);
  });

  it('keeps a deleted organization’s persons, leads, deals, activities and notes', async () => {
    const { org, person, lead, deal, activity, note } = await personWithEverything(crm);
    expect((await remove(`organizations/${org.id}`)).status).toBe(204);
    expect((await read(`persons/${person.id}`)).body).toMatchObject({ organization: null });
    expect((await read(`leads/${lead.id}`)).body).toMatchObject({
      organization: null,
      person: { id: person.id },
    });
    expect((await read(`deals/${deal.id}`)).body).toMatchObject({ organization: null });
    expect((await read(`activities/${activity.id}`)).body).toMatchObject({ organizationId: null });
    expect((await read(`notes/${note.id}`)).body).toMatchObject({ organizationId: null });
  });

  it('keeps a deleted lead’s deal, activities and notes, and a deleted deal’s lead, activities and notes', async () => {
    const { lead, deal, activity, note } = await personWithEverything(crm);
    expect((await remove(`leads/${lead.id}`)).status).toBe(204);
    expect((await read(`activities/${activity.id}`)).body).toMatchObject({ leadId: null, dealId: deal.id });
    expect((await read(`notes/${note.id}`)).body).toMatchObject({ leadId: null, dealId: deal.id });
    expect((await remove(`deals/${deal.id}`)).status).toBe(204);
    expect((await read(`activities/${activity.id}`)).body).toMatchObject({ dealId: null });
    expect((await read(`notes/${note.id}`)).body).toMatchObject({ dealId: null });
  });

  it('keeps the lead a deleted deal was converted from, converted but without the deal', async () => {
    const lead = await crm.create('leads', { title: 'To convert' });
    const converted = await crm.call<{ deal: CrmRecord }>('POST', `/api/v1/crm/leads/${lead.id}/convert`, {});
    expect(converted.status).toBe(200);
    const dealId = converted.body.deal.id;
    expect((await remove(`deals/${dealId}`)).status).toBe(204);
    expect((await read(`leads/${lead.id}`)).body).toMatchObject({
      status: 'converted',
      convertedDealId: null,
    });
  });

  it('keeps the conversation and its panel when the person and lead the bot created from it are deleted', async () => {
    const admin = await server.createUser('admin', 'Ada Admin');
    const playbook = await createActivePlaybook(server, admin);
    const conversationId = await botCapturedLead(baseUrl, playbook.publicId);
    const [lead] = (await crm.list<TCrmLeadDto>('leads', 'q=erin@example.com')).items;
    if (!lead?.person) throw new Error('the bot created a lead with a person');
    expect((await remove(`persons/${lead.person.id}`)).status).toBe(204);
    expect((await remove(`leads/${lead.id}`)).status).toBe(204);
    const panel = await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: user });
    expect(panel.statusCode).toBe(200);
    expect(panel.json<TConversationPanelDto>()).toMatchObject({ leads: [], deals: [] });
    const conversation = await server.request({ url: `/api/v1/conversations/${conversationId}`, as: user });
    expect(conversation.statusCode).toBe(200);
    const notes = (await crm.list('notes', `conversationId=${conversationId}`)).items;
    expect(notes).toEqual([expect.objectContaining({ personId: null, leadId: null })]);
  });

  it.each(['persons', 'organizations', 'leads', 'deals', 'activities'])(
    'answers 404 RECORD_NOT_FOUND for an unknown %s and deletes nothing',
    async (entity) => {
      await personWithEverything(crm);
      const before = await countCrmRows(server);
      const res = await remove(`${entity}/01890000-0000-7000-8000-000000000000`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'RECORD_NOT_FOUND' } });
      expect(await countCrmRows(server)).toEqual(before);
    },
  );

  it('refuses a malformed id (422) and deletes nothing', async () => {
    const before = await countCrmRows(server);
    const res = await remove('persons/not-an-id');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await countCrmRows(server)).toEqual(before);
  });
});

/** A visitor talks to the test playbook's bot, which captures a lead offline; resolves with the conversation. */
async function botCapturedLead(baseUrl: string, publicId: string): Promise<string> {
  const visitor = await connectVisitor(baseUrl);
  const send = async (ref: string, frame: Record<string, unknown>) => {
    visitor.client.send({ ...frame, ref });
    await visitor.client.waitFor((f) => (f.type === 'ack' || f.type === 'conversation') && f.ref === ref);
  };
  visitor.client.send({
    type: 'start',
    ref: 'start',
    playbookId: publicId,
    startKey: newClientId(),
    context: { pageUrl: 'https://www.customer.example/pricing' },
  });
  const started = await visitor.client.waitFor(
    (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
      f.type === 'conversation' && f.ref === 'start',
  );
  const conversationId = started.conversation.id;
  const answer = (answer: Record<string, unknown>) => ({
    type: 'answer',
    conversationId,
    clientMsgId: newClientId(),
    answer,
  });
  await send('talk', answer({ kind: 'button', optionId: 'talk' }));
  await send('name', answer({ kind: 'text', text: 'Erin Example' }));
  await send('email', answer({ kind: 'text', text: 'erin@example.com' }));
  await visitor.client.waitFor(
    (f) =>
      f.type === 'conversation' && f.conversation.id === conversationId && f.conversation.status === 'closed',
  );
  await visitor.client.close();
  return conversationId;
}
