import { describe, expect, it } from 'vitest';
import { greetingPlainText } from './loader-text';

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
