import { describe, expect, it } from 'vitest';
import { findHtmlSafetyViolation } from './find-html-safety-violation';
import { parseMarkdown } from './parse-markdown';
import { escapeHtml, renderHtml } from './render-html';
import type { TBlock, TMark, TParagraph, TRichText, TTextNode } from './rich-text.schema';
import { XSS_PAYLOADS, XSS_URLS } from './xss-payloads';

const bold: TMark = { type: 'bold' };
const italic: TMark = { type: 'italic' };
const link = (href: string): TMark => ({ type: 'link', href });
const t = (text: string, ...marks: TMark[]): TTextNode =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
const p = (...content: TTextNode[]): TParagraph => ({ type: 'paragraph', content });
const doc = (...content: TBlock[]): TRichText => ({ type: 'doc', content });
/** A document as it might arrive from a bug or an attacker: any shape at all. */
const untrusted = (value: unknown): TRichText => value as TRichText;

const A_OPEN = '<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow">';

/**
 * findHtmlSafetyViolation's allowlist, plus the explicit checks: no dangerous element, no event
 * handler attribute, no script-capable URL scheme. Attribute values are looked at only where they
 * are URLs: alt text is quoted and escaped, so a hostile alt is inert text.
 */
function expectSafe(html: string, input: unknown): void {
  const context = JSON.stringify(input);
  expect(findHtmlSafetyViolation(html), context).toBeNull();
  expect(html, context).not.toMatch(
    /<\s*\/?\s*(script|svg|iframe|object|embed|style|math|form|meta|base|link)/i,
  );
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    expect(tag.replace(/="[^"]*"/g, '=""'), context).not.toMatch(/\son[a-z]*\s*=/i);
    for (const [, url = ''] of tag.matchAll(/ (?:href|src)="([^"]*)"/g)) {
      expect(url, context).not.toMatch(/^[\s\p{Cc}]*(javascript|vbscript|data):/iu);
      expect(url, context).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

describe('renderHtml', () => {
  it('renders paragraphs, marks, links, lists and images', () => {
    const d = doc(
      p(t('Hi '), t('there', bold), t(', '), t('you', italic), t(' '), t('both', bold, italic)),
      { type: 'bullet_list', items: [p(t('one')), p(t('two', link('https://example.com/')))] },
      { type: 'image', src: 'https://cdn.example.com/cat.png', alt: 'A cat' },
    );
    expect(renderHtml(d)).toBe(
      '<p>Hi <strong>there</strong>, <em>you</em> <strong><em>both</em></strong></p>' +
        `<ul><li>one</li><li>${A_OPEN}two</a></li></ul>` +
        '<img src="https://cdn.example.com/cat.png" alt="A cat" loading="lazy">',
    );
  });

  it('renders "\\n" as <br>', () => {
    expect(renderHtml(doc(p(t('a\nb\n', bold))))).toBe('<p><strong>a<br>b<br></strong></p>');
  });

  it('puts neighbouring nodes with the same link into one <a>', () => {
    expect(
      renderHtml(doc(p(t('a ', link('https://example.com/')), t('b', bold, link('https://example.com/'))))),
    ).toBe(`<p>${A_OPEN}a <strong>b</strong></a></p>`);
  });

  it('escapes & < > " and \' in text, alt and URLs', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(renderHtml(doc(p(t(`<b>"Tom" & 'Jerry'</b>`))))).toBe(
      '<p>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>',
    );
    expect(
      renderHtml(doc({ type: 'image', src: 'https://cdn.example.com/a.png?x=1&y="2"', alt: '"><script>' })),
    ).toBe(
      '<img src="https://cdn.example.com/a.png?x=1&amp;y=&quot;2&quot;" alt="&quot;&gt;&lt;script&gt;" loading="lazy">',
    );
  });

  it('renders a disallowed link as its plain text', () => {
    expect(renderHtml(doc(p(t('click', bold, link('javascript:alert(1)')))))).toBe(
      '<p><strong>click</strong></p>',
    );
  });

  it('renders a disallowed image as nothing', () => {
    expect(renderHtml(doc({ type: 'image', src: 'data:image/png;base64,AAAA', alt: 'x' }))).toBe('');
    expect(renderHtml(doc({ type: 'image', src: 'http://example.com/a.png', alt: 'x' }))).toBe('');
  });

  it('renders an empty paragraph as an empty <p>', () => {
    expect(renderHtml(doc({ type: 'paragraph' }))).toBe('<p></p>');
  });

  it('skips unknown nodes, marks and malformed values instead of throwing', () => {
    const d = untrusted({
      type: 'doc',
      content: [
        { type: 'html', html: '<script>alert(1)</script>' },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'ok', marks: [{ type: 'underline' }, null, 'bold'] }],
        },
        { type: 'paragraph', content: [{ type: 'raw', text: '<script>' }, { type: 'text', text: 42 }, null] },
        { type: 'bullet_list', items: 'nope' },
        { type: 'bullet_list', items: [{ type: 'paragraph', content: 'nope' }, 7] },
        { type: 'image', src: { toString: () => 'javascript:alert(1)' } },
        null,
        'text',
      ],
    });
    expect(renderHtml(d)).toBe('<p>ok</p><p></p><ul><li></li></ul>');
    expect(renderHtml(untrusted(null))).toBe('');
    expect(renderHtml(untrusted({ type: 'doc', content: 'x' }))).toBe('');
  });

  describe('with hostile input', () => {
    it('has at least 50 shared payloads and URLs that the URL rules reject', () => {
      expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
      expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
      for (const url of XSS_URLS)
        expect(parseMarkdown(`[x](${url})`).content[0]).not.toHaveProperty('content.0.marks');
    });

    it.each(XSS_PAYLOADS.map((payload) => [payload]))('renders Markdown %j safely', (payload) => {
      const html = renderHtml(parseMarkdown(payload));
      expectSafe(html, payload);
      // The payload's text is still shown, escaped, rather than silently dropped.
      if (!payload.includes('![')) expect(html.length).toBeGreaterThan(0);
    });

    it.each(XSS_PAYLOADS.map((payload) => [payload]))(
      'renders hand-built nodes carrying %j safely',
      (payload) => {
        const d = doc(
          p(
            t(payload),
            t(payload, bold, italic),
            t(payload, link(payload)),
            t('x', link(`https://example.com/${payload}`)),
          ),
          { type: 'bullet_list', items: [p(t(payload, link('https://example.com/')))] },
          { type: 'image', src: payload, alt: payload },
          { type: 'image', src: 'https://cdn.example.com/a.png', alt: payload },
        );
        expectSafe(renderHtml(d), payload);
      },
    );

    it.each(XSS_URLS.map((url) => [url]))('never renders %j as an href or src', (url) => {
      const html = renderHtml(
        doc(
          p(t('click', link(url)), t('me', bold, link(url))),
          { type: 'image', src: url, alt: 'x' },
          { type: 'bullet_list', items: [p(t('item', link(url)))] },
        ),
      );
      expect(html).toBe('<p>click<strong>me</strong></p><ul><li>item</li></ul>');
    });

    it('keeps an allowed URL with quotes inside its attribute', () => {
      const html = renderHtml(doc(p(t('x', link('https://example.com/"onmouseover="alert(1)')))));
      expect(html).toContain('href="https://example.com/&quot;onmouseover=&quot;alert(1)"');
      expectSafe(html, 'quotes');
    });
  });
});
