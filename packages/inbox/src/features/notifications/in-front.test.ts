import { describe, expect, it } from 'vitest';
import { conversationInFront } from './in-front';

describe('conversationInFront', () => {
  it.each([
    ['/inbox/mine/c-1', 'c-1'],
    ['/inbox/unassigned/c-2/', 'c-2'],
    ['/conversations/c-3', 'c-3'],
    ['/inbox/closed', null],
    ['/inbox', null],
    ['/crm/deals/d-1', null],
    ['/settings/notifications', null],
    ['/', null],
  ])('%s → %s', (path, expected) => {
    expect(conversationInFront(path)).toBe(expected);
  });
});
