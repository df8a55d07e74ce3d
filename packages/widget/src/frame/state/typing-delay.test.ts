import { describe, expect, it } from 'vitest';
import { botTypingDelayMs } from './typing-delay';

const doc = (text: string) => ({
  body: {
    type: 'doc' as const,
    content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
  },
});

describe('botTypingDelayMs', () => {
  it('is short for a short message and grows with the text, within 0.45–1.4 s', () => {
    expect(botTypingDelayMs(doc('Hi'))).toBe(450);
    expect(botTypingDelayMs(doc('x'.repeat(60)))).toBe(900);
    expect(botTypingDelayMs(doc('x'.repeat(5000)))).toBe(1400);
  });

  it('does not type at all when there is nothing to read', () => {
    expect(botTypingDelayMs({ body: { type: 'doc', content: [] } })).toBe(0);
  });
});
