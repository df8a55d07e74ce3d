import type { TMessageDto, TVisitorConversationDto } from '@charla/protocol';
import type { TOutboxItem } from './outbox';

export function conversationOf(overrides: Partial<TVisitorConversationDto> = {}): TVisitorConversationDto {
  return {
    id: 'c1',
    status: 'bot',
    closeReason: null,
    agent: null,
    waitingSince: null,
    waitingDeadline: null,
    lastSeq: 0,
    userReadSeq: 0,
    visitorReadSeq: 0,
    language: 'en',
    createdAt: 1,
    botAwaitingInput: false,
    botWorking: false,
    outcome: null,
    ...overrides,
  };
}

export function messageOf(seq: number, overrides: Partial<TMessageDto> = {}): TMessageDto {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    author: { kind: 'bot', id: null, name: 'Assistant', avatarUrl: null },
    clientMsgId: null,
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `message ${seq}` }] }],
    },
    event: null,
    interaction: null,
    isError: false,
    attachments: [],
    createdAt: seq,
    ...overrides,
  };
}

export const visitor = { kind: 'visitor' as const, id: 'v1', name: 'Visitor', avatarUrl: null };

export function outboxItemOf(clientMsgId: string, overrides: Partial<TOutboxItem> = {}): TOutboxItem {
  return {
    clientMsgId,
    conversationId: 'c1',
    createdAt: 1,
    payload: {
      kind: 'send',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: clientMsgId }] }] },
    },
    text: clientMsgId,
    state: 'sending',
    ...overrides,
  };
}
