import type { TFieldIssue, TFieldRule } from '@charla/protocol';

/** A validator's issue as Zod reports it: its code and the numbers or format it checked. */
type ValidatorIssue = {
  code: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
};

const TEXT = new Set(['string']);
const NUMBER = new Set(['number', 'int', 'bigint']);

/** What a field broke, from the validator's issue: the `rule` and `limit` clients translate. */
export function fieldIssueOf(path: string, message: string, issue: ValidatorIssue): TFieldIssue {
  return { path, message, ...ruleOf(issue, message) };
}

/**
 * Zod does not keep the refused value in its issues; a key that was left out is told apart from a
 * value of the wrong type by the words it reports ("…, received undefined").
 */
const MISSING = /received undefined$/;

function ruleOf(issue: ValidatorIssue, message: string): { rule: TFieldRule; limit?: number } {
  const origin = typeof issue.origin === 'string' ? issue.origin : '';
  if (issue.code === 'invalid_type' && MISSING.test(message)) return { rule: 'required' };
  if (issue.code === 'too_big' && TEXT.has(origin)) return withLimit('too_long', issue.maximum);
  if (issue.code === 'too_big' && NUMBER.has(origin)) return withLimit('too_large', issue.maximum);
  if (issue.code === 'too_small' && TEXT.has(origin)) {
    return Number(issue.minimum) <= 1 ? { rule: 'required' } : withLimit('too_short', issue.minimum);
  }
  if (issue.code === 'too_small' && NUMBER.has(origin)) return withLimit('too_small', issue.minimum);
  if (issue.code === 'invalid_format' && issue.format === 'email') return { rule: 'email' };
  if (issue.code === 'invalid_format' && issue.format === 'url') return { rule: 'url' };
  return { rule: 'invalid' };
}

function withLimit(rule: TFieldRule, limit: unknown): { rule: TFieldRule; limit?: number } {
  const n = Number(limit);
  return Number.isFinite(n) ? { rule, limit: n } : { rule };
}
