import { useTranslation } from 'react-i18next';
import {
  isAllowedImageSrc,
  richTextFromPlain,
  toPlainText,
  type TLanguage,
  type TPlaybookAppearance,
  type TPlaybookDocument,
} from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { AA_CONTRAST, contrastRatio } from './contrast';
import { LanguageOptions } from '../../components/language-options';

type ColorKey = keyof TPlaybookAppearance['colors'];
const COLOR_KEYS: ColorKey[] = ['primary', 'primaryText', 'background', 'botBubble', 'visitorBubble'];

/** Colour pairs the admin chooses both sides of; bubble texts are derived, so always readable. */
const CONTRAST_PAIRS: { fg: ColorKey; bg: ColorKey; key: string }[] = [
  { fg: 'primaryText', bg: 'primary', key: 'primaryTextOnPrimary' },
  { fg: 'primary', bg: 'background', key: 'primaryOnBackground' },
];

/** Bot name, avatar, colours (with an AA contrast check), position, language and greeting (R4). */
export function AppearancePanel({
  doc,
  onChange,
}: {
  doc: TPlaybookDocument;
  onChange: (next: TPlaybookDocument) => void;
}) {
  const { t } = useTranslation();
  const appearance = doc.appearance;
  const greeting = doc.targeting.greeting;
  const setAppearance = (patch: Partial<TPlaybookAppearance>) =>
    onChange({ ...doc, appearance: { ...appearance, ...patch } });
  const setGreeting = (patch: Partial<typeof greeting>) =>
    onChange({ ...doc, targeting: { ...doc.targeting, greeting: { ...greeting, ...patch } } });
  const avatarInvalid = appearance.avatarUrl !== null && !isAllowedImageSrc(appearance.avatarUrl);

  return (
    <div className="pb-side-form">
      <section className="pb-section">
        <h2 className="pb-section__title">{t('playbooks.appearance.identity')}</h2>
        <div className="field">
          <label htmlFor="ap-bot">{t('playbooks.appearance.botName')}</label>
          <input
            id="ap-bot"
            value={appearance.botName}
            maxLength={40}
            onChange={(e) => setAppearance({ botName: e.target.value })}
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
              setAppearance({ avatarUrl: e.target.value.trim() === '' ? null : e.target.value.trim() })
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
            onChange={(e) => setAppearance({ language: e.target.value as TLanguage })}
          >
            <LanguageOptions />
          </select>
          <span className="field__hint">{t('playbooks.appearance.languageHint')}</span>
        </div>
        <label className="pb-check">
          <input
            type="checkbox"
            className="check"
            checked={appearance.browserLanguage ?? false}
            onChange={(e) => setAppearance({ browserLanguage: e.target.checked })}
            data-testid="browser-language"
          />
          {t('playbooks.appearance.browserLanguage')}
        </label>
        <fieldset className="pb-fieldset pb-fieldset--plain">
          <legend>{t('playbooks.appearance.position')}</legend>
          <div className="pb-seg">
            {(['bottom-left', 'bottom-right'] as const).map((position) => (
              <label
                key={position}
                className={`pb-seg__item ${appearance.position === position ? 'pb-seg__item--on' : ''}`}
              >
                <input
                  type="radio"
                  name="ap-position"
                  checked={appearance.position === position}
                  onChange={() => setAppearance({ position })}
                />
                {t(`playbooks.appearance.positions.${position}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="pb-fieldset pb-fieldset--plain">
          <legend>{t('playbooks.appearance.satisfaction')}</legend>
          <div className="pb-seg">
            {(['stars', 'thumbs', 'off'] as const).map((survey) => (
              <label
                key={survey}
                className={`pb-seg__item ${(appearance.satisfaction ?? 'stars') === survey ? 'pb-seg__item--on' : ''}`}
              >
                <input
                  type="radio"
                  name="ap-satisfaction"
                  checked={(appearance.satisfaction ?? 'stars') === survey}
                  onChange={() => setAppearance({ satisfaction: survey })}
                />
                {t(`playbooks.appearance.satisfactionScales.${survey}`)}
              </label>
            ))}
          </div>
          <span className="field__hint">{t('playbooks.appearance.satisfactionHint')}</span>
        </fieldset>
        <label className="pb-check">
          <input
            type="checkbox"
            className="check"
            checked={appearance.emailTranscript ?? false}
            onChange={(e) => setAppearance({ emailTranscript: e.target.checked })}
            data-testid="email-transcript-on-close"
          />
          {t('playbooks.appearance.emailTranscript')}
        </label>
        <span className="field__hint">{t('playbooks.appearance.emailTranscriptHint')}</span>
      </section>

      <section className="pb-section">
        <h2 className="pb-section__title">{t('playbooks.appearance.colors')}</h2>
        <div className="pb-colors">
          {COLOR_KEYS.map((key) => (
            <div key={key} className="pb-color">
              <input
                type="color"
                aria-label={t(`playbooks.appearance.colorNames.${key}`)}
                value={appearance.colors[key].toLowerCase()}
                onChange={(e) =>
                  setAppearance({ colors: { ...appearance.colors, [key]: e.target.value.toUpperCase() } })
                }
              />
              <label htmlFor={`ap-color-${key}`}>{t(`playbooks.appearance.colorNames.${key}`)}</label>
              <input
                id={`ap-color-${key}`}
                className="pb-color__hex"
                value={appearance.colors[key]}
                maxLength={7}
                spellCheck={false}
                onChange={(e) => setAppearance({ colors: { ...appearance.colors, [key]: e.target.value } })}
              />
            </div>
          ))}
        </div>
        <ul className="pb-contrast">
          {CONTRAST_PAIRS.map((pair) => {
            const ratio = contrastRatio(appearance.colors[pair.fg], appearance.colors[pair.bg]);
            const ok = ratio !== null && ratio >= AA_CONTRAST;
            return (
              <li
                key={pair.key}
                className={ok ? 'pb-contrast--ok' : 'pb-contrast--bad'}
                role={ok ? undefined : 'alert'}
              >
                <Icon name={ok ? 'checkCircle' : 'alert'} size={15} />
                <span role={ok ? undefined : 'alert'}>
                  {t(`playbooks.appearance.pairs.${pair.key}`)}:{' '}
                  <strong>{ratio === null ? '—' : `${ratio.toFixed(2)}:1`}</strong>{' '}
                  {ok ? t('playbooks.appearance.contrastOk') : t('playbooks.appearance.contrastLow')}
                </span>
              </li>
            );
          })}
        </ul>
      </section>

      <section className="pb-section">
        <h2 className="pb-section__title">{t('playbooks.appearance.greeting')}</h2>
        <label className="pb-check">
          <input
            type="checkbox"
            className="check"
            checked={greeting.proactive}
            onChange={(e) => setGreeting({ proactive: e.target.checked })}
          />
          {t('playbooks.appearance.proactive')}
        </label>
        <div className="pb-grid-2">
          <div className="field">
            <label htmlFor="ap-delay">{t('playbooks.appearance.delay')}</label>
            <input
              id="ap-delay"
              type="number"
              min={0}
              max={120}
              value={greeting.delaySeconds}
              disabled={!greeting.proactive}
              onChange={(e) =>
                setGreeting({
                  delaySeconds: Math.max(0, Math.min(120, Math.round(Number(e.target.value)) || 0)),
                })
              }
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="ap-greeting">{t('playbooks.appearance.greetingText')}</label>
          <textarea
            id="ap-greeting"
            className="textarea"
            rows={2}
            maxLength={300}
            disabled={!greeting.proactive}
            value={greeting.text ? toPlainText(greeting.text) : ''}
            onChange={(e) =>
              setGreeting({
                text: e.target.value.trim() === '' ? undefined : richTextFromPlain(e.target.value),
              })
            }
          />
        </div>
      </section>
    </div>
  );
}
