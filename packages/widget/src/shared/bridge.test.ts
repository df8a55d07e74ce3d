import { describe, expect, it } from 'vitest';
import { BRIDGE_NS, exactHostOrigin, isBridgeMessage } from './bridge';

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
