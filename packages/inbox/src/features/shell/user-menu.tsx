import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/avatar';
import { Menu } from '../../components/menu';
import { useRouter } from '../../lib/router';
import { useMe, useSession } from '../auth/session-context';

export function UserMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const { navigate } = useRouter();
  return (
    <Menu
      menuLabel={t('shell.userMenu')}
      buttonClassName="user-chip"
      placement="above"
      align="start"
      testId="user-menu"
      heading={
        <>
          <strong>{me.name}</strong>
          <span>{me.email}</span>
        </>
      }
      label={
        <>
          <Avatar name={me.name} url={me.avatarUrl} seed={me.id} size={30} online={me.online} />
          <span className="user-chip__text">
            <span className="user-chip__name">{me.name}</span>
            <span className="user-chip__role">{t(`roles.${me.role}`)}</span>
          </span>
        </>
      }
      items={[
        {
          id: 'notifications',
          label: t('nav.notificationSettings'),
          onSelect: () => navigate('/settings/notifications'),
        },
        { id: 'shortcuts', label: t('shortcuts.title'), hint: '?', onSelect: onShowShortcuts },
        { id: 'logout', label: t('shell.logout'), onSelect: () => void logout() },
      ]}
    />
  );
}
