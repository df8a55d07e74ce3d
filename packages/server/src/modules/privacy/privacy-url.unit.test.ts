import { describe, expect, it } from 'vitest';
import { isWebPageUrl } from './privacy-url';

describe('isWebPageUrl', () => {
  it.each([
    ['https://shop.example/privacy', true],
    ['http://shop.example/privacy', true],
    ['HTTPS://shop.example/privacidad?lang=es', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<b>hi</b>', false],
    ['mailto:privacy@shop.example', false],
    ['ftp://shop.example/privacy', false],
    ['//shop.example/privacy', false],
    ['https://', false],
    ['shop.example/privacy', false],
    ['', false],
  ])('says %j is a web page: %s', (value, expected) => {
    expect(isWebPageUrl(value)).toBe(expected);
  });
});
