import { useTranslation } from 'react-i18next';
import type { ThreadState } from './inbox-state';

/** At the top of the timeline while older history loads, or why it did not with a retry. */
export function OlderHistoryStatus({ older, onRetry }: { older: ThreadState['older']; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="timeline-older" role="status" data-testid="timeline-older">
      {older === 'loading' && <span className="timeline-older__pill">{t('timeline.loadingOlder')}</span>}
      {older === 'error' && (
        <span className="timeline-older__pill timeline-older__pill--error">
          {t('timeline.olderFailed')}{' '}
          <button type="button" className="link-btn" onClick={onRetry}>
            {t('timeline.olderRetry')}
          </button>
        </span>
      )}
    </div>
  );
}

/**
 * Shown while the user reads further up: how many messages came meanwhile (announced politely)
 * and a way back to the latest.
 */
export function JumpToLatest(props: { show: boolean; newCount: number; onJump: () => void }) {
  const { t } = useTranslation();
  const { show, newCount, onJump } = props;
  return (
    <div className="timeline-jump" aria-live="polite">
      {show && (
        <button
          type="button"
          className={`timeline-jump__btn ${newCount > 0 ? 'timeline-jump__btn--new' : ''}`}
          onClick={onJump}
          data-testid="jump-to-latest"
        >
          <span aria-hidden="true">↓</span>{' '}
          {newCount > 0 ? t('timeline.newMessages', { count: newCount }) : t('timeline.jumpToLatest')}
        </button>
      )}
    </div>
  );
}
