import { describe, expect, it } from 'vitest';
import { filterClosed } from './closed-filter';

describe('the Closed filter (issue 16)', () => {
  const items = [
    { id: 'a', closeReason: 'missed' as const },
    { id: 'b', closeReason: 'closed_by_user' as const },
    { id: 'c', closeReason: 'offline' as const },
    { id: 'd', closeReason: 'missed' as const },
  ];
  it('keeps every closed conversation, or only the missed ones', () => {
    expect(filterClosed(items, 'all').map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(filterClosed(items, 'missed').map((c) => c.id)).toEqual(['a', 'd']);
  });
});
