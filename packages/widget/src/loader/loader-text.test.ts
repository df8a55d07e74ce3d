import { describe, expect, it } from 'vitest';
import { loaderWords, pseudoLocalize } from '@charla/protocol';
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

describe('loader words', () => {
  it('falls back to the English words the protocol gives', () => {
    expect(LOADER_TEXT).toEqual(loaderWords('en'));
  });
  it('has the launcher words in every language, the pseudo-locales generated', () => {
    expect(loaderWords('de').open).toBe('Chat öffnen');
    expect(loaderWords('en-XA').open).toBe(pseudoLocalize('Open chat'));
    expect(loaderWords('ar-XB').dismiss).toBe(pseudoLocalize('Dismiss', true));
  });
});
