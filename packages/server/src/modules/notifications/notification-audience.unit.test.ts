import { describe, expect, it } from 'vitest';
import { audienceOf } from './notification-audience';

const users = [{ id: 'ana' }, { id: 'ben' }, { id: 'cai' }];
const members = (ids: string[]) => () => Promise.resolve(ids);

describe('audienceOf', () => {
  it('is everyone, one user, or the team’s active members', async () => {
    expect(await audienceOf({ everyone: true }, users, members([]))).toEqual(users);
    expect(await audienceOf({ userId: 'ben' }, users, members([]))).toEqual([{ id: 'ben' }]);
    expect(await audienceOf({ teamId: 't' }, users, members(['cai', 'gone']))).toEqual([{ id: 'cai' }]);
  });
  it('falls back to everyone when the team has no active member', async () => {
    expect(await audienceOf({ teamId: 't' }, users, members(['gone']))).toEqual(users);
  });
});
