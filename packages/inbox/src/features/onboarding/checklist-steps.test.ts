import type { TPlaybookSummaryDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { checklistSteps, firstSiteSeen, playbookToInstall, type ChecklistFacts } from './checklist-steps';

const OWN = 'https://chat.example.com';
const playbook = (id: string, status: string, origins: [string, number][]): TPlaybookSummaryDto =>
  ({
    id,
    publicId: `p-${id}`,
    status,
    installs: origins.map(([origin, at]) => ({
      origin,
      lastUrl: `${origin}/`,
      firstSeenAt: at,
      lastSeenAt: at,
    })),
  }) as unknown as TPlaybookSummaryDto;

const fresh: ChecklistFacts = {
  role: 'admin',
  ownOrigin: OWN,
  playbooks: [playbook('a', 'active', [])],
  onlineSwitch: false,
  userCount: 1,
  pendingInvitations: 0,
  conversationCount: 0,
  notificationPermission: 'default',
};
const doneIds = (facts: ChecklistFacts) =>
  checklistSteps(facts)
    .filter((s) => s.done)
    .map((s) => s.id);

describe('first-run checklist', () => {
  it('has five open steps on a fresh install', () => {
    expect(checklistSteps(fresh).map((s) => [s.id, s.done])).toEqual([
      ['install', false],
      ['online', false],
      ['teammate', false],
      ['testChat', false],
      ['notifications', false],
    ]);
  });

  it('counts the widget as installed only once a real website (not the demo page) loaded it', () => {
    const demoOnly = { ...fresh, playbooks: [playbook('a', 'active', [[OWN, 5]])] };
    expect(doneIds(demoOnly)).toEqual([]);
    const seen = {
      ...fresh,
      playbooks: [
        playbook('a', 'active', [
          [OWN, 1],
          ['https://b.example', 9],
        ]),
        playbook('b', 'draft', [['https://a.example', 7]]),
      ],
    };
    expect(checklistSteps(seen)[0]).toEqual({ id: 'install', done: true, seenOn: 'https://a.example' });
    expect(firstSiteSeen(seen.playbooks, OWN)).toBe('https://a.example');
  });

  it('marks each step done from its own fact', () => {
    expect(doneIds({ ...fresh, onlineSwitch: true })).toEqual(['online']);
    expect(doneIds({ ...fresh, userCount: 2 })).toEqual(['teammate']);
    expect(doneIds({ ...fresh, pendingInvitations: 1 })).toEqual(['teammate']);
    expect(doneIds({ ...fresh, conversationCount: 3 })).toEqual(['testChat']);
    expect(doneIds({ ...fresh, notificationPermission: 'granted' })).toEqual(['notifications']);
    // A browser without notifications cannot do that step: it is not left open forever.
    expect(doneIds({ ...fresh, notificationPermission: 'unsupported' })).toEqual(['notifications']);
    expect(doneIds({ ...fresh, notificationPermission: 'denied' })).toEqual([]);
  });

  it('gives a regular user only what is theirs to do', () => {
    expect(checklistSteps({ ...fresh, role: 'regular' }).map((s) => s.id)).toEqual([
      'online',
      'notifications',
    ]);
  });

  it('installs the active playbook first', () => {
    expect(playbookToInstall([playbook('d', 'draft', []), playbook('a', 'active', [])])?.id).toBe('a');
    expect(playbookToInstall([playbook('d', 'draft', [])])?.id).toBe('d');
    expect(playbookToInstall([])).toBeNull();
  });
});
