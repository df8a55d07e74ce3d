import { renderCannedResponse, type TRichText } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { shownIdentity, toMessageDto, writtenMessageDto, type MessageMeta } from './conversation-dto';
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

describe('shownIdentity (the header and canned responses’ {{visitor.name}} read the same)', () => {
  const captured = { visitor_name: 'Ana', visitor_email: 'ana@example.com' };
  const greet = (name: string | null) =>
    renderCannedResponse('Hi {{visitor.name | there}}, welcome', {
      'visitor.name': name ?? '',
    });

  it('is the derived identity (the person named in the side panel) over what the bot captured', () => {
    const shown = shownIdentity(captured, { name: 'Maximiliana Fernández', email: 'maxi@example.com' });
    expect(shown).toEqual({ name: 'Maximiliana Fernández', email: 'maxi@example.com' });
    expect(greet(shown.name)).toBe('Hi Maximiliana Fernández, welcome');
  });

  it('is what the conversation captured while nothing was derived', () => {
    expect(shownIdentity(captured, null)).toEqual({ name: 'Ana', email: 'ana@example.com' });
    expect(shownIdentity(captured, undefined).name).toBe('Ana');
  });

  it('knows nothing when no source does, so the fallback applies', () => {
    const shown = shownIdentity({ visitor_name: null, visitor_email: null }, { name: null, email: null });
    expect(shown).toEqual({ name: null, email: null });
    expect(greet(shown.name)).toBe('Hi there, welcome');
  });
});
