import { useTranslation } from 'react-i18next';
import { EmptyState, Spinner } from '../../components/empty-state';

/** Where the conversation would be: gone from my sight, loading, or failed to load (with a retry). */
export function ConversationPlaceholder({
  kind,
  notice,
  onRetry,
}: {
  kind: 'not_found' | 'loading' | 'error';
  notice?: string | null;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const inner =
    kind === 'not_found' ? (
      <EmptyState icon="alert" title={t('conversation.notFound')}>
        {notice ?? t('conversation.notFoundText')}
      </EmptyState>
    ) : kind === 'loading' ? (
      <Spinner label={t('common.loading')} />
    ) : (
      <EmptyState
        icon="alert"
        title={t('conversation.loadError')}
        action={
          <button type="button" className="btn btn--sm" onClick={onRetry}>
            {t('common.retry')}
          </button>
        }
      />
    );
  return (
    <section
      className="conv-view conv-view--empty"
      aria-label={t('conversation.label')}
      {...(kind === 'not_found' ? { 'data-testid': 'conversation-not-found' } : {})}
    >
      {inner}
    </section>
  );
}
