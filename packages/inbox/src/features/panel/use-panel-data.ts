import { useCallback, useEffect, useRef, useState } from 'react';
import type { TConversationDto, TConversationPanelDto } from '@charla/protocol';
import { createLatestAnswer } from '../../lib/latest-answer';
import { panelApi } from './panel-api';
import { panelToForm, type PanelForm } from './panel-form';
import { currentLocale } from '../../lib/i18n';
import { useInboxActions } from '../inbox/inbox-provider';

/**
 * The panel as the server has it, and the form the user edits: loaded when the conversation
 * changes, refreshed at each timeline event (`lastEventSeq`), when the server says a linked CRM record
 * changed (a colleague's edit, the record's page in another tab) or the window regains focus —
 * never over an edit in progress (`dirty`). Loads, refreshes, saves and creations answer in any
 * order; `request` lets only the newest land, so a slow refresh never puts back what a save
 * returned and a load for a conversation the user has left never shows on the next one.
 */
export function usePanelData(conversation: TConversationDto, lastEventSeq: number) {
  const [panel, setPanel] = useState<TConversationPanelDto | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [form, setForm] = useState<PanelForm | null>(null);
  const dirty = useRef(false);
  const latest = useRef(createLatestAnswer()).current;

  /** Sends a request that answers with the panel; the answer reaches `land` only if it is the newest. */
  const request = useCallback(
    async <T>(send: () => Promise<T>, land: (answer: T) => void): Promise<T> => {
      const ticket = latest.ticket();
      const answer = await send();
      if (latest.mayLand(ticket)) land(answer);
      return answer;
    },
    [latest],
  );

  const load = useCallback(() => {
    setLoadError(false);
    request(
      () => panelApi.get(conversation.id),
      (p) => {
        setPanel(p);
        setForm(panelToForm(p, undefined, currentLocale()));
        dirty.current = false;
      },
    ).catch(() => setLoadError(true));
  }, [conversation.id, request]);
  useEffect(() => {
    latest.outdateAll();
    setPanel(null);
    setForm(null);
    load();
  }, [load, latest]);

  // A lead or deal created elsewhere (another tab, a colleague) shows up as a timeline event:
  // refresh the links then, unless the user is editing; not at every message (issue 25). The same when the window
  // regains focus, so the panel never reads one value and the CRM another.
  const loaded = panel !== null;
  const refresh = useCallback(() => {
    if (dirty.current) return;
    request(
      () => panelApi.get(conversation.id),
      (p) => !dirty.current && setPanel(p),
    ).catch(() => undefined);
  }, [conversation.id, request]);
  useEffect(() => {
    if (loaded) refresh();
  }, [refresh, lastEventSeq, loaded]);
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);
  const { onPanelChanged } = useInboxActions();
  useEffect(
    () =>
      onPanelChanged((conversationId) => {
        if (conversationId === conversation.id) refresh();
      }),
    [onPanelChanged, refresh, conversation.id],
  );

  return { panel, setPanel, request, loadError, form, setForm, dirty, load, refresh };
}

export type PanelData = ReturnType<typeof usePanelData>;
