import { beforeAll, describe, expect, it } from 'vitest';
import type { TRichText } from '@charla/protocol';
import { MAX_MESSAGE_CHARS } from '@charla/protocol/client';
import { loadDraftSchemas } from '../../lib/draft-schemas';
import { parseMarkdown } from '../../lib/rich-text';
import { composerSize } from './message-size';

beforeAll(async () => {
  await loadDraftSchemas();
});

const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  content: [{ type: 'text' as const, text }],
});

describe('composerSize (the editor’s AST)', () => {
  it('lets an ordinary message through and starts the counter near the limit', () => {
    expect(composerSize(parseMarkdown('Hello **there**'))).toMatchObject({
      problem: null,
      near: false,
      over: false,
      length: 'Hello there'.length,
    });
    const full = composerSize({ type: 'doc', content: [paragraph('a'.repeat(MAX_MESSAGE_CHARS))] });
    expect(full).toMatchObject({ problem: null, near: true, over: false });
  });

  it('counts the text people read, not the formatting: bold and links add nothing', () => {
    const plain = composerSize(parseMarkdown('see our prices'));
    const formatted = composerSize(parseMarkdown('see **our** [prices](https://example.com/prices)'));
    expect(formatted.length).toBe(plain.length);
  });

  it('refuses a message over the limit (a 100 KB paste) instead of sending a frame the server drops', () => {
    const size = composerSize({ type: 'doc', content: [paragraph('x'.repeat(100 * 1024))] });
    expect(size).toMatchObject({ problem: 'tooLong', over: true, length: 100 * 1024 });
    expect(size.body.content).toEqual([]);
  });

  it('refuses formatting beyond the rich-text limits even under the length limit', () => {
    // 400 bold words in one paragraph: more text nodes than a paragraph may hold.
    const size = composerSize(parseMarkdown(Array.from({ length: 400 }, () => '**a**').join(' ')));
    expect(size.over).toBe(false);
    expect(size.problem).toBe('tooComplex');
  });

  it('sends the draft without blank lines around it and with bare addresses linked', () => {
    const doc: TRichText = {
      type: 'doc',
      content: [{ type: 'paragraph' }, paragraph('see https://example.com now'), paragraph('  ')],
    };
    expect(composerSize(doc).body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'see ' },
            {
              type: 'text',
              text: 'https://example.com',
              marks: [{ type: 'link', href: 'https://example.com' }],
            },
            { type: 'text', text: ' now' },
          ],
        },
      ],
    });
  });
});
