import { useTranslation } from 'react-i18next';
import type { TLanguage } from '@charla/protocol';
import { api } from '../../lib/api-client';
import { currentLanguage, languages, setLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Menu } from '../../components/menu';

/** The language menu; when logged in it also saves the choice on the user (PATCH /me). */
export function LanguageSwitch({
  persist = false,
  compact = false,
}: {
  persist?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const choose = (code: TLanguage) => {
    setLanguage(code);
    if (persist) api.patch('/me', { language: code }).catch(() => undefined);
  };
  return (
    <Menu
      ariaLabel={compact ? t('shell.language') : undefined}
      menuLabel={t('shell.language')}
      buttonClassName={compact ? 'icon-btn' : 'btn btn--ghost btn--sm'}
      placement={compact ? 'above' : 'above'}
      align="start"
      label={
        <>
          <Icon name="globe" size={16} />
          {!compact && <span>{languages.find((l) => l.code === language)?.label ?? language}</span>}
        </>
      }
      items={languages.map((l) => ({
        id: l.code,
        label: l.label,
        checked: l.code === language,
        onSelect: () => choose(l.code),
      }))}
    />
  );
}
