import { describe, expect, it } from 'vitest';
import { BRIDGE_NS, exactHostOrigin, identifyFieldsOf, isBridgeMessage } from './bridge';

describe('exactHostOrigin', () => {
  it.each([
    'https://www.customer.example',
    'http://localhost:5173',
    'http://127.0.0.1:8080',
    'https://[::1]:8443',
  ])('keeps the exact origin %s', (origin) => {
    expect(exactHostOrigin(origin)).toBe(origin);
  });

  it.each([
    ['a wildcard', '*'],
    ['the same-origin marker', '/'],
    ['an opaque origin', 'null'],
    ['nothing', null],
    ['an empty value', ''],
    ['a URL with a path', 'https://www.customer.example/pricing'],
    ['a trailing slash', 'https://www.customer.example/'],
    ['a default port spelt out', 'https://www.customer.example:443'],
    ['upper case', 'HTTPS://WWW.CUSTOMER.EXAMPLE'],
    ['credentials', 'https://user:pw@www.customer.example'],
    ['a non-web scheme', 'file://'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,x'],
    ['a relative value', 'www.customer.example'],
  ])('refuses %s', (_what, value) => {
    expect(exactHostOrigin(value)).toBe('');
  });
});

describe('isBridgeMessage', () => {
  it('accepts objects in our namespace only', () => {
    expect(isBridgeMessage({ ns: BRIDGE_NS, type: 'ready' })).toBe(true);
    expect(isBridgeMessage({ ns: 'other', type: 'ready' })).toBe(false);
    expect(isBridgeMessage({ type: 'ready' })).toBe(false);
    expect(isBridgeMessage('charla')).toBe(false);
    expect(isBridgeMessage(null)).toBe(false);
    expect(isBridgeMessage(JSON.stringify({ ns: BRIDGE_NS, type: 'ready' }))).toBe(false);
  });
});

describe('identifyFieldsOf', () => {
  it('keeps the signed identity and typed attributes', () => {
    const fields = {
      userId: 'u1',
      userHash: 'ab'.repeat(32),
      name: 'Ann',
      email: 'ann@customer.example',
      attributes: { plan: 'pro', seats: 3, trial: false },
    };
    expect(identifyFieldsOf({ ns: BRIDGE_NS, type: 'identify', ...fields })).toEqual(fields);
  });

  it('drops what is not a string or a flat attribute, and never passes ns or type on', () => {
    expect(
      identifyFieldsOf({
        ns: BRIDGE_NS,
        type: 'identify',
        userId: 42,
        userHash: '',
        name: { first: 'Ann' },
        secret: 'x',
        attributes: { plan: ['a'], seats: 2, when: null },
      }),
    ).toEqual({ attributes: { seats: 2 } });
    expect(identifyFieldsOf({ attributes: ['a'] })).toEqual({});
  });
});
