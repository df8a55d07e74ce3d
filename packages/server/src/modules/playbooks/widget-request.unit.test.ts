import { describe, expect, it } from 'vitest';
import { decideWidgetRequest, type TWidgetRequest } from './widget-request';

const base: TWidgetRequest = {
  origin: undefined,
  pageUrl: undefined,
  publicUrl: 'https://chat.example.com',
  allowedOrigins: [],
};
const decide = (patch: Partial<TWidgetRequest>) => decideWidgetRequest({ ...base, ...patch });

describe('decideWidgetRequest', () => {
  it('records a real page with its URL, without the fragment', () => {
    expect(
      decide({ origin: 'https://shop.example.org', pageUrl: 'https://shop.example.org/a?b=1#c' }),
    ).toEqual({
      allowed: true,
      install: { origin: 'https://shop.example.org', lastUrl: 'https://shop.example.org/a?b=1' },
    });
  });

  it('records the origin alone when the page URL is missing, foreign or too long', () => {
    const origin = 'https://shop.example.org';
    expect(decide({ origin })).toMatchObject({ install: { lastUrl: `${origin}/` } });
    expect(decide({ origin, pageUrl: 'https://other.example.org/x' })).toMatchObject({
      install: { lastUrl: `${origin}/` },
    });
    expect(decide({ origin, pageUrl: `${origin}/${'x'.repeat(2000)}` })).toMatchObject({
      install: { lastUrl: `${origin}/` },
    });
  });

  it('records nothing for the preview on Charla itself, a missing origin, or a non-web origin', () => {
    expect(decide({ origin: 'https://chat.example.com' })).toEqual({ allowed: true, install: null });
    expect(decide({})).toEqual({ allowed: true, install: null });
    expect(decide({ origin: 'null' })).toEqual({ allowed: true, install: null });
    expect(decide({ origin: 'chrome-extension://abc' })).toEqual({ allowed: true, install: null });
  });

  it('allows only listed origins (and the preview) when the list is not empty', () => {
    const allowedOrigins = ['https://www.example.org'];
    expect(decide({ allowedOrigins, origin: 'https://www.example.org' })).toMatchObject({ allowed: true });
    expect(decide({ allowedOrigins, origin: 'https://chat.example.com' })).toMatchObject({
      allowed: true,
      install: null,
    });
    expect(decide({ allowedOrigins, origin: 'https://evil.example.net' })).toEqual({ allowed: false });
    expect(decide({ allowedOrigins, origin: 'http://www.example.org' })).toEqual({ allowed: false });
    expect(decide({ allowedOrigins })).toEqual({ allowed: false });
  });

  it('counts the bundled demo page on Charla’s own origin as a real page, but not other own pages', () => {
    const base = {
      origin: 'https://chat.example.com',
      publicUrl: 'https://chat.example.com',
      allowedOrigins: [],
    };
    expect(decideWidgetRequest({ ...base, pageUrl: 'https://chat.example.com/demo' })).toEqual({
      allowed: true,
      install: { origin: 'https://chat.example.com', lastUrl: 'https://chat.example.com/demo' },
    });
    expect(
      decideWidgetRequest({ ...base, origin: undefined, pageUrl: 'https://chat.example.com/demo?x=1' }),
    ).toEqual({
      allowed: true,
      install: { origin: 'https://chat.example.com', lastUrl: 'https://chat.example.com/demo?x=1' },
    });
    expect(decideWidgetRequest({ ...base, pageUrl: 'https://chat.example.com/playbooks/x' })).toEqual({
      allowed: true,
      install: null,
    });
    expect(decideWidgetRequest({ ...base, pageUrl: 'https://elsewhere.example/demo' })).toEqual({
      allowed: true,
      install: null,
    });
  });
});
