import { describe, expect, it } from 'vitest';
import { isNavActive, navItems, navItemsFor } from './nav-items';

describe('navItemsFor', () => {
  it('hides admin-only entries from regular users', () => {
    expect(navItemsFor('regular').map((i) => i.id)).not.toContain('playbooks');
    expect(navItemsFor('admin').map((i) => i.id)).toContain('playbooks');
  });
});

describe('isNavActive', () => {
  const inbox = navItems.find((i) => i.id === 'inbox')!;
  it('marks the inbox active on folder and conversation paths', () => {
    expect(isNavActive(inbox, '/inbox/mine/abc')).toBe(true);
    expect(isNavActive(inbox, '/conversations/abc')).toBe(true);
    expect(isNavActive(inbox, '/inboxes')).toBe(false);
  });
});
