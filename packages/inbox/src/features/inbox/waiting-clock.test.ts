import { describe, expect, it } from 'vitest';
import { waitingClock } from './waiting-clock';

describe('the clock of an Unassigned row (issue 16)', () => {
  const since = 1_000_000;
  const deadline = since + 120_000; // two minutes to take it

  it('counts down to the deadline the visitor sees, urgent in the last 20 %', () => {
    expect(waitingClock({ waitingSince: since, waitingDeadline: deadline }, since + 30_000)).toEqual({
      leftMs: 90_000,
      urgent: false,
    });
    expect(waitingClock({ waitingSince: since, waitingDeadline: deadline }, since + 95_999)).toEqual({
      leftMs: 24_001,
      urgent: false,
    });
    expect(waitingClock({ waitingSince: since, waitingDeadline: deadline }, since + 96_000)).toEqual({
      leftMs: 24_000,
      urgent: true,
    });
  });

  it('stops at zero past the deadline (the sweep is about to close it as missed)', () => {
    expect(waitingClock({ waitingSince: since, waitingDeadline: deadline }, deadline + 5_000)).toEqual({
      leftMs: 0,
      urgent: true,
    });
  });

  it('without a deadline shows the time waited, urgent after a minute; nothing when not waiting', () => {
    expect(waitingClock({ waitingSince: since, waitingDeadline: null }, since + 59_000)).toEqual({
      waitedMs: 59_000,
      urgent: false,
    });
    expect(waitingClock({ waitingSince: since, waitingDeadline: null }, since + 61_000)).toEqual({
      waitedMs: 61_000,
      urgent: true,
    });
    expect(waitingClock({ waitingSince: null, waitingDeadline: null }, since)).toBeNull();
  });
});
