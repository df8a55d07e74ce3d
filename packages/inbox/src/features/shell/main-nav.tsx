import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { Link, useRouter } from '../../lib/router';
import { useMe } from '../auth/session-context';
import { useInbox } from '../inbox/inbox-provider';
import { isNavActive, navItemsFor } from './nav-items';

/** The sidebar's main navigation, with the count of chats waiting in Unassigned beside Inbox. */
export function MainNav() {
  const { state } = useInbox();
  return <MainNavItems unassigned={state.counts?.unassigned ?? 0} />;
}

/** The links themselves: rendered again when the count changes, not at every message (issue 25). */
const MainNavItems = memo(function MainNavItems({ unassigned }: { unassigned: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const { location } = useRouter();
  const items = navItemsFor(me.role);
  return (
    <nav className="nav" aria-label={t('shell.mainNav')}>
      {items.map((item) => {
        const active = isNavActive(item, location.pathname);
        return (
          <Link
            key={item.id}
            to={item.path}
            className={`nav__item ${active ? 'nav__item--active' : ''}`}
            aria-current={active ? 'page' : undefined}
            data-testid={`nav-${item.id}`}
          >
            <Icon name={item.icon} />
            <span>{t(item.labelKey)}</span>
            {item.id === 'inbox' && unassigned > 0 && (
              <span
                className="count count--alert"
                aria-label={t('inbox.waitingCount', { count: unassigned })}
              >
                {unassigned}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
});
