import { describe, expect, it } from 'vitest';
import { renderHtml } from './render-html';
import { ZRichText } from './rich-text.schema';
import { parseMessageText, parseVisitorText } from './message-text';
import { XSS_PAYLOADS } from './xss-payloads';

describe('what a visitor types (issue 16 item 7)', () => {
  it('reads the users’ Markdown subset: bold, italic, lists and linked addresses', () => {
    const doc = parseVisitorText(
      '**Hola**, tengo *prisa*:\n\n- precio\n- envío\n\nhttps://shop.example.com/p/1',
    );
    expect(renderHtml(doc)).toBe(
      '<p><strong>Hola</strong>, tengo <em>prisa</em>:</p><ul><li>precio</li><li>envío</li></ul>' +
        '<p><a href="https://shop.example.com/p/1" target="_blank" rel="noopener noreferrer nofollow">https://shop.example.com/p/1</a></p>',
    );
  });

  it('shows an image the visitor writes as a link to it, never as a picture', () => {
    const doc = parseVisitorText('![my screenshot](https://tracker.example/pixel.png)');
    expect(doc.content).toEqual([
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'my screenshot',
            marks: [{ type: 'link', href: 'https://tracker.example/pixel.png' }],
          },
        ],
      },
    ]);
    expect(renderHtml(doc)).not.toContain('<img');
  });

  it('keeps plain text plain and always yields a valid document', () => {
    expect(renderHtml(parseVisitorText('2 * 3 = 6 and snake_case_name'))).toBe(
      '<p>2 * 3 = 6 and snake_case_name</p>',
    );
    for (const payload of XSS_PAYLOADS) {
      const doc = parseVisitorText(payload);
      expect(ZRichText.safeParse(doc).success, payload).toBe(true);
      expect(renderHtml(doc)).not.toMatch(/<(script|img|iframe|svg)|href="(?!https?:|mailto:)/i);
    }
  });
});

describe('what a user types in the composer', () => {
  it('links bare addresses in paragraphs and list items, and keeps pictures', () => {
    const doc = parseMessageText(
      'Precios: https://example.com/p\n\n- www.example.es\n\n![logo](https://example.com/l.png)',
    );
    expect(renderHtml(doc)).toBe(
      '<p>Precios: <a href="https://example.com/p" target="_blank" rel="noopener noreferrer nofollow">https://example.com/p</a></p>' +
        '<ul><li><a href="https://www.example.es" target="_blank" rel="noopener noreferrer nofollow">www.example.es</a></li></ul>' +
        '<img src="https://example.com/l.png" alt="logo" loading="lazy">',
    );
  });
});
