import { describe, expect, it } from 'vitest';
import { describeUserAgent, shortUrl, visitorName } from './visitor-name';

const t = (key: string, options?: Record<string, unknown>) => `${key}:${String(options?.number)}`;
const visitor = (displayName: string) => ({
  id: 'v',
  number: 42,
  displayName,
  email: null,
  context: {
    pageUrl: null,
    pageTitle: null,
    referrer: null,
    userAgent: null,
    language: null,
    timeZone: null,
    firstSeenAt: 0,
    pagesSeen: [],
  },
});

describe('visitorName', () => {
  it('uses the captured name when there is one', () => {
    expect(visitorName(visitor('Anna Díaz'), t)).toBe('Anna Díaz');
  });
  it('isolates a name carrying bidi controls, so an RLO cannot reverse the text after it', () => {
    expect(visitorName(visitor('Bob\u202egnp.exe'), t)).toBe('\u2068Bob\u202egnp.exe\u2069');
  });
  it("says a numbered name written in any language in the reader's (issue 23)", () => {
    for (const written of ['Besucher #42', 'Visiteur nº 42', 'Visitante #42'])
      expect(visitorName(visitor(written), t)).toBe('inbox.visitorNumber:42');
    expect(visitorName(visitor('Besucher #7'), t)).toBe('Besucher #7');
  });
  it('uses the translated numbered name when there is none', () => {
    expect(visitorName(visitor(''), t)).toBe('inbox.visitorNumber:42');
    expect(visitorName(visitor('Visitor #42'), t)).toBe('inbox.visitorNumber:42');
  });
});

describe('shortUrl', () => {
  it('drops the scheme and a bare slash', () => {
    expect(shortUrl('https://shop.example.com/')).toBe('shop.example.com');
    expect(shortUrl('https://shop.example.com/pricing?x=1')).toBe('shop.example.com/pricing');
  });
});

describe('describeUserAgent', () => {
  it('names browser and system', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      ),
    ).toBe('Chrome 120 · macOS');
  });
});
