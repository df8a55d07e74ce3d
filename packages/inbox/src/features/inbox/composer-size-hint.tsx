import { useTranslation } from 'react-i18next';
import type { composerSize } from './message-size';

/** Under the composer: the keyboard hint, or how many characters are left and why it cannot be sent. */
export function ComposerSizeHint({ size, id }: { size: ReturnType<typeof composerSize>; id: string }) {
  const { t, i18n } = useTranslation();
  if (!size.near && !size.problem) return <span className="composer__hint">{t('composer.hint')}</span>;
  const n = (value: number) => value.toLocaleString(i18n.language);
  const text =
    size.problem === 'tooLong'
      ? t('composer.tooLong', { n: n(size.length - size.max), max: n(size.max) })
      : size.problem === 'tooComplex'
        ? t('composer.tooComplex')
        : t('composer.charsLeft', { n: n(size.max - size.length) });
  return (
    <span
      id={id}
      className={`composer__hint${size.problem ? ' composer__hint--over' : ''}`}
      aria-live="polite"
      data-testid="composer-size"
    >
      {text}
    </span>
  );
}
