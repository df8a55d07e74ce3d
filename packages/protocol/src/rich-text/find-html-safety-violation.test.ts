import { describe, expect, it } from 'vitest';
import { findHtmlSafetyViolation } from './find-html-safety-violation';

describe('findHtmlSafetyViolation', () => {
  it('accepts what renderHtml writes', () => {
    expect(
      findHtmlSafetyViolation(
        '<p>a &amp; b &lt;i&gt; &quot;q&quot; &#39;s&#39;<br><strong><em>x</em></strong></p><ul><li>' +
          '<a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">l</a></li></ul>' +
          '<img src="https://cdn.example.com/a.png" alt="javascript:alert(1) is only text here" loading="lazy">',
      ),
    ).toBeNull();
  });

  it.each([
    ['<script>alert(1)</script>', 'tag <script>'],
    ['<SCRIPT>', 'unescaped "<"'],
    ['<p onclick="x">', 'attribute "onclick" on <p>'],
    ['<img src="x" onerror="alert(1)">', 'disallowed src "x"'],
    ['<a href="javascript:alert(1)">', 'dangerous URL in a[href]'],
    ['<a href=" &#106;avascript:alert(1)">', 'stray "&" in a[href]'],
    ['<a href="\u0001javascript:alert(1)">', 'dangerous URL in a[href]'],
    ['<img src="data:image/png;base64,AAAA">', 'dangerous URL in img[src]'],
    ['<a href="http://user:pw@example.com/">', 'disallowed href "http://user:pw@example.com/"'],
    ['<a href=https://example.com>', 'unescaped "<"'],
    ['<p>a > b</p>', 'unescaped ">"'],
    ['<p>AT&T</p>', 'stray "&"'],
    ['<svg onload=alert(1)>', 'unescaped "<"'],
    ['</p class="x">', 'attributes on </p>'],
  ])('reports %j', (html, expected) => {
    expect(findHtmlSafetyViolation(html)).toContain(expected);
  });
});
