import type { TMessageDto, TVisitorConversationDto, TVisitorServerFrame } from '@charla/protocol';
import type { FrameClient } from './visitor-client';
import { newClientId } from './visitor-client';

type VisitorClient = FrameClient<TVisitorServerFrame>;

/** Starts a conversation over the visitor socket; resolves with its id once the server answered. */
export async function startChat(client: VisitorClient, publicId: string): Promise<string> {
  const ref = `start-${newClientId()}`;
  client.send({
    type: 'start',
    ref,
    playbookId: publicId,
    startKey: newClientId(),
    context: { pageUrl: 'https://www.customer.example/pricing', language: 'en-GB' },
  });
  const frame = await client.waitFor(
    (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
      f.type === 'conversation' && f.ref === ref,
  );
  return frame.conversation.id;
}

/** Waits until the bot asks with buttons (or an input of `field`) in this conversation. */
export function waitForQuestion(
  client: VisitorClient,
  conversationId: string,
  field?: string,
): Promise<TMessageDto> {
  return client
    .waitFor(
      (f) =>
        f.type === 'message' &&
        f.message.conversationId === conversationId &&
        (field === undefined
          ? f.message.interaction?.kind === 'buttons'
          : f.message.interaction?.kind === 'input' && f.message.interaction.field === field),
      10_000,
    )
    .then((f) => (f as Extract<TVisitorServerFrame, { type: 'message' }>).message);
}

/** Sends a frame with a fresh ref and resolves with the server's ack or error for it. */
export async function sendWithRef(
  client: VisitorClient,
  frame: Record<string, unknown>,
): Promise<Extract<TVisitorServerFrame, { type: 'ack' | 'error' | 'conversation' }>> {
  const ref = newClientId();
  client.send({ ...frame, ref });
  return (await client.waitFor(
    (f) => (f.type === 'ack' || f.type === 'error' || f.type === 'conversation') && f.ref === ref,
    10_000,
  )) as Extract<TVisitorServerFrame, { type: 'ack' | 'error' | 'conversation' }>;
}

/** Starts a chat and presses "talk to someone" (the test playbook's button); resolves once it waits. */
export async function chatWaitingForPerson(client: VisitorClient, publicId: string): Promise<string> {
  const conversationId = await startChat(client, publicId);
  await waitForQuestion(client, conversationId);
  await sendWithRef(client, {
    type: 'answer',
    conversationId,
    clientMsgId: newClientId(),
    answer: { kind: 'button', optionId: 'talk' },
  });
  await client.waitFor(
    (f) =>
      f.type === 'conversation' &&
      f.conversation.id === conversationId &&
      f.conversation.status === 'waiting',
  );
  return conversationId;
}

/** The last conversation state the visitor's socket was sent for this conversation. */
export function lastVisitorState(
  client: VisitorClient,
  conversationId: string,
): TVisitorConversationDto | undefined {
  const states = client.frames.flatMap((f) =>
    f.type === 'conversation' && f.conversation.id === conversationId ? [f.conversation] : [],
  );
  return states.at(-1);
}
