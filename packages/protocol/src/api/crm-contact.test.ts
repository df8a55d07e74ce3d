import { describe, expect, it } from 'vitest';
import { ZCrmEmail, ZCrmPhone } from './crm-common.schema';
import { isCrmEmail, isCrmPhone } from './crm-contact';

// The inbox checks typed emails and phones with the zod-free helpers; the server with the
// schemas. They must agree, or a value the inbox lets through would be refused (or the reverse).
describe('CRM contact checks agree with the server schemas', () => {
  it.each([
    'name@example.com',
    ' Ana.Maria+crm@sub.example.es ',
    'bad@@mail',
    'name@',
    '@example.com',
    'no-at-sign',
    'a..b@example.com',
    'x@example.c',
    `${'a'.repeat(250)}@example.com`,
    '',
  ])('email %j', (text) => {
    expect(isCrmEmail(text)).toBe(ZCrmEmail.safeParse(text).success);
  });
  it.each([
    '+34 600 000 000',
    '(91) 123-4567',
    'abc not a phone',
    '123',
    '1234567890123456',
    `+34 ${'0'.repeat(8)}${' '.repeat(40)}`,
    '',
  ])('phone %j', (text) => {
    expect(isCrmPhone(text)).toBe(ZCrmPhone.safeParse(text).success);
  });
  it('takes the usual ones and refuses the typos the CRM saw', () => {
    expect([isCrmEmail('name@example.com'), isCrmEmail('bad@@mail')]).toEqual([true, false]);
    expect([isCrmPhone('+34 600 000 000'), isCrmPhone('abc not a phone')]).toEqual([true, false]);
  });
});
