import { useTranslation } from 'react-i18next';
import { realLanguages, type TLanguage, type TLanguageSwitch } from '@charla/protocol';
import { Dialog } from '../../components/dialog';

/** The texts listed by name before "and N more". */
const LISTED = 8;

const nameOf = (code: TLanguage): string => realLanguages.find((l) => l.code === code)?.label ?? code;

/**
 * Switching the playbook's language (issue 18): translate the texts still as the template wrote
 * them, or only switch; either way the texts the admin wrote are named, as they stay as they are.
 */
export function LanguageSwitchDialog(props: {
  from: TLanguage;
  to: TLanguage;
  plan: TLanguageSwitch;
  onTranslate: () => void;
  onSwitchOnly: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { plan } = props;
  const names = { from: nameOf(props.from), to: nameOf(props.to) };
  return (
    <Dialog
      open
      size="md"
      title={t('playbooks.language.title', { to: names.to })}
      onClose={props.onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={props.onSwitchOnly}
            data-testid="language-switch-only"
          >
            {t('playbooks.language.switchOnly')}
          </button>
          {plan.translatedCount > 0 && (
            <button
              type="button"
              className="btn btn--primary"
              onClick={props.onTranslate}
              data-testid="language-translate"
            >
              {t('playbooks.language.translate', { count: plan.translatedCount })}
            </button>
          )}
        </>
      }
    >
      {plan.translatedCount > 0 && (
        <p>{t('playbooks.language.translatable', { count: plan.translatedCount, ...names })}</p>
      )}
      {plan.kept.length > 0 && (
        <>
          <p>{t('playbooks.language.kept', { count: plan.kept.length, ...names })}</p>
          <ul className="pb-kept" data-testid="language-kept">
            {plan.kept.slice(0, LISTED).map((place, index) => (
              <li key={index} className="pb-kept__text">
                {place.text}
              </li>
            ))}
            {plan.kept.length > LISTED && (
              <li className="pb-kept__more">
                {t('playbooks.language.more', { count: plan.kept.length - LISTED })}
              </li>
            )}
          </ul>
        </>
      )}
    </Dialog>
  );
}
