import { describe, expect, it } from 'vitest';
import { filterByTeam } from './team-filter';

const chat = (id: string, teamId: string | null) => ({
  id,
  routing: { team: teamId ? { id: teamId, name: teamId } : null, watchdogDeadline: null, whenOffline: false },
});

describe('filterByTeam', () => {
  const chats = [chat('a', 'sales'), chat('b', null), chat('c', 'support'), { id: 'd', routing: undefined }];
  it('keeps every chat when no team is chosen', () => {
    expect(filterByTeam(chats, '').map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('keeps only the chats routed to the chosen team', () => {
    expect(filterByTeam(chats, 'sales').map((c) => c.id)).toEqual(['a']);
    expect(filterByTeam(chats, 'nobody')).toEqual([]);
  });
});
