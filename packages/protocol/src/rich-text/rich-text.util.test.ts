import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown';
import type { TRichText } from './rich-text.schema';
import { isRichTextEmpty, richTextFromPlain, richTextLength } from './rich-text.util';

describe('richTextFromPlain', () => {
  it('makes one paragraph per blank-line-separated chunk and keeps single newlines', () => {
    expect(richTextFromPlain('Hello\nthere\n\n  \nSecond *not bold*\r\n')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Hello\nthere' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second *not bold*' }] },
      ],
    });
  });

  it('returns an empty document for blank text', () => {
    expect(richTextFromPlain(' \n\n\t')).toEqual({ type: 'doc', content: [] });
  });

  it('splits paragraphs exactly like parseMarkdown does', () => {
    const text = 'a\nb\n\n\nc\n \nd';
    expect(richTextFromPlain(text)).toEqual(parseMarkdown(text));
  });
});

describe('isRichTextEmpty', () => {
  it.each<[string, TRichText, boolean]>([
    ['no blocks', { type: 'doc', content: [] }, true],
    [
      'empty paragraph',
      { type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph', content: [] }] },
      true,
    ],
    [
      'whitespace only',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: ' \n\t' }] }] },
      true,
    ],
    [
      'empty bullet items',
      {
        type: 'doc',
        content: [
          { type: 'bullet_list', items: [{ type: 'paragraph', content: [{ type: 'text', text: ' ' }] }] },
        ],
      },
      true,
    ],
    [
      'text',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
      false,
    ],
    [
      'an image',
      { type: 'doc', content: [{ type: 'image', src: 'https://cdn.example.com/i.png', alt: '' }] },
      false,
    ],
  ])('is %s → %s', (_name, doc, expected) => {
    expect(isRichTextEmpty(doc)).toBe(expected);
  });
});

describe('richTextLength', () => {
  it('counts the characters of the plain text, in UTF-16 code units', () => {
    expect(richTextLength(parseMarkdown('**ab** [c](https://example.com)\n\n- d'))).toBe(
      'ab c\n\n• d'.length,
    );
    expect(richTextLength(parseMarkdown('😀'))).toBe(2);
    expect(richTextLength({ type: 'doc', content: [] })).toBe(0);
  });
});
