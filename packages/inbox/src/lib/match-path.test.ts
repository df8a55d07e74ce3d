import { describe, expect, it } from 'vitest';
import { matchPath } from './match-path';

describe('matchPath', () => {
  it('returns params when the path matches', () => {
    expect(matchPath('/inbox/:folder/:id', '/inbox/mine/abc')).toEqual({ folder: 'mine', id: 'abc' });
  });
  it('returns null when the segment count differs', () => {
    expect(matchPath('/inbox/:folder', '/inbox/mine/abc')).toBeNull();
    expect(matchPath('/inbox/:folder/:id', '/inbox/mine')).toBeNull();
  });
  it('returns null when a literal segment differs', () => {
    expect(matchPath('/settings/notifications', '/settings/users')).toBeNull();
  });
  it('ignores trailing slashes and decodes params', () => {
    expect(matchPath('/conversations/:id', '/conversations/a%20b/')).toEqual({ id: 'a b' });
  });
  it('captures the rest when the pattern ends with *', () => {
    expect(matchPath('/crm/*', '/crm/leads/1')).toEqual({ '*': 'leads/1' });
    expect(matchPath('/crm/*', '/crm')).toEqual({ '*': '' });
  });
});
