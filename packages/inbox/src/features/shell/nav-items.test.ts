import { describe, expect, it } from 'vitest';
import { fallbackPath, isNavActive, navItems, navItemsFor } from './nav-items';

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

describe('fallbackPath', () => {
  it('opens a section’s first screen from the section’s own address', () => {
    expect(fallbackPath('/settings', 'regular')).toBe('/settings/notifications');
    expect(fallbackPath('/settings/', 'admin')).toBe('/settings/notifications');
    expect(fallbackPath('/crm/', 'admin')).toBe('/crm');
  });
  it('sends anything else, and sections the role may not open, to the inbox', () => {
    expect(fallbackPath('/nowhere', 'admin')).toBe('/inbox/unassigned');
    expect(fallbackPath('/settings/nothing-here', 'admin')).toBe('/inbox/unassigned');
    expect(fallbackPath('/playbooks/', 'regular')).toBe('/inbox/unassigned');
  });
});
