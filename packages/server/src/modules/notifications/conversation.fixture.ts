import type { TConversationDto, TMessageDto } from '@charla/protocol';

/** A DTO-shaped conversation for tests that emit domain events directly. */
export function conversationDtoFixture(overrides: Partial<TConversationDto> = {}): TConversationDto {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    status: 'waiting',
    closeReason: null,
    visitor: {
      id: 'visitor-1',
      number: 42,
      displayName: 'Ada Lovelace',
      email: null,
      context: {
        pageUrl: null,
        pageTitle: null,
        referrer: null,
        userAgent: null,
        language: null,
        timeZone: null,
        firstSeenAt: 0,
        pagesSeen: [],
      },
    },
    playbook: null,
    assignee: null,
    language: 'en',
    createdAt: 0,
    waitingSince: 0,
    waitingDeadline: null,
    assignedAt: null,
    closedAt: null,
    lastMessageAt: 0,
    lastMessagePreview: 'Hello, I need help with pricing',
    lastSeq: 3,
    userReadSeq: 0,
    visitorReadSeq: 3,
    allowedActions: [],
    labels: [],
    ...overrides,
  };
}

export function messageDtoFixture(
  conversationId: string,
  kind: TMessageDto['author']['kind'],
  text = 'Are you there?',
): TMessageDto {
  return {
    id: `m-${Math.random().toString(36).slice(2)}`,
    conversationId,
    seq: 4,
    author: { kind, id: null, name: kind === 'visitor' ? 'Ada Lovelace' : 'Agent', avatarUrl: null },
    clientMsgId: null,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    event: null,
    interaction: null,
    isError: false,
    attachments: [],
    createdAt: 0,
  };
}
