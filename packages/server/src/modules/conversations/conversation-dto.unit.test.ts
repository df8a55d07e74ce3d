import type { TRichText } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { toMessageDto, writtenMessageDto, type MessageMeta } from './conversation-dto';
import type { MessageRow } from './conversations.store';

const body: TRichText = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hola, ¿me ayudas?' }] }],
};

function rowOf(meta: MessageMeta | null): MessageRow {
  return {
    id: 'm1',
    conversation_id: 'c1',
    seq: 7,
    author_kind: 'visitor',
    author_id: 'v1',
    author_name: 'Visitor 12',
    author_avatar_url: null,
    client_msg_id: 'k1',
    body: JSON.stringify(body),
    meta: meta ? JSON.stringify(meta) : null,
    created_at: 1_700_000_000_000,
  };
}

describe('writtenMessageDto (issue 25: a message just written is not parsed back)', () => {
  it('is the DTO read back from the stored row, without meta', () => {
    const row = rowOf(null);
    expect(writtenMessageDto(row, body)).toEqual(toMessageDto(row));
  });

  it('is the DTO read back from the stored row, with files and an error flag', () => {
    const meta: MessageMeta = {
      isError: true,
      attachments: [
        {
          id: 'a1',
          name: 'factura.pdf',
          kind: 'file',
          mimeType: 'application/pdf',
          size: 1234,
          url: '/api/v1/files/a1',
          thumbnailUrl: null,
        } as never,
      ],
    };
    const row = rowOf(meta);
    expect(writtenMessageDto(row, body, meta)).toEqual(toMessageDto(row));
  });

  it('reading back a body that is not rich text gives an empty document', () => {
    const row = { ...rowOf(null), body: '{"type":"nope"}' };
    expect(toMessageDto(row).body).toEqual({ type: 'doc', content: [] });
  });
});
