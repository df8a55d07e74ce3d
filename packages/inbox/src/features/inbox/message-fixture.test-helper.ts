import type { TMessageDto } from '@charla/protocol';

/** A visitor's empty message `seq` of conversation c1 at `at`, for the inbox's unit tests. */
export function testMessage(
  seq: number,
  at: number = seq,
  overrides: Partial<TMessageDto> = {},
): TMessageDto {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    author: { kind: 'visitor', id: 'v1', name: 'Visitor', avatarUrl: null },
    clientMsgId: null,
    body: { type: 'doc', content: [] },
    event: null,
    interaction: null,
    isError: false,
    attachments: [],
    createdAt: at,
    ...overrides,
  };
}
