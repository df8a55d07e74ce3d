import { describe, expect, it } from 'vitest';
import { ForbiddenTargetError } from '../../lib/ssrf-guard';
import { mapWithConcurrency, outcomeOfError, outcomeOfStatus } from './push-dispatch';

describe('push dispatch', () => {
  it('classifies push service answers', () => {
    expect(outcomeOfStatus(201).outcome).toBe('delivered');
    expect(outcomeOfStatus(410)).toEqual({ outcome: 'expired', statusCode: 410, error: 'HTTP 410' });
    expect(outcomeOfStatus(404).outcome).toBe('expired');
    expect(outcomeOfStatus(429)).toEqual({ outcome: 'failed', statusCode: 429, error: 'HTTP 429' });
    expect(outcomeOfStatus(500).outcome).toBe('failed');
  });

  it('describes failures without an answer', () => {
    expect(outcomeOfError(Object.assign(new Error('x'), { name: 'TimeoutError' })).error).toMatch(
      /^Timed out/,
    );
    expect(outcomeOfError(new ForbiddenTargetError('private', 'Host 10.0.0.1 …')).error).toBe(
      'Refused: not a public address',
    );
    expect(outcomeOfError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toEqual({
      outcome: 'failed',
      statusCode: null,
      error: 'ECONNREFUSED',
    });
  });

  it('never runs more than the limit at once and keeps the order of results', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapWithConcurrency([...Array(17).keys()], 5, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return n * 2;
    });
    expect(most).toBe(5);
    expect(results).toEqual([...Array(17).keys()].map((n) => n * 2));
    expect(await mapWithConcurrency([], 5, async () => 1)).toEqual([]);
  });
});
