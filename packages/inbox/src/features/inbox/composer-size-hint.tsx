import { useTranslation } from 'react-i18next';
import type { composerSize } from './message-size';

/**
 * Under the composer: the keys (Enter sends, or in a list adds an item), or how many characters
 * are left and why it cannot be sent. The editor is described by it (aria-describedby).
 */
export function ComposerSizeHint({
  size,
  id,
  inList,
}: {
  size: ReturnType<typeof composerSize>;
  id: string;
  inList: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!size.near && !size.problem)
    return (
      <span id={id} className="composer__hint" data-testid="composer-hint">
        {inList ? t('composer.hintList') : t('composer.hint')}
      </span>
    );
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
