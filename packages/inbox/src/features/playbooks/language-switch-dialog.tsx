import { useTranslation } from 'react-i18next';
import type { TLanguage, TLanguageSwitch } from '@charla/protocol';
import { Dialog } from '../../components/dialog';
import { languageName } from '../../lib/intl-cache';

/** The texts listed by name before "and N more". */
const LISTED = 8;

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
  const { t, i18n } = useTranslation();
  const { plan } = props;
  // Said in the admin's language, as the sentences around them are ("en inglés", not "en English").
  const names = { from: languageName(i18n.language, props.from), to: languageName(i18n.language, props.to) };
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
