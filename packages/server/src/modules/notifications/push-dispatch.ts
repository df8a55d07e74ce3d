import type { TPushDeviceResultDto } from '@charla/protocol';
import { ForbiddenTargetError } from '../../lib/ssrf-guard';
import { PUSH_TIMEOUT_MS } from './push-sender';

/** At most this many push requests in flight per notification: many devices never queue behind one slow service. */
export const PUSH_CONCURRENCY = 5;

export type PushOutcome = Pick<TPushDeviceResultDto, 'outcome' | 'statusCode' | 'error'>;

/** 2xx delivered; 404/410 the subscription is gone for good (remove it); anything else failed this time. */
export function outcomeOfStatus(status: number): PushOutcome {
  if (status >= 200 && status < 300) return { outcome: 'delivered', statusCode: status, error: null };
  if (status === 404 || status === 410)
    return { outcome: 'expired', statusCode: status, error: `HTTP ${status}` };
  return { outcome: 'failed', statusCode: status, error: `HTTP ${status}` };
}

/** A push that never got an HTTP answer, in words a user can act on (no internals). */
export function outcomeOfError(error: unknown): PushOutcome {
  const e = error as { name?: string; code?: string };
  if (error instanceof ForbiddenTargetError)
    return { outcome: 'failed', statusCode: null, error: 'Refused: not a public address' };
  if (e.name === 'AbortError' || e.name === 'TimeoutError')
    return { outcome: 'failed', statusCode: null, error: `Timed out after ${PUSH_TIMEOUT_MS / 1000} s` };
  return { outcome: 'failed', statusCode: null, error: e.code ?? 'Network error' };
}

/** Rejects with a TimeoutError after `ms` (DNS and connection set-up included, not only the request). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('deadline'), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Runs `fn` over `items` with at most `limit` at a time; results keep the items' order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
