import { describe, expect, it } from 'vitest';
import { folderOf } from './folders';

const ME = 'me';
const assignee = (id: string) => ({ id });

describe('folderOf', () => {
  it('puts a waiting conversation in Unassigned, mine in Mine, a colleague’s nowhere', () => {
    expect(folderOf({ status: 'waiting', assignee: null }, ME)).toBe('unassigned');
    expect(folderOf({ status: 'assigned', assignee: assignee(ME) }, ME)).toBe('mine');
    expect(folderOf({ status: 'assigned', assignee: assignee('other') }, ME)).toBeNull();
  });

  it('puts every closed conversation in Closed and the bot phase nowhere', () => {
    expect(folderOf({ status: 'closed', assignee: assignee('other') }, ME)).toBe('closed');
    expect(folderOf({ status: 'bot', assignee: null }, ME)).toBeNull();
  });
});
