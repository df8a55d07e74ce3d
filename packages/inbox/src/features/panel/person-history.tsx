import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationHistoryDto, TConversationStatus } from '@charla/protocol';
import { api } from '../../lib/api-client';
import { formatTimestamp } from '../../lib/format-time';
import { Link } from '../../lib/router';

const folderOf = (status: TConversationStatus) =>
  status === 'closed' ? 'closed' : status === 'assigned' ? 'mine' : 'unassigned';

/**
 * The person's history beside a conversation (issue 15, item 3): their earlier conversations the
 * user may see, leads, deals and open activities, each one click away. `refreshKey` reloads it
 * (the panel was saved, so the person may now be known).
 */
export function PersonHistory({
  conversationId,
  refreshKey,
}: {
  conversationId: string;
  refreshKey: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<TConversationHistoryDto | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.get<TConversationHistoryDto>(`/conversations/${encodeURIComponent(conversationId)}/history`).then(
      (h) => live && (setHistory(h), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [conversationId, refreshKey]);

  if (failed) return <p className="panel-hint">{t('history.loadError')}</p>;
  if (!history) return null;
  const empty =
    history.conversations.length + history.leads.length + history.deals.length + history.activities.length ===
    0;
  const time = (at: number) => formatTimestamp(at, i18n.language);
  return (
    <section className="panel-section history" aria-labelledby="history-title" data-testid="person-history">
      <h3 id="history-title" className="panel-section__title">
        {t('history.title')}
      </h3>
      {empty && <p className="panel-hint">{t('history.empty')}</p>}
      {history.conversations.length > 0 && (
        <>
          <h4 className="history__heading">{t('history.conversations')}</h4>
          <ul className="history__list">
            {history.conversations.map((c) => (
              <li key={c.id}>
                <Link className="history__link" to={`/inbox/${folderOf(c.status)}/${c.id}`}>
                  {t('history.started', { time: time(c.createdAt) })}
                </Link>
                <span className="history__meta">
                  {t(`history.status.${c.status}`)}
                  {c.lastMessagePreview ? ` · ${c.lastMessagePreview}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(['leads', 'deals'] as const).map((kind) =>
        history[kind].length > 0 ? (
          <div key={kind}>
            <h4 className="history__heading">{t(`history.${kind}`)}</h4>
            <ul className="history__list">
              {history[kind].map((r) => (
                <li key={r.id}>
                  <Link className="history__link" to={`/crm/${kind}/${r.id}`}>
                    {r.title}
                  </Link>
                  <span className="history__meta">{t(`crm.status.${r.status}`)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {history.activities.length > 0 && (
        <>
          <h4 className="history__heading">{t('history.activities')}</h4>
          <ul className="history__list">
            {history.activities.map((a) => (
              <li key={a.id}>
                <Link className="history__link" to={`/crm/activities/${a.id}`}>
                  {a.subject}
                </Link>
                <span className="history__meta">
                  {t(`crm.activityTypes.${a.type}`)} ·{' '}
                  {a.dueAt === null ? t('history.noDue') : t('history.due', { time: time(a.dueAt) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
