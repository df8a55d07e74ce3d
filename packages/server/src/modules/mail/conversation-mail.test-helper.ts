import type { TRichText } from '@charla/protocol';
import type { TestServer, TestUser } from '../../test/harness';
import { assignedConversation, type Visitor } from '../../security/security-fixtures';
import { newClientId } from '../../test/visitor-client';
import { goOnline } from '../../test/playbook-setup';
import { waitFor } from '../webhooks/local-receiver.test-helper';

/** An assigned live chat whose visitor told the widget their email (Charla.identify). */
export async function chatWithEmail(
  server: TestServer,
  baseUrl: string,
  publicId: string,
  owner: TestUser,
  email: string,
): Promise<{ visitor: Visitor; conversationId: string }> {
  // Presence is fresh only for a while (no heartbeat job in tests): on a slow run, say so again.
  await goOnline(server, owner);
  const chat = await assignedConversation(server, baseUrl, publicId, owner);
  chat.visitor.client.send({ type: 'identify', name: 'Marta Ruiz', email });
  // The identify frame has no answer: wait until the conversation carries the address.
  await waitFor(
    async () =>
      (await server.charla.services.conversationSource.find(chat.conversationId))?.visitor.email === email,
    20_000,
  );
  return chat;
}

/** The visitor writes in their chat over the socket; resolves once the server acknowledged it. */
export async function visitorSays(visitor: Visitor, conversationId: string, body: TRichText): Promise<void> {
  const ref = `say-${newClientId()}`;
  visitor.client.send({ type: 'send', ref, conversationId, clientMsgId: newClientId(), body });
  await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
}

/** The assigned user writes over REST. */
export async function userSays(
  server: TestServer,
  user: TestUser,
  conversationId: string,
  body: TRichText,
): Promise<void> {
  const res = await server.request({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/messages`,
    as: user,
    payload: { clientMsgId: newClientId(), body },
  });
  if (res.statusCode !== 201) throw new Error(`user message: ${res.statusCode} ${res.body}`);
}

export const richHello: TRichText = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Hola, ' },
        { type: 'text', text: '¿enviáis?', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' <script>alert(1)</script>' },
      ],
    },
  ],
};

export function plain(text: string): TRichText {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}
