import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import type { TCrmLeadDto } from '@charla/protocol';
import { launchBrowser, startCharla, type RunningCharla } from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  unassignedConversation,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue 13, item 3 through a real widget: a visitor whose earlier chat became a lead and a deal and
// was closed starts a new chat that nobody takes. The missed chat must still run its offline branch
// in the widget (R9, R13) and capture the lead; before the fix the widget showed "Conversation ended"
// and the name question could not be answered.

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
