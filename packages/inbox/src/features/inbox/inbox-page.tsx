import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMentionedReaderOnly, type TFolder } from '@charla/protocol';
import { EmptyState } from '../../components/empty-state';
import { loadDraftSchemas } from '../../lib/draft-schemas';
import { loadComposerEditor } from './composer-editor-loader';
import { useMediaQuery } from '../../lib/use-media-query';
import { useRouter } from '../../lib/router';
import { FirstRunChecklist } from '../onboarding/first-run-checklist';
import { SidePanel } from '../panel/side-panel';
import { useMe } from '../auth/session-context';
import { useShell } from '../shell/shell-context';
import { ConversationList } from './conversation-list';
import { ConversationView, type ConversationCommands } from './conversation-view';
import { FolderTabs } from './folder-tabs';
import { useInbox } from './inbox-provider';
import { visibilityOf } from './inbox-state';
import { latestEventSeq } from './conversation-activity';
import { shortcutFor, stepSelection } from './shortcuts';

const PANEL_KEY = 'charla.panelOpen';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Folders, list, conversation and side panel; on a phone they stack (list → conversation → panel). */
export function InboxPage({ folder, conversationId }: { folder: TFolder; conversationId: string | null }) {
  const { t } = useTranslation();
  const { state } = useInbox();
  const [panelOpen, setPanelOpen] = useState(
    () => localStorage.getItem(PANEL_KEY) !== '0' && window.matchMedia('(min-width: 1200px)').matches,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const commands = useRef<ConversationCommands | null>(null);
  const conversation = conversationId ? state.conversations[conversationId] : undefined;

  useEffect(() => setNotice(null), [conversationId]);
  // An open conversation has a composer and a side panel: their draft checks and the composer's
  // editor load now.
  useEffect(() => {
    if (!conversationId) return;
    void loadDraftSchemas();
    void loadComposerEditor().catch(() => undefined);
  }, [conversationId]);

  const togglePanel = useCallback(
    () =>
      setPanelOpen((open) => {
        localStorage.setItem(PANEL_KEY, open ? '0' : '1');
        return !open;
      }),
    [],
  );
  const messages = conversationId ? state.threads[conversationId]?.messages : undefined;
  const lastEventSeq = useMemo(() => latestEventSeq(messages), [messages]);

  useInboxShortcuts(folder, conversationId, commands);

  // A user only a mention lets in reads the chat, not its side panel (R29).
  const me = useMe();
  const showPanel = panelOpen && !(conversation && isMentionedReaderOnly(visibilityOf(conversation), me.id));
  const stage = !conversationId ? 'list' : showPanel ? 'panel' : 'conversation';
  // The first-run checklist: where nothing else is shown (a phone shows the list alone).
  const phone = useMediaQuery('(max-width: 767px)');

  return (
    <div className={`inbox inbox--${stage} ${showPanel && conversation ? 'inbox--with-panel' : ''}`}>
      <section className="inbox__list" aria-label={t('inbox.title')}>
        <header className="pane-header">
          <h1>{t('inbox.title')}</h1>
        </header>
        <FolderTabs active={folder} counts={state.counts} />
        {phone && !conversationId && <FirstRunChecklist collapsible />}
        <ConversationList folder={folder} selectedId={conversationId} />
      </section>
      <div className="inbox__main">
        {conversationId ? (
          <ConversationView
            key={conversationId}
            conversationId={conversationId}
            folder={folder}
            panelOpen={panelOpen}
            onTogglePanel={togglePanel}
            commandsRef={commands}
            onNotice={setNotice}
            notice={notice}
          />
        ) : (
          <div className="conv-view conv-view--empty conv-view--onboarding">
            {!phone && <FirstRunChecklist />}
            <EmptyState icon="message" title={t('inbox.pickTitle')}>
              {t('inbox.pickText')}
            </EmptyState>
          </div>
        )}
      </div>
      {conversation && showPanel && (
        <div className="inbox__panel">
          <SidePanel conversation={conversation} onClose={togglePanel} lastEventSeq={lastEventSeq} />
        </div>
      )}
    </div>
  );
}

/** The inbox's keyboard shortcuts (j/k between conversations, assign, close, compose, help). */
function useInboxShortcuts(
  folder: TFolder,
  conversationId: string | null,
  commands: React.RefObject<ConversationCommands | null>,
) {
  const { navigate } = useRouter();
  const { state } = useInbox();
  const { openShortcuts } = useShell();
  const ids = state.folders[folder].ids;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]') && event.key !== 'Escape') return;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inEditable: isEditable(event.target),
      });
      if (!action) return;
      switch (action) {
        case 'next':
        case 'previous': {
          const next = stepSelection(ids, conversationId, action === 'next' ? 1 : -1);
          if (next) navigate(`/inbox/${folder}/${next}`);
          break;
        }
        case 'assign':
          commands.current?.assign();
          break;
        case 'close':
          commands.current?.close();
          break;
        case 'focus_composer':
          commands.current?.focusComposer();
          break;
        case 'help':
          openShortcuts();
          break;
        case 'escape':
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ids, conversationId, folder, navigate, openShortcuts]);
}
