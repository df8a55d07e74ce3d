import { useTranslation } from 'react-i18next';
import type { TSpeedFigures, TSpeedReportDto } from '@charla/protocol';
import { FigureButton } from './figure-button';
import type { FigureRequest } from './reports-api';
import { formatCount, formatDuration } from './reports-format';

const METRICS = ['timeToAssign', 'firstResponse', 'resolution'] as const;

function Cells({ figures, lang }: { figures: TSpeedFigures; lang: string }) {
  return (
    <>
      {METRICS.map((m) => (
        <td key={m}>
          {formatDuration(figures[m].p50, lang)}
          <span className="rep-muted"> / {formatDuration(figures[m].p90, lang)}</span>
        </td>
      ))}
    </>
  );
}

/** Speed: p50 / p90 of time to assign, first response and resolution, overall and per user. */
export function SpeedSection({
  report,
  lang,
  canFilterUsers,
  onPick,
}: {
  report: TSpeedReportDto;
  lang: string;
  canFilterUsers: boolean;
  onPick: (request: FigureRequest) => void;
}) {
  const { t } = useTranslation();
  const assigned = t('reports.screen.assigned');
  return (
    <section className="card" aria-labelledby="rep-speed">
      <h2 id="rep-speed" className="card__title">
        {t('reports.screen.speed')}
      </h2>
      <p className="card__text">
        {t('reports.screen.median')} / {t('reports.screen.p90')}
      </p>
      <div className="rep-scroll">
        <table className="rep-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.screen.user')}</th>
              <th scope="col">{t('reports.screen.handled')}</th>
              {METRICS.map((m) => (
                <th key={m} scope="col">
                  {t(`reports.screen.${m}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="rep-table__total">
              <th scope="row">{t('reports.screen.all')}</th>
              <td>
                <FigureButton
                  label={`${assigned}: ${report.totals.timeToAssign.count}`}
                  onClick={() => onPick({ figure: 'assigned', label: assigned })}
                >
                  {formatCount(report.totals.timeToAssign.count, lang)}
                </FigureButton>
              </td>
              <Cells figures={report.totals} lang={lang} />
            </tr>
            {report.users.map((u) => (
              <tr key={u.userId}>
                <th scope="row">{u.name}</th>
                <td>
                  <FigureButton
                    label={`${u.name}, ${t('reports.screen.handled')}: ${u.handled}`}
                    onClick={() =>
                      onPick({
                        figure: 'started',
                        label: `${u.name} · ${t('reports.screen.handled')}`,
                        ...(canFilterUsers ? { userId: u.userId } : {}),
                      })
                    }
                  >
                    {formatCount(u.handled, lang)}
                  </FigureButton>
                </td>
                <Cells figures={u} lang={lang} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.users.length === 0 && <p className="card__text">{t('reports.screen.noUsers')}</p>}
    </section>
  );
}
