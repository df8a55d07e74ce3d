import { describe, expect, it } from 'vitest';
import { createLatestAnswer } from './latest-answer';

describe('createLatestAnswer', () => {
  it('lands answers that arrive in the order their requests were sent', () => {
    const latest = createLatestAnswer();
    const first = latest.ticket();
    const second = latest.ticket();
    expect(latest.mayLand(first)).toBe(true);
    expect(latest.mayLand(second)).toBe(true);
  });

  it('drops an answer that arrives after the answer to a later request (a slow refresh after a save)', () => {
    const latest = createLatestAnswer();
    const refresh = latest.ticket();
    const save = latest.ticket();
    expect(latest.mayLand(save)).toBe(true);
    expect(latest.mayLand(refresh)).toBe(false);
    const next = latest.ticket();
    expect(latest.mayLand(next)).toBe(true);
  });

  it('drops every answer to a request sent before outdateAll (the user moved to another conversation)', () => {
    const latest = createLatestAnswer();
    const old = latest.ticket();
    latest.outdateAll();
    const fresh = latest.ticket();
    expect(latest.mayLand(old)).toBe(false);
    expect(latest.mayLand(fresh)).toBe(true);
  });

  it('lands an answer once', () => {
    const latest = createLatestAnswer();
    const only = latest.ticket();
    expect(latest.mayLand(only)).toBe(true);
    expect(latest.mayLand(only)).toBe(false);
  });
});
