import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssueOf } from './field-issue';

/** The issue a real schema reports for `value`, mapped as the error handler maps it. */
function issueFor(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  const [issue] = result.error.issues;
  if (!issue) throw new Error('no issue');
  return fieldIssueOf('field', issue.message, issue);
}

describe('fieldIssueOf', () => {
  it('names text limits with the number of characters', () => {
    expect(issueFor(z.string().max(120), 'x'.repeat(121))).toMatchObject({ rule: 'too_long', limit: 120 });
    expect(issueFor(z.string().min(8), 'short')).toMatchObject({ rule: 'too_short', limit: 8 });
  });

  it('calls an empty required text required', () => {
    const issue = issueFor(z.string().trim().min(1), '   ');
    expect(issue).toMatchObject({ path: 'field', rule: 'required' });
    expect(issue.limit).toBeUndefined();
  });

  it('calls a missing field required, and a field of the wrong type invalid', () => {
    const form = z.object({ name: z.string(), age: z.number() });
    expect(issueFor(form, { age: 3 })).toMatchObject({ rule: 'required' });
    expect(issueFor(form, { name: 'Ana', age: '3' })).toMatchObject({ rule: 'invalid' });
  });

  it('names number bounds with the bound', () => {
    expect(issueFor(z.number().int().max(50), 51)).toMatchObject({ rule: 'too_large', limit: 50 });
    expect(issueFor(z.number().int().min(1), 0)).toMatchObject({ rule: 'too_small', limit: 1 });
  });

  it('tells an email from a web address', () => {
    expect(issueFor(z.email(), 'not an email')).toMatchObject({ rule: 'email' });
    expect(issueFor(z.url(), 'not a url')).toMatchObject({ rule: 'url' });
  });

  it('calls anything else invalid and keeps the validator’s words', () => {
    const issue = issueFor(z.enum(['a', 'b']), 'c');
    expect(issue.rule).toBe('invalid');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issueFor(z.array(z.string()).max(2), ['a', 'b', 'c'])).toMatchObject({ rule: 'invalid' });
  });
});
