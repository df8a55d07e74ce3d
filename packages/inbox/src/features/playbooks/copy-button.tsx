import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminIcon } from './admin-icons';

/** Copies `text` to the clipboard and says so for a moment (also to screen readers). */
export function CopyButton({
  text,
  label,
  className = 'btn btn--sm',
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className={className} onClick={() => void copy()}>
        <AdminIcon name="copy" size={15} />
        {state === 'copied' ? t('playbooks.copied') : label}
      </button>
      <span className="sr-only" role="status">
        {state === 'copied' ? t('playbooks.copied') : state === 'failed' ? t('playbooks.copyFailed') : ''}
      </span>
    </>
  );
}
