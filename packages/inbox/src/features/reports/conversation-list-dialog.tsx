import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReportConversationDto } from '@charla/protocol';
import { Dialog } from '../../components/dialog';
import { Spinner } from '../../components/empty-state';
import { Link } from '../../lib/router';
import { reportsApi, type FigureRequest, type ReportFilters } from './reports-api';
import { formatDateTime, formatDay } from './reports-format';

/** The conversations behind a clicked figure, each a link to the conversation. */
export function ConversationListDialog({
  filters,
  request,
  lang,
  onClose,
}: {
  filters: ReportFilters;
  request: FigureRequest | null;
  lang: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<TReportConversationDto[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!request) return;
    let live = true;
    setItems(null);
    setFailed(false);
    reportsApi
      .conversations(filters, request)
      .then((list) => live && setItems(list))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [filters, request]);
  const count = items?.length ?? 0;
  const title = !request
    ? ''
    : request.date
      ? t('reports.screen.listTitleDay', { figure: request.label, day: formatDay(request.date, lang), count })
      : t('reports.screen.listTitle', { figure: request.label, count });
  return (
    <Dialog
      open={request !== null}
      title={title}
      onClose={onClose}
      size="md"
      footer={
        <button type="button" className="btn" onClick={onClose}>
          {t('reports.screen.close')}
        </button>
      }
    >
      {failed && <p role="alert">{t('reports.screen.failed')}</p>}
      {!failed && items === null && <Spinner label={t('reports.screen.loading')} />}
      {items && items.length === 0 && <p>{t('reports.screen.listEmpty')}</p>}
      {items && items.length > 0 && (
        <div className="rep-scroll rep-list">
          <table className="rep-table" data-testid="report-conversations">
            <thead>
              <tr>
                <th scope="col">{t('reports.screen.startedAt')}</th>
                <th scope="col">{t('reports.screen.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('reports.screen.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-conversation-id={c.id}>
                  <td>{formatDateTime(c.startedAt, lang, filters.timeZone)}</td>
                  <td>
                    {c.closeReason
                      ? t(`timeline.closedReason.${c.closeReason}`)
                      : t(`reports.screen.status_${c.status}`)}
                  </td>
                  <td>
                    <Link to={`/conversations/${c.id}`}>{t('reports.screen.open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
