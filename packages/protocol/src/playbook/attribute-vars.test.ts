import { describe, expect, it } from 'vitest';
import { attributeVars } from './attribute-vars';

const doc = {
  variables: [
    { key: 'plan', label: 'Plan', type: 'text' as const },
    { key: 'seats', label: 'Seats', type: 'number' as const },
    { key: 'trial', label: 'Trial', type: 'text' as const },
    { key: 'signup_date', label: 'Signed up', type: 'text' as const },
  ],
};

describe('attributeVars', () => {
  it('fills each declared variable from the attribute of the same key, as text', () => {
    expect(
      attributeVars(doc, { plan: 'pro', seats: 12, trial: false, signup_date: '2026-01-31', other: 'x' }),
    ).toEqual({ plan: 'pro', seats: '12', trial: 'false', signup_date: '2026-01-31' });
  });

  it('fills nothing without attributes, and never an undeclared key or an inherited property', () => {
    expect(attributeVars(doc, undefined)).toEqual({});
    expect(attributeVars(doc, { visitor_email: 'a@b.example', constructor: 'x' })).toEqual({});
    expect(attributeVars({ variables: [{ key: 'constructor', label: 'c', type: 'text' }] }, {})).toEqual({});
  });
});
