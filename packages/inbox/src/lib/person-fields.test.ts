import { describe, expect, it } from 'vitest';
import { firstInvalidField, personFieldErrors } from './person-fields';

const t = (key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key;

describe('personFieldErrors', () => {
  it('accepts a good name, email and password', () => {
    expect(
      personFieldErrors({ name: ' Ana ', email: 'ana@example.com ', password: 'password1234' }, t),
    ).toEqual({});
  });
  it('says which fields are empty', () => {
    expect(personFieldErrors({ name: '  ', email: '', password: 'password1234' }, t)).toEqual({
      name: 'errors.required',
      email: 'errors.required',
    });
  });
  it('refuses a name longer than the server takes (120), not 120 itself', () => {
    expect(personFieldErrors({ name: 'a'.repeat(120) }, t)).toEqual({});
    expect(personFieldErrors({ name: 'a'.repeat(300) }, t)).toEqual({ name: 'errors.tooLong {"max":120}' });
  });
  it('refuses an address that is not an email, and one too long', () => {
    expect(personFieldErrors({ email: 'not-an-email' }, t)).toEqual({ email: 'errors.emailInvalid' });
    expect(personFieldErrors({ email: 'a@b' }, t)).toEqual({ email: 'errors.emailInvalid' });
    expect(personFieldErrors({ email: `${'a'.repeat(250)}@b.co` }, t)).toEqual({
      email: 'errors.tooLong {"max":254}',
    });
  });
  it('refuses a password under 10 characters; fields left out are not checked', () => {
    expect(personFieldErrors({ password: '123456789' }, t)).toEqual({
      password: 'errors.tooShort {"min":10}',
    });
    expect(personFieldErrors({}, t)).toEqual({});
  });
});

describe('firstInvalidField', () => {
  it('is the first bad field in form order', () => {
    expect(firstInvalidField(['name', 'email', 'password'], { password: 'x', email: 'y' })).toBe('email');
    expect(firstInvalidField(['name', 'email'], {})).toBeNull();
  });
});
