import { describe, expect, it } from 'vitest';
import { pseudoLocalize } from '@charla/protocol';
import { greetingPlainText, LOADER_TEXT } from './loader-text';

describe('greetingPlainText', () => {
  it('joins paragraphs and list items as lines, dropping marks and images', () => {
    const text = greetingPlainText({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hi ' },
            { type: 'text', text: 'there', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'image', src: 'https://example.com/a.png', alt: 'wave' },
        { type: 'bullet_list', items: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pricing' }] }] },
      ],
    });
    expect(text).toBe('Hi there\nPricing');
  });

  it('is empty when there is no greeting text', () => {
    expect(greetingPlainText(undefined)).toBe('');
  });
});

describe('LOADER_TEXT', () => {
  it('spells the pseudo-locales as pseudoLocalize does', () => {
    for (const key of ['open', 'close', 'dismiss'] as const) {
      expect(LOADER_TEXT['en-XA'][key]).toBe(pseudoLocalize(LOADER_TEXT.en[key]));
      expect(LOADER_TEXT['ar-XB'][key]).toBe(pseudoLocalize(LOADER_TEXT.en[key], true));
    }
  });
});
