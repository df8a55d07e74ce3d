import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { useRouter } from '../../lib/router';
import { useMe } from '../auth/session-context';
import { ShortcutsHelp } from '../inbox/shortcuts-help';
import { NotificationCenter } from '../notifications/notification-center';
import { NotificationPrompt } from '../notifications/notification-prompt';
import { ConnectionBanner } from './connection-banner';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { OnlineSwitch } from './online-switch';
import { ShellContext } from './shell-context';
import { AttentionTitle } from './attention-title';
import { UserMenu } from './user-menu';

/** The frame around every signed-in screen: navigation, availability, language, user menu, notices. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { location } = useRouter();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const shell = useMemo(() => ({ openShortcuts: () => setShortcutsOpen(true) }), []);
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  return (
    <ShellContext.Provider value={shell}>
      <AttentionTitle />
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <div className={`shell ${drawerOpen ? 'shell--drawer' : ''}`}>
        <header className="topbar">
          <button
            type="button"
            className="icon-btn"
            aria-label={t('shell.openMenu')}
            aria-expanded={drawerOpen}
            aria-controls="sidebar"
            onClick={() => setDrawerOpen(true)}
          >
            <Icon name="list" />
          </button>
          <span className="topbar__brand">
            <img src="/icons/icon.svg" alt="" width={24} height={24} /> Charla
          </span>
          <span className={`status-pill ${me.onlineSwitch ? 'status-pill--on' : ''}`}>
            {me.onlineSwitch ? t('shell.online') : t('shell.offline')}
          </span>
        </header>
        <div className="sidebar-scrim" onClick={() => setDrawerOpen(false)} aria-hidden="true" />
        <aside id="sidebar" className="sidebar" aria-label={t('shell.navigation')}>
          <div className="sidebar__brand">
            <img src="/icons/icon.svg" alt="" width={28} height={28} />
            <span>Charla</span>
            <button
              type="button"
              className="icon-btn sidebar__close"
              aria-label={t('common.close')}
              onClick={() => setDrawerOpen(false)}
            >
              <Icon name="x" />
            </button>
          </div>
          <MainNav />
          <div className="sidebar__bottom">
            <OnlineSwitch />
            <div className="sidebar__row">
              <UserMenu onShowShortcuts={() => setShortcutsOpen(true)} />
              <LanguageSwitch persist compact />
            </div>
          </div>
        </aside>
        <main id="main" className="main" tabIndex={-1}>
          <ConnectionBanner />
          <NotificationPrompt />
          <div className="main__content">{children}</div>
        </main>
      </div>
      <NotificationCenter />
      <ShortcutsHelp open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </ShellContext.Provider>
  );
}
