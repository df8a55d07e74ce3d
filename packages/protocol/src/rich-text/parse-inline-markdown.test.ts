import { describe, expect, it } from 'vitest';
import { parseInlineMarkdown } from './parse-inline-markdown';

describe('parseInlineMarkdown', () => {
  it('reads inline syntax only: bullet and image lines stay text', () => {
    expect(parseInlineMarkdown('- **a**\n![x](https://cdn.example.com/i.png)')).toEqual([
      { type: 'text', text: '- ' },
      { type: 'text', text: 'a', marks: [{ type: 'bold' }] },
      { type: 'text', text: '\n![x](https://cdn.example.com/i.png)' },
    ]);
  });

  it('returns no nodes for an empty string', () => {
    expect(parseInlineMarkdown('')).toEqual([]);
  });

  it('follows the CommonMark "multiple of 3" rule', () => {
    expect(parseInlineMarkdown('*a**b**c*')).toEqual([
      { type: 'text', text: 'a', marks: [{ type: 'italic' }] },
      { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: 'c', marks: [{ type: 'italic' }] },
    ]);
  });

  it('treats punctuation and emoji as punctuation when deciding what opens', () => {
    expect(parseInlineMarkdown('😀**x**😀')).toEqual([
      { type: 'text', text: '😀' },
      { type: 'text', text: 'x', marks: [{ type: 'bold' }] },
      { type: 'text', text: '😀' },
    ]);
    expect(parseInlineMarkdown('a**(b)**c')).toEqual([{ type: 'text', text: 'a**(b)**c' }]);
  });
});
