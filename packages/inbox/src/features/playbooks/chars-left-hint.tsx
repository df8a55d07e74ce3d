import { useTranslation } from 'react-i18next';
import { charsLeft } from './chars-left';

/**
 * Beside a length-limited field, once it nears its limit: how many characters are left (the field
 * has the same maxLength as the server's schema, so nothing is cut silently). Point the field's
 * aria-describedby at `id` while it shows (`charsLeft` says when).
 */
export function CharsLeftHint({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation();
  const left = charsLeft(length, max);
  if (left === null) return null;
  return (
    <span
      id={id}
      className={`pb-chars-left${left === 0 ? ' pb-chars-left--none' : ''}`}
      aria-live="polite"
      data-testid={id}
    >
      {t('playbooks.limits.charsLeft', { count: left })}
    </span>
  );
}
