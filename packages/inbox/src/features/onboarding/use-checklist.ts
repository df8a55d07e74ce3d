import { useCallback, useEffect, useState } from 'react';
import type { TPlaybookSummaryDto, TUserDto } from '@charla/protocol';
import { api } from '../../lib/api-client';
import { invitationsApi } from '../accounts/invitations-api';
import { useMe, useSession } from '../auth/session-context';
import { useInbox } from '../inbox/inbox-provider';
import { notificationPermission } from '../notifications/push';
import { playbooksApi } from '../playbooks/playbooks-api';
import { checklistSteps, playbookToInstall, type Step } from './checklist-steps';

const DISMISSED_KEY = 'charla.checklistDismissed';
/** Whether every step was done when last read here: then no placeholder holds its place on load. */
const DONE_KEY = 'charla.checklistDone';
/** While the widget is not seen yet, ask again this often (the admin is installing it in another tab). */
const RECHECK_MS = 10_000;

/**
 * The first-run checklist's state (issue 16 item 5): its steps from the APIs the inbox already
 * reads, re-read when the window regains focus and, until the widget was seen, every few seconds;
 * dismissed per user on this device.
 */
export function useChecklist() {
  const me = useMe();
  const { setUser } = useSession();
  const { users, state } = useInbox();
  const admin = me.role === 'admin';
  const dismissKey = `${DISMISSED_KEY}.${me.id}`;
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissKey) === '1');
  const [playbooks, setPlaybooks] = useState<TPlaybookSummaryDto[] | null>(admin ? null : []);
  const [pendingInvitations, setPendingInvitations] = useState(0);
  const [permission, setPermission] = useState(notificationPermission);

  const reload = useCallback(() => {
    setPermission(notificationPermission());
    if (!admin) return;
    playbooksApi.list().then(setPlaybooks, () => setPlaybooks((p) => p ?? []));
    invitationsApi.list().then(
      (list) => setPendingInvitations(list.filter((i) => i.status === 'pending').length),
      () => undefined,
    );
  }, [admin]);
  useEffect(() => {
    if (dismissed) return;
    reload();
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [dismissed, reload]);

  const counts = state.counts;
  const steps: Step[] =
    playbooks === null
      ? []
      : checklistSteps({
          role: me.role,
          ownOrigin: window.location.origin,
          playbooks,
          onlineSwitch: me.onlineSwitch,
          userCount: users.filter((u) => u.active).length,
          pendingInvitations,
          conversationCount: counts ? counts.unassigned + counts.mine + counts.closed : 0,
          notificationPermission: permission,
        });
  const doneKey = `${DONE_KEY}.${me.id}`;
  const allDone = steps.length > 0 && steps.every((s) => s.done);
  useEffect(() => {
    if (steps.length > 0) localStorage.setItem(doneKey, allDone ? '1' : '0');
  }, [doneKey, allDone, steps.length]);
  const installOpen = steps.some((s) => s.id === 'install' && !s.done);
  useEffect(() => {
    if (dismissed || !installOpen) return;
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [dismissed, installOpen, reload]);

  return {
    steps,
    visible: !dismissed && steps.length > 0 && !allDone,
    /** Still reading the steps, and likely to show them (not hidden, not all done last time). */
    loading: !dismissed && steps.length === 0 && localStorage.getItem(doneKey) !== '1',
    playbook: playbooks ? playbookToInstall(playbooks) : null,
    dismiss: () => {
      localStorage.setItem(dismissKey, '1');
      setDismissed(true);
    },
    goOnline: async () => setUser(await api.put<TUserDto>('/me/online', { online: true })),
    permissionChanged: () => setPermission(notificationPermission()),
  };
}
export type Checklist = ReturnType<typeof useChecklist>;
