import { useCallback, useEffect, useRef, useState } from 'react';
import type { TConversationDto, TConversationPanelDto } from '@charla/protocol';
import { panelApi } from './panel-api';
import { panelToForm, type PanelForm } from './panel-form';
import { currentLocale } from '../../lib/i18n';
import { useInbox } from '../inbox/inbox-provider';

/**
 * The panel as the server has it, and the form the user edits: loaded when the conversation
 * changes, refreshed when the conversation moves, when the server says a linked CRM record
 * changed (a colleague's edit, the record's page in another tab) or the window regains focus —
 * never over an edit in progress (`dirty`).
 */
export function usePanelData(conversation: TConversationDto) {
  const [panel, setPanel] = useState<TConversationPanelDto | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [form, setForm] = useState<PanelForm | null>(null);
  const dirty = useRef(false);

  const load = useCallback(() => {
    setLoadError(false);
    panelApi.get(conversation.id).then(
      (p) => {
        setPanel(p);
        setForm(panelToForm(p, undefined, currentLocale()));
        dirty.current = false;
      },
      () => setLoadError(true),
    );
  }, [conversation.id]);
  useEffect(() => {
    setPanel(null);
    setForm(null);
    load();
  }, [load]);

  // A lead or deal created elsewhere (another tab, a colleague) shows up as a new timeline
  // message: refresh the links then, unless the user is editing. The same when the window
  // regains focus, so the panel never reads one value and the CRM another.
  const loaded = panel !== null;
  const refresh = useCallback(() => {
    if (!dirty.current) panelApi.get(conversation.id).then(setPanel, () => undefined);
  }, [conversation.id]);
  useEffect(() => {
    if (loaded) refresh();
  }, [refresh, conversation.lastSeq, loaded]);
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);
  const { onPanelChanged } = useInbox();
  useEffect(
    () =>
      onPanelChanged((conversationId) => {
        if (conversationId === conversation.id) refresh();
      }),
    [onPanelChanged, refresh, conversation.id],
  );

  return { panel, setPanel, loadError, form, setForm, dirty, load, refresh };
}

export type PanelData = ReturnType<typeof usePanelData>;
