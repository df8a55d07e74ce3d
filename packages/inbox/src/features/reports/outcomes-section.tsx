import { useTranslation } from 'react-i18next';
import type { TFunnelRow, TOutcomesReportDto, TReportFigure } from '@charla/protocol';
import { Link } from '../../lib/router';
import { formatMoney } from '../crm/crm-format';
import { FigureButton } from './figure-button';
import type { FigureRequest } from './reports-api';
import { formatAverage, formatChange, formatCount, formatDateTime, formatPercent } from './reports-format';

type Pick = (request: FigureRequest) => void;
const STAGES: Array<{ key: keyof TFunnelRow; figure: TReportFigure; label: string }> = [
  { key: 'started', figure: 'started', label: 'started' },
  { key: 'reachedLiveChat', figure: 'reached', label: 'reached' },
  { key: 'assigned', figure: 'assigned', label: 'assigned' },
  { key: 'missed', figure: 'missed', label: 'missed' },
  { key: 'offline', figure: 'offline', label: 'offline' },
  { key: 'withLead', figure: 'withLead', label: 'withLead' },
  { key: 'withDeal', figure: 'withDeal', label: 'withDeal' },
];

/** The first stage: visitors who opened the widget (no conversations to list, so not a button). */
function OpenedCell({ row, lang }: { row: TFunnelRow; lang: string }) {
  const { t } = useTranslation();
  if (row.opened === null)
    return (
      <td>
        <span title={t('reports.screen.openedFiltered')} aria-label={t('reports.screen.openedFiltered')}>
          —
        </span>
      </td>
    );
  const change = formatChange(row.opened, row.openedPrevious ?? 0, lang);
  const previous = t('reports.screen.openedPrevious', { count: row.openedPrevious ?? 0 });
  return (
    <td data-testid={`funnel-opened-${row.playbookId ?? 'none'}`} title={previous}>
      {formatCount(row.opened, lang)}
      {change && <span className="rep-muted"> {change}</span>}
    </td>
  );
}

function Funnel({ report, lang, onPick }: { report: TOutcomesReportDto; lang: string; onPick: Pick }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="rep-funnel">
      <h2 id="rep-funnel" className="card__title">
        {t('reports.screen.outcomes')}
      </h2>
      <div className="rep-scroll">
        <table className="rep-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.screen.playbook')}</th>
              <th scope="col">{t('reports.screen.opened')}</th>
              {STAGES.map((s) => (
                <th key={s.key} scope="col">
                  {t(`reports.screen.${s.label}`)}
                </th>
              ))}
              <th scope="col">{t('reports.screen.dealValue')}</th>
            </tr>
          </thead>
          <tbody>
            {report.funnel.map((row) => {
              const name = row.name || t('reports.screen.noPlaybook');
              return (
                <tr key={row.playbookId ?? 'none'}>
                  <th scope="row">{name}</th>
                  <OpenedCell row={row} lang={lang} />
                  {STAGES.map((s) => {
                    const n = row[s.key] as number;
                    const label = `${name} · ${t(`reports.screen.${s.label}`)}`;
                    return (
                      <td key={s.key}>
                        <FigureButton
                          label={`${label}: ${n}`}
                          onClick={() =>
                            onPick({
                              figure: s.figure,
                              label,
                              ...(row.playbookId ? { playbookId: row.playbookId } : {}),
                            })
                          }
                        >
                          {formatCount(n, lang)}
                        </FigureButton>
                        {s.key !== 'started' && row.started > 0 && (
                          <span className="rep-muted"> {formatPercent(n / row.started, lang)}</span>
                        )}
                      </td>
                    );
                  })}
                  <td>
                    {row.dealValue
                      .map((v) => formatMoney(v as Parameters<typeof formatMoney>[0], lang))
                      .join(' · ') || '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ScoreBars({ distribution, lang }: { distribution: number[]; lang: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...distribution);
  return (
    <table className="rep-table rep-bars">
      <caption>{t('reports.screen.distribution')}</caption>
      <tbody>
        {[5, 4, 3, 2, 1].map((score) => {
          const n = distribution[score - 1] ?? 0;
          return (
            <tr key={score}>
              <th scope="row">{t('reports.screen.score', { score })}</th>
              <td className="rep-bars__bar">{n > 0 && <span style={{ width: `${(100 * n) / max}%` }} />}</td>
              <td>{formatCount(n, lang)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Csat({
  report,
  lang,
  timeZone,
  onPick,
}: {
  report: TOutcomesReportDto;
  lang: string;
  timeZone: string;
  onPick: Pick;
}) {
  const { t } = useTranslation();
  const { csat } = report;
  const change =
    csat.average !== null && report.previousCsat.average !== null
      ? formatChange(csat.average, report.previousCsat.average, lang)
      : null;
  const rated = t('reports.screen.ratings');
  return (
    <section className="card" aria-labelledby="rep-csat" data-testid="rep-csat">
      <h2 id="rep-csat" className="card__title">
        {t('reports.screen.csat')}
      </h2>
      <div className="rep-tiles">
        <div className="rep-tile">
          <span className="rep-tile__label">{t('reports.screen.average')}</span>
          <span className="rep-tile__value" data-testid="csat-average">
            {formatAverage(csat.average, lang)}
          </span>
          {change && <span className="rep-tile__note">{t('reports.screen.vsPrevious', { change })}</span>}
        </div>
        <div className="rep-tile">
          <span className="rep-tile__label">{rated}</span>
          <FigureButton
            label={`${rated}: ${csat.count}`}
            onClick={() => onPick({ figure: 'rated', label: rated })}
            testId="csat-count"
          >
            <span className="rep-tile__value">{formatCount(csat.count, lang)}</span>
          </FigureButton>
        </div>
        <div className="rep-tile">
          <span className="rep-tile__label">{t('reports.screen.satisfied')}</span>
          <span className="rep-tile__value">{formatPercent(csat.satisfiedRate, lang)}</span>
        </div>
      </div>
      <ScoreBars distribution={csat.distribution} lang={lang} />
      <h3 className="rep-subtitle">{t('reports.screen.comments')}</h3>
      {report.comments.length === 0 ? (
        <p className="card__text">{t('reports.screen.noComments')}</p>
      ) : (
        <ul className="rep-comments" data-testid="csat-comments">
          {report.comments.map((c) => (
            <li key={c.conversationId}>
              <Link to={`/conversations/${c.conversationId}`}>
                {t('reports.screen.score', { score: c.score })}
              </Link>{' '}
              <q>{c.comment}</q>{' '}
              <span className="rep-muted">{formatDateTime(c.ratedAt, lang, timeZone)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Outcomes: the funnel per playbook, and satisfaction with its comments. */
export function OutcomesSection(props: {
  report: TOutcomesReportDto;
  lang: string;
  timeZone: string;
  onPick: Pick;
}) {
  return (
    <>
      <Funnel {...props} />
      <Csat {...props} />
    </>
  );
}
