import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import type { TConversationDto, TCrmLeadDto } from '@charla/protocol';
import { adminInboxContext, launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  unassignedConversation,
  visitorAsksForPerson,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue 13, item 3 through a real widget: a visitor whose earlier chat became a lead and a deal and
// was closed starts a new chat that nobody takes. The missed chat must still run its offline branch
// in the widget (R9, R13) and capture the lead; before the fix the widget showed "Conversation ended"
// and the name question could not be answered.
// Also: a visitor whose earlier chat was linked to a CRM person (name, email and a lead set in the
// side panel) starts the next chat as that person: named in the list and header, the person and
// their open lead in the panel; a visitor in another browser stays anonymous.

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
});

function inLog(frame: Frame, text: string | RegExp) {
  return frame.getByRole('log').getByText(text);
}

async function typeAndSend(frame: Frame, text: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

describe('widget: a returning visitor whose new chat is missed', () => {
  it('keeps the offline branch answerable after an earlier chat became a lead and a deal', async () => {
    const playbook = await createLiveChatPlaybook(api, 'en', 15);
    const agent = await goOnline(charla.baseUrl, api);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${playbook.publicId}`);

    // First chat: taken, turned into a lead and a deal from the side panel, closed by the user.
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Talk to someone' }).click();
    await frame.getByText('Waiting for someone from our team').waitFor();
    const first = await unassignedConversation(api);
    await api.call('POST', `/api/v1/conversations/${first.id}/assign`);
    await inLog(frame, 'Admin joined the conversation').waitFor();
    await api.call('POST', `/api/v1/conversations/${first.id}/panel/lead`, {});
    await api.call('POST', `/api/v1/conversations/${first.id}/panel/deal?another=true`, {});
    await api.call('POST', `/api/v1/conversations/${first.id}/close`);

    // Second chat from the same browser: nobody takes it before the wait runs out.
    await frame.getByRole('button', { name: 'Start a new conversation' }).click();
    await frame.getByRole('button', { name: 'Talk to someone' }).click();
    await frame.getByText('Waiting for someone from our team').waitFor();
    await inLog(frame, /team isn.t available/i).waitFor({ timeout: 40_000 });
    await inLog(frame, 'What’s your name?').waitFor();

    // The offline branch takes its answers in the widget and ends in a lead for this conversation.
    await typeAndSend(frame, 'Marta Ruiz');
    await inLog(frame, /What’s your email address\?/).waitFor();
    await typeAndSend(frame, 'marta@example.com');
    await inLog(frame, /Thanks, Marta Ruiz!/).waitFor();
    const lead = await waitFor('the offline lead', async () => {
      const list = await api.call<{ items: TCrmLeadDto[] }>('GET', '/api/v1/crm/leads?limit=100');
      return list.items.find((item) => item.title.includes('Marta Ruiz'));
    });
    expect(lead.conversationIds).not.toContain(first.id);
    agent.close();
    await context.close();
  });
});

describe('inbox: a returning visitor already linked to a CRM person', () => {
  const PERSON = 'Maximiliana Fernández-Oyarzábal de la Concepción';

  it('starts the new chat linked to that person and their open lead, and no one else', async () => {
    const playbook = await createLiveChatPlaybook(api, 'en');
    const agent = await goOnline(charla.baseUrl, api);
    // First chat: the user names the person in the panel, creates a lead and closes.
    const { page, frame } = await visitorAsksForPerson(browser, charla.baseUrl, playbook.publicId);
    const first = await unassignedConversation(api);
    await api.call('POST', `/api/v1/conversations/${first.id}/assign`);
    await api.call('PUT', `/api/v1/conversations/${first.id}/panel`, {
      person: { name: PERSON, email: 'maximiliana@concepcion.example', phone: null },
    });
    const { lead } = await api.call<{ lead: TCrmLeadDto }>(
      'POST',
      `/api/v1/conversations/${first.id}/panel/lead`,
      {},
    );
    await api.call('POST', `/api/v1/conversations/${first.id}/close`);

    // The inbox is open while the same visitor starts again.
    const inbox = await adminInboxContext(browser, charla.baseUrl, {
      language: 'en',
      viewport: { width: 1280, height: 800 },
    });
    const agentPage = await inbox.newPage();
    await agentPage.goto(`${charla.baseUrl}/inbox/unassigned`);
    await agentPage.getByRole('heading', { name: 'Inbox' }).waitFor();
    await frame.getByRole('button', { name: 'Start a new conversation' }).click();
    await frame.getByRole('button', { name: 'Talk to someone' }).click();
    await frame.getByText('Waiting for someone from our team').waitFor();
    const second = await unassignedConversation(api);
    expect(second.id).not.toBe(first.id);
    expect(second.visitor.displayName).toBe(PERSON);

    // Live, without a reload: the list names the person; the header and the panel too.
    const item = agentPage.locator(`[data-conversation-id="${second.id}"]`);
    await expect.poll(() => item.innerText(), { timeout: 15_000 }).toContain(PERSON);
    await item.click();
    await expect.poll(() => agentPage.getByTestId('conversation-title').innerText()).toBe(PERSON);
    if (!(await agentPage.getByTestId('side-panel').isVisible()))
      await agentPage.getByTestId('toggle-panel').click();
    const person = agentPage.getByTestId('panel-linked-person');
    await expect.poll(() => person.innerText(), { timeout: 10_000 }).toContain(PERSON);
    expect(await person.innerText()).toContain('maximiliana@concepcion.example');
    const linkedLead = agentPage.getByTestId('panel-linked-lead');
    await expect
      .poll(async () => (await linkedLead.innerText()).toLowerCase())
      .toContain(lead.title.toLowerCase());
    expect(await agentPage.getByTestId('create-lead').innerText()).toBe('Create another lead');
    await screenshot(agentPage, 'returning-person-en');
    const again = await api.call('POST', `/api/v1/conversations/${second.id}/panel/lead`, {}).then(
      () => 'created',
      (error: unknown) => String(error),
    );
    expect(again).toContain('CRM_LEAD_EXISTS');

    // Spanish on a phone: the same conversation, the person's name.
    const phone = await adminInboxContext(browser, charla.baseUrl, {
      language: 'es',
      viewport: { width: 390, height: 844 },
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${charla.baseUrl}/inbox/unassigned/${second.id}`);
    await expect.poll(() => phonePage.getByTestId('conversation-title').innerText()).toBe(PERSON);
    await screenshot(phonePage, 'returning-person-es-phone');

    // Another browser is another visitor: never linked to the person.
    const stranger = await visitorAsksForPerson(browser, charla.baseUrl, playbook.publicId);
    const other = await waitFor('the stranger’s conversation', async () => {
      const list = await api.call<{ items: TConversationDto[] }>(
        'GET',
        '/api/v1/conversations?folder=unassigned',
      );
      return list.items.find((c) => c.id !== second.id);
    });
    expect(other.visitor.displayName).toMatch(/^Visitor #\d+$/);
    const panel = await api.call<{ linked: unknown; person: { name: string | null } }>(
      'GET',
      `/api/v1/conversations/${other.id}/panel`,
    );
    expect(panel.linked).toBeNull();
    expect(panel.person.name).toBeNull();

    agent.close();
    for (const context of [page.context(), inbox, phone, stranger.page.context()]) await context.close();
  });
});
