import type { TPlaybookSummaryDto, TRole } from '@charla/protocol';

export type StepId = 'install' | 'online' | 'teammate' | 'testChat' | 'notifications';

/** What the inbox knows about the company and this device, read from the APIs it already uses. */
export type ChecklistFacts = {
  role: TRole;
  /** Charla's own origin: the demo page's installs are not "your website". */
  ownOrigin: string;
  playbooks: TPlaybookSummaryDto[];
  onlineSwitch: boolean;
  /** Active users, me included. */
  userCount: number;
  pendingInvitations: number;
  /** Conversations in the folders I may see (a test chat from the demo page counts). */
  conversationCount: number;
  notificationPermission: NotificationPermission | 'unsupported';
};

export type Step = {
  id: StepId;
  done: boolean;
  /** For the install step once done: the website the widget was seen on (R8). */
  seenOn?: string;
};

/** The first website (not Charla's demo page) the widget was seen on, or null. */
export function firstSiteSeen(playbooks: TPlaybookSummaryDto[], ownOrigin: string): string | null {
  const installs = playbooks
    .flatMap((p) => p.installs)
    .filter((i) => i.origin !== ownOrigin)
    .sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  return installs[0]?.origin ?? null;
}

/**
 * The first-run checklist (issue 16 item 5): the steps that make live chat work, in the order a
 * new company takes them. Admins get all five; a regular user only what is theirs to do.
 */
export function checklistSteps(facts: ChecklistFacts): Step[] {
  const site = firstSiteSeen(facts.playbooks, facts.ownOrigin);
  const steps: Step[] = [
    { id: 'install', done: site !== null, ...(site ? { seenOn: site } : {}) },
    { id: 'online', done: facts.onlineSwitch },
    { id: 'teammate', done: facts.userCount > 1 || facts.pendingInvitations > 0 },
    { id: 'testChat', done: facts.conversationCount > 0 },
    {
      id: 'notifications',
      done: facts.notificationPermission === 'granted' || facts.notificationPermission === 'unsupported',
    },
  ];
  const own: StepId[] = ['online', 'notifications'];
  return facts.role === 'admin' ? steps : steps.filter((s) => own.includes(s.id));
}

/** The playbook to install first: the active one, else any; null when there is none. */
export function playbookToInstall(playbooks: TPlaybookSummaryDto[]): TPlaybookSummaryDto | null {
  return playbooks.find((p) => p.status === 'active') ?? playbooks[0] ?? null;
}
