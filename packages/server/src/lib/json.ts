import { findJsonLimitViolation } from '@charla/protocol';
import { AppError } from './app-error';

/**
 * Refuses JSON that is nested too deeply or holds too many values (`JSON_TOO_DEEP` 422,
 * `JSON_TOO_LARGE` 413), before anything recursive (JSON.stringify, zod, a renderer) touches it.
 * Every request body passes here at the edge, and every JSON column again before it is written.
 */
export function assertJsonWithinLimits(value: unknown): void {
  const violation = findJsonLimitViolation(value);
  if (violation?.kind === 'depth')
    throw new AppError('JSON_TOO_DEEP', { details: { path: violation.path, maxDepth: violation.maxDepth } });
  if (violation?.kind === 'nodes')
    throw new AppError('JSON_TOO_LARGE', { details: { maxValues: violation.maxNodes } });
}

/** JSON columns are text in both dialects (we never query inside them); these two helpers are the only bridge. */
export function toJsonColumn(value: unknown): string {
  assertJsonWithinLimits(value);
  return JSON.stringify(value);
}

export function fromJsonColumn<T>(value: string | null | undefined, fallback: T): T {
  if (value === null || value === undefined || value === '') return fallback;
  return JSON.parse(value) as T;
}
