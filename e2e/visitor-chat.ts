import type { Browser } from 'playwright-core';
import WebSocket from 'ws';
import type { TMessageDto, TVisitorServerFrame } from '@charla/protocol';
import { waitFor } from './widget-fixtures';

export type VisitorChat = {
  conversationId: string;
  /** The visitor's token (`Authorization: Visitor <token>` on the widget's REST routes). */
  token: string;
  /** Writes `text`, with the ids of files uploaded first (issue 17). */
  send(text: string, attachments?: string[]): void;
  /** Every message the visitor's socket has received so far. */
  messages(): TMessageDto[];
  close(): Promise<void>;
};

/**
 * A visitor over the visitor WebSocket (as the widget talks) on a page that embeds the widget
 * (R8): starts the playbook, asks for a person and writes `text`.
 */
export async function visitorChats(
  browser: Browser,
  baseUrl: string,
  publicId: string,
  text: string,
): Promise<VisitorChat> {
  const demo = await browser.newContext();
  const page = await demo.newPage();
  await page.goto(`${baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  await page.locator('charla-widget').waitFor({ state: 'attached' });
  const session = (await (
    await fetch(`${baseUrl}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: '{}',
    })
  ).json()) as { visitorToken: string };
  const socket = new WebSocket(
    `${baseUrl.replace(/^http/, 'ws')}/ws/visitor?token=${encodeURIComponent(session.visitorToken)}`,
    { headers: { origin: baseUrl } },
  );
  const frames: TVisitorServerFrame[] = [];
  socket.on('message', (raw: Buffer) => frames.push(JSON.parse(raw.toString()) as TVisitorServerFrame));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(
    JSON.stringify({
      type: 'start',
      playbookId: publicId,
      startKey: `crm-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      context: { pageUrl: 'https://shop.example.com/pricing', language: 'es-ES', timeZone: 'Europe/Madrid' },
    }),
  );
  const messages = () =>
    frames.flatMap((f) => (f.type === 'messages' ? f.messages : f.type === 'message' ? [f.message] : []));
  const conversationId = await waitFor(
    'the visitor conversation',
    async () => frames.find((f) => f.type === 'conversation')?.conversation.id ?? null,
  );
  const question = await waitFor(
    'the buttons',
    async () => messages().find((m) => m.interaction?.kind === 'buttons') ?? null,
  );
  const options = question.interaction?.kind === 'buttons' ? question.interaction.options : [];
  const talk = options.find((o) => /someone|person|talk/i.test(o.label)) ?? options[0];
  socket.send(
    JSON.stringify({
      type: 'answer',
      conversationId,
      clientMsgId: `a${Date.now()}`,
      answer: { kind: 'button', optionId: talk?.id ?? '' },
    }),
  );
  const send = (body: string, attachments?: string[]) =>
    socket.send(
      JSON.stringify({
        type: 'send',
        conversationId,
        clientMsgId: `v${Date.now()}-${Math.random().toString(36).slice(2)}`,
        body:
          body === ''
            ? { type: 'doc', content: [] }
            : { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] },
        ...(attachments ? { attachments } : {}),
      }),
    );
  send(text);
  return {
    conversationId,
    token: session.visitorToken,
    send,
    messages,
    // Awaited by callers: a page still closing when the browser closes rejects unhandled.
    close: async () => {
      socket.close();
      await demo.close();
    },
  };
}
