import { describe, expect, it } from 'vitest';
import { ZRichText } from './rich-text.schema';
import { isAllowedImageSrc, isAllowedLinkHref } from './rich-text-rules';
import { XSS_URLS } from './xss-payloads';

describe('isAllowedLinkHref', () => {
  it.each([
    'https://example.com',
    'http://example.com/a?b=c#d',
    'mailto:hi@example.com',
    'https://en.wikipedia.org/wiki/A_(b)',
  ])('allows %j', (href) => {
    expect(isAllowedLinkHref(href)).toBe(true);
  });

  it.each([
    'ftp://example.com',
    'mailto:nobody',
    'https://exa mple.com',
    'https://example.com/\u202e',
    'relative/path',
  ])('rejects %j', (href) => {
    expect(isAllowedLinkHref(href)).toBe(false);
  });
});

describe('isAllowedImageSrc', () => {
  it('allows https anywhere and http on localhost only', () => {
    expect(isAllowedImageSrc('https://cdn.example.com/a.png')).toBe(true);
    expect(isAllowedImageSrc('http://localhost:5173/a.png')).toBe(true);
    expect(isAllowedImageSrc('http://127.0.0.1/a.png')).toBe(true);
    expect(isAllowedImageSrc('http://example.com/a.png')).toBe(false);
    expect(isAllowedImageSrc('https://cdn.example.com/\u200ba.png')).toBe(false);
  });
});

describe('the shared hostile URLs', () => {
  it.each(XSS_URLS.map((url) => [url]))('are rejected as link and image: %j', (url) => {
    expect(isAllowedLinkHref(url)).toBe(false);
    expect(isAllowedImageSrc(url)).toBe(false);
  });
});

describe('ZRichText', () => {
  it('rejects a document carrying a hostile link or image', () => {
    const link = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }],
        },
      ],
    };
    const image = { type: 'doc', content: [{ type: 'image', src: 'data:image/png;base64,AAAA', alt: '' }] };
    expect(ZRichText.safeParse(link).success).toBe(false);
    expect(ZRichText.safeParse(image).success).toBe(false);
  });
});
