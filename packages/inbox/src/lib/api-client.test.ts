import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf } from './api-client';

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
});
