import { describe, expect, it } from 'vitest';
import type { TMark, TTextNode } from './rich-text.schema';
import { toPlainText } from './to-plain-text';

const t = (text: string, ...marks: TMark[]): TTextNode =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };

describe('toPlainText', () => {
  it('joins blocks with a blank line, bullets as "• item" lines and images as their alt text', () => {
    expect(
      toPlainText({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [t('Hi '), t('Ana', { type: 'bold' }), t(',\nwelcome')] },
          {
            type: 'bullet_list',
            items: [
              { type: 'paragraph', content: [t('Pricing', { type: 'link', href: 'https://example.com/p' })] },
              { type: 'paragraph', content: [t('Support')] },
            ],
          },
          { type: 'image', src: 'https://cdn.example.com/i.png', alt: 'Our team' },
        ],
      }),
    ).toBe('Hi Ana,\nwelcome\n\n• Pricing\n• Support\n\nOur team');
  });

  it('skips empty paragraphs, empty items and images without alt text', () => {
    expect(
      toPlainText({
        type: 'doc',
        content: [
          { type: 'paragraph' },
          { type: 'image', src: 'https://cdn.example.com/i.png', alt: '' },
          { type: 'bullet_list', items: [{ type: 'paragraph' }, { type: 'paragraph', content: [t('a')] }] },
          { type: 'paragraph', content: [t('end')] },
        ],
      }),
    ).toBe('• a\n\nend');
  });

  it('returns text unescaped, exactly as written', () => {
    expect(toPlainText({ type: 'doc', content: [{ type: 'paragraph', content: [t('<b> & **x**')] }] })).toBe(
      '<b> & **x**',
    );
  });

  it('returns "" for an empty document', () => {
    expect(toPlainText({ type: 'doc', content: [] })).toBe('');
  });
});
