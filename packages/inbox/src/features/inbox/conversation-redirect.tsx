import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { Link, useRouter } from '../../lib/router';
import { useMe } from '../auth/session-context';
import { inboxApi } from './inbox-api';
import { folderOf } from './inbox-state';

/** /conversations/:id (links in notifications): finds the folder the conversation is in, or says it is not there. */
export function ConversationRedirect({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { navigate } = useRouter();
  const [state, setState] = useState<'loading' | 'not_found' | 'error'>('loading');
  useEffect(() => {
    let cancelled = false;
    inboxApi.get(conversationId).then(
      (conversation) => {
        if (cancelled) return;
        const folder =
          folderOf(conversation, me.id) ?? (conversation.status === 'assigned' ? 'mine' : 'unassigned');
        navigate(`/inbox/${folder}/${conversation.id}`, { replace: true });
      },
      (error: unknown) => {
        if (!cancelled)
          setState(
            error instanceof ApiError && (error.status === 404 || error.status === 403)
              ? 'not_found'
              : 'error',
          );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [conversationId, me.id, navigate]);
  if (state === 'loading') return <Spinner label={t('common.loading')} />;
  return (
    <div className="page page--center" data-testid="conversation-not-found">
      <EmptyState
        icon="alert"
        title={state === 'not_found' ? t('conversation.notFound') : t('conversation.loadError')}
        action={
          <Link className="btn btn--sm" to="/inbox/unassigned">
            {t('conversation.backToInbox')}
          </Link>
        }
      >
        {state === 'not_found' ? t('conversation.notFoundText') : null}
      </EmptyState>
    </div>
  );
}
