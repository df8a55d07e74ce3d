import { describe, expect, it } from 'vitest';
import { toHttpUrlOrNull, ZReportedPageUrl } from './page-url';

describe('toHttpUrlOrNull', () => {
  it('keeps absolute http(s) URLs exactly as sent', () => {
    for (const url of [
      'https://www.customer.example/pricing?plan=pro#faq',
      'http://localhost:3000/demo',
      'HTTPS://EXAMPLE.COM/',
      'https://xn--bcher-kva.example/%E2%82%AC?q=a+b&r=%22x%22#top',
      'https://[2001:db8::1]:8443/path;x=1',
    ]) {
      expect(toHttpUrlOrNull(url)).toBe(url);
    }
  });

  it('drops every other scheme and every spelling browsers would repair', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      ' javascript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/',
      '//example.com/page',
      '/relative/path',
      'https://exa mple.com/',
      'https://example.com/\u0000',
      'http://',
      'https://example.com/" onerror="alert(1)',
      'https://example.com/<script>',
      'https://user:pw@evil.example/',
      'https://exa\u200bmple.com/',
      'https://\u202eexample.com/',
      '',
    ]) {
      expect(toHttpUrlOrNull(url), JSON.stringify(url)).toBeNull();
    }
    expect(toHttpUrlOrNull(null)).toBeNull();
    expect(toHttpUrlOrNull(undefined)).toBeNull();
  });

  it('is what the widget frames parse page URLs with', () => {
    expect(ZReportedPageUrl.parse('javascript:alert(1)')).toBeNull();
    expect(ZReportedPageUrl.parse('https://example.com/')).toBe('https://example.com/');
    expect(ZReportedPageUrl.safeParse('https://example.com/' + 'a'.repeat(2000)).success).toBe(false);
  });
});
