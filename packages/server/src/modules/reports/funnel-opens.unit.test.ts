import { describe, expect, it } from 'vitest';
import { withOpens } from './funnel-opens';

const blank = (playbookId: string) => ({ playbookId, started: 0 });

describe('withOpens', () => {
  it('adds opens now and before to each playbook row, and 0 to a row without a playbook', () => {
    const rows = withOpens(
      [
        { playbookId: 'p1', started: 3 },
        { playbookId: null, started: 1 },
      ],
      new Map([['p1', 5]]),
      new Map([['p1', 2]]),
      true,
      blank,
    );
    expect(rows).toEqual([
      { playbookId: 'p1', started: 3, opened: 5, openedPrevious: 2 },
      { playbookId: null, started: 1, opened: 0, openedPrevious: 0 },
    ]);
  });

  it('lists a playbook that was only opened, with no conversation started', () => {
    const rows = withOpens([], new Map([['p2', 4]]), new Map(), true, blank);
    expect(rows).toEqual([{ playbookId: 'p2', started: 0, opened: 4, openedPrevious: 0 }]);
  });

  it('gives null (not countable) under a user, team or label filter and adds no opened-only row', () => {
    const rows = withOpens(
      [{ playbookId: 'p1', started: 1 }],
      new Map([
        ['p1', 5],
        ['p2', 1],
      ]),
      new Map(),
      false,
      blank,
    );
    expect(rows).toEqual([{ playbookId: 'p1', started: 1, opened: null, openedPrevious: null }]);
  });
});
