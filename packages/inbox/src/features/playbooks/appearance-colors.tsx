import { useTranslation } from 'react-i18next';
import type { TPlaybookAppearance } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import type { AppearanceProps } from './appearance-fields';
import { AA_CONTRAST, contrastRatio } from './contrast';

type ColorKey = keyof TPlaybookAppearance['colors'];
const COLOR_KEYS: ColorKey[] = ['primary', 'primaryText', 'background', 'botBubble', 'visitorBubble'];

/** Colour pairs the admin chooses both sides of; bubble texts are derived, so always readable. */
const CONTRAST_PAIRS: { fg: ColorKey; bg: ColorKey; key: string }[] = [
  { fg: 'primaryText', bg: 'primary', key: 'primaryTextOnPrimary' },
  { fg: 'primary', bg: 'background', key: 'primaryOnBackground' },
];

/** Whether each chosen pair of colours reaches the AA contrast ratio. */
function ContrastChecks({ colors }: { colors: TPlaybookAppearance['colors'] }) {
  const { t } = useTranslation();
  return (
    <ul className="pb-contrast">
      {CONTRAST_PAIRS.map((pair) => {
        const ratio = contrastRatio(colors[pair.fg], colors[pair.bg]);
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
  );
}

/** The widget's colours, each with a picker and its hex code, and the contrast checks. */
export function ColorsSection({ appearance, onChange }: AppearanceProps) {
  const { t } = useTranslation();
  const setColor = (key: ColorKey, value: string) =>
    onChange({ colors: { ...appearance.colors, [key]: value } });
  return (
    <section className="pb-section">
      <h2 className="pb-section__title">{t('playbooks.appearance.colors')}</h2>
      <div className="pb-colors">
        {COLOR_KEYS.map((key) => (
          <div key={key} className="pb-color">
            <input
              type="color"
              aria-label={t(`playbooks.appearance.colorNames.${key}`)}
              value={appearance.colors[key].toLowerCase()}
              onChange={(e) => setColor(key, e.target.value.toUpperCase())}
            />
            <label htmlFor={`ap-color-${key}`}>{t(`playbooks.appearance.colorNames.${key}`)}</label>
            <input
              id={`ap-color-${key}`}
              className="pb-color__hex"
              value={appearance.colors[key]}
              maxLength={7}
              spellCheck={false}
              onChange={(e) => setColor(key, e.target.value)}
            />
          </div>
        ))}
      </div>
      <ContrastChecks colors={appearance.colors} />
    </section>
  );
}
