import { useTranslation } from 'react-i18next';
import { isAllowedImageSrc, type TLanguage, type TPlaybookAppearance } from '@charla/protocol';
import { CheckField } from '../../components/check-field';
import { LanguageOptions } from '../../components/language-options';
import { SegmentedChoice } from './segmented-choice';

export type AppearanceProps = {
  appearance: TPlaybookAppearance;
  onChange: (patch: Partial<TPlaybookAppearance>) => void;
};

/** Who the bot is: its name, avatar (only an allowed image address) and language. */
export function IdentityFields({
  appearance,
  onChange,
  onLanguage,
}: AppearanceProps & { onLanguage: (language: TLanguage) => void }) {
  const { t } = useTranslation();
  const avatarInvalid = appearance.avatarUrl !== null && !isAllowedImageSrc(appearance.avatarUrl);
  return (
    <>
      <div className="field">
        <label htmlFor="ap-bot">{t('playbooks.appearance.botName')}</label>
        <input
          id="ap-bot"
          value={appearance.botName}
          maxLength={40}
          onChange={(e) => onChange({ botName: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="ap-avatar">{t('playbooks.appearance.avatar')}</label>
        <input
          id="ap-avatar"
          type="url"
          placeholder="https://…/avatar.png"
          value={appearance.avatarUrl ?? ''}
          aria-invalid={avatarInvalid}
          aria-describedby="ap-avatar-hint"
          onChange={(e) =>
            onChange({ avatarUrl: e.target.value.trim() === '' ? null : e.target.value.trim() })
          }
        />
        <span id="ap-avatar-hint" className={avatarInvalid ? 'field__error' : 'field__hint'}>
          {avatarInvalid ? t('playbooks.appearance.avatarInvalid') : t('playbooks.appearance.avatarHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="ap-language">{t('playbooks.appearance.language')}</label>
        <select
          id="ap-language"
          value={appearance.language}
          onChange={(e) => onLanguage(e.target.value as TLanguage)}
        >
          <LanguageOptions />
        </select>
        <span className="field__hint">{t('playbooks.appearance.languageHint')}</span>
      </div>
      <CheckField
        checked={appearance.browserLanguage ?? false}
        onChange={(browserLanguage) => onChange({ browserLanguage })}
        testId="browser-language"
      >
        {t('playbooks.appearance.browserLanguage')}
      </CheckField>
    </>
  );
}

/** Where the widget sits, how visitors rate a closed chat, and whether they get the transcript. */
export function BehaviourFields({ appearance, onChange }: AppearanceProps) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="pb-fieldset pb-fieldset--plain">
        <legend>{t('playbooks.appearance.position')}</legend>
        <SegmentedChoice
          name="ap-position"
          value={appearance.position}
          options={['bottom-left', 'bottom-right'] as const}
          labelOf={(position) => t(`playbooks.appearance.positions.${position}`)}
          onChange={(position) => onChange({ position })}
        />
      </fieldset>
      <fieldset className="pb-fieldset pb-fieldset--plain">
        <legend>{t('playbooks.appearance.satisfaction')}</legend>
        <SegmentedChoice
          name="ap-satisfaction"
          value={appearance.satisfaction ?? 'stars'}
          options={['stars', 'thumbs', 'off'] as const}
          labelOf={(survey) => t(`playbooks.appearance.satisfactionScales.${survey}`)}
          onChange={(satisfaction) => onChange({ satisfaction })}
        />
        <span className="field__hint">{t('playbooks.appearance.satisfactionHint')}</span>
      </fieldset>
      <CheckField
        checked={appearance.emailTranscript ?? false}
        onChange={(emailTranscript) => onChange({ emailTranscript })}
        testId="email-transcript-on-close"
      >
        {t('playbooks.appearance.emailTranscript')}
      </CheckField>
      <span className="field__hint">{t('playbooks.appearance.emailTranscriptHint')}</span>
    </>
  );
}
