import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf } from './api-client';
import { i18next } from './i18n';

const invalid = (details: unknown) =>
  new ApiError(400, 'VALIDATION_FAILED', 'Some fields are invalid.', details);

describe('fieldErrorsOf', () => {
  it('maps the server’s dotted string paths to fields (what the API sends)', () => {
    const error = invalid([
      { path: 'name', message: 'Too big: expected string to have <=120 characters', in: 'body' },
      { path: 'person.email', message: 'Invalid email address', in: 'body' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({
      name: 'Too big: expected string to have <=120 characters',
      'person.email': 'Invalid email address',
    });
  });
  it('maps Zod-style segment paths, inside `issues` or not', () => {
    expect(fieldErrorsOf(invalid([{ path: ['person', 'email'], message: 'Bad' }]))).toEqual({
      'person.email': 'Bad',
    });
    expect(fieldErrorsOf(invalid({ issues: [{ path: ['name'], message: 'Bad' }] }))).toEqual({ name: 'Bad' });
  });
  it('skips issues without a path or message, and anything that is not a validation error', () => {
    expect(
      fieldErrorsOf(invalid([{ message: 'No path' }, { path: 'x' }, { path: 3, message: 'odd' }])),
    ).toEqual({});
    expect(fieldErrorsOf(invalid(undefined))).toEqual({});
    expect(fieldErrorsOf(new ApiError(409, 'EMAIL_TAKEN', 'taken'))).toEqual({});
    expect(fieldErrorsOf(new Error('boom'))).toEqual({});
  });
  it('says what the field broke in the reader’s language when the server names the rule', async () => {
    const error = invalid([
      {
        path: 'name',
        message: 'Too big: expected string to have <=120 characters',
        rule: 'too_long',
        limit: 120,
      },
      { path: 'email', message: 'Invalid email address', rule: 'email' },
      { path: 'capacity', message: 'Too big: expected number to be <=50', rule: 'too_large', limit: 50 },
      { path: 'link', message: 'Invalid URL', rule: 'url' },
      { path: 'title', message: 'Too small: expected string to have >=1 characters', rule: 'required' },
      { path: 'stage', message: 'Invalid option: expected one of "a"|"b"', rule: 'invalid' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({
      name: 'Use at most 120 characters.',
      email: 'Enter an email address like name@example.com.',
      capacity: 'Use a number no greater than 50.',
      link: 'Enter a web address like https://example.com.',
      title: 'Fill in this field.',
      stage: 'Invalid option: expected one of "a"|"b"',
    });
    await i18next.changeLanguage('es');
    try {
      expect(fieldErrorsOf(error)).toEqual({
        name: 'Usa como máximo 120 caracteres.',
        email: 'Escribe un correo como nombre@ejemplo.com.',
        capacity: 'Usa un número no mayor que 50.',
        link: 'Escribe una dirección web como https://ejemplo.com.',
        title: 'Rellena este campo.',
        stage: 'Este campo no es válido.',
      });
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
