import { describe, expect, it } from 'vitest';
import { autolinkTextNodes } from './autolink';
import { mergeTextNodes } from './merge-text-nodes';
import { parseInlineMarkdown } from './parse-inline-markdown';

const inline = (src: string) => mergeTextNodes(autolinkTextNodes(parseInlineMarkdown(src)));

const link = (text: string, href = text) => ({ type: 'text', text, marks: [{ type: 'link', href }] });
const text = (t: string) => ({ type: 'text', text: t });

describe('bare addresses become links (issue 16 item 7)', () => {
  it('links http, https and www addresses inside a sentence', () => {
    expect(inline('see https://shop.example.com/pricing?plan=pro#faq now')).toEqual([
      text('see '),
      link('https://shop.example.com/pricing?plan=pro#faq'),
      text(' now'),
    ]);
    expect(inline('www.example.es')).toEqual([link('www.example.es', 'https://www.example.es')]);
    expect(inline('http://localhost:3000/demo')).toEqual([link('http://localhost:3000/demo')]);
  });

  it('leaves the punctuation of the sentence and an unmatched parenthesis outside the link', () => {
    expect(inline('Mira https://example.com/a.')).toEqual([
      text('Mira '),
      link('https://example.com/a'),
      text('.'),
    ]);
    expect(inline('(see https://example.com/x)')).toEqual([
      text('(see '),
      link('https://example.com/x'),
      text(')'),
    ]);
    expect(inline('https://en.wikipedia.org/wiki/Lisp_(programming_language)!')).toEqual([
      link('https://en.wikipedia.org/wiki/Lisp_(programming_language)'),
      text('!'),
    ]);
  });

  it('keeps bold and italic around a linked address and does not touch Markdown links', () => {
    expect(inline('**go to https://example.com**')).toEqual([
      {
        type: 'text',
        text: 'go to ',
        marks: [{ type: 'bold' }],
      },
      {
        type: 'text',
        text: 'https://example.com',
        marks: [{ type: 'bold' }, { type: 'link', href: 'https://example.com' }],
      },
    ]);
    expect(inline('[our shop](https://example.com/shop) and https://example.com')).toEqual([
      link('our shop', 'https://example.com/shop'),
      text(' and '),
      link('https://example.com'),
    ]);
  });

  it('links nothing that is not a web address', () => {
    for (const src of [
      'javascript:alert(1)',
      'https://',
      'http://.',
      'www.',
      'mailhttps://x',
      'ftp://example.com/file',
      'data:text/html,<b>x</b>',
      `https://example.com/${'a'.repeat(2001)}`,
    ])
      expect(
        inline(src).every((node) => !('marks' in node)),
        src,
      ).toBe(true);
  });
});
