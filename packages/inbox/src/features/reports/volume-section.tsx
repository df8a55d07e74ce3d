import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReportFigure, TVolumeCounts, TVolumeReportDto } from '@charla/protocol';
import { DayChart, type ChartSeries } from './day-chart';
import { FigureButton } from './figure-button';
import type { FigureRequest } from './reports-api';
import {
  formatChange,
  formatCount,
  formatDay,
  formatPercent,
  formatShortDay,
  weekdayNames,
} from './reports-format';

type Pick = (request: FigureRequest) => void;
const TILES: Array<{ key: keyof TVolumeCounts & TReportFigure; label: string }> = [
  { key: 'botOnly', label: 'botOnly' },
  { key: 'requests', label: 'requests' },
  { key: 'assigned', label: 'assigned' },
  { key: 'missed', label: 'missed' },
  { key: 'closed', label: 'closed' },
];
const COLUMNS = ['started', 'botOnly', 'requests', 'assigned', 'missed', 'closed'] as const;

function Tiles({ report, lang, onPick }: { report: TVolumeReportDto; lang: string; onPick: Pick }) {
  const { t } = useTranslation();
  return (
    <div className="rep-tiles">
      {TILES.map(({ key, label }) => {
        const now = report.totals[key];
        const change = formatChange(now, report.previous[key], lang);
        const name = t(`reports.screen.${label}`);
        return (
          <div key={key} className="rep-tile">
            <span className="rep-tile__label">{name}</span>
            <FigureButton
              label={`${name}: ${formatCount(now, lang)}`}
              onClick={() => onPick({ figure: key, label: name })}
              testId={`tile-${key}`}
            >
              <span className="rep-tile__value">{formatCount(now, lang)}</span>
            </FigureButton>
            {key === 'missed' && (
              <span className="rep-tile__note">
                {t('reports.screen.missedRate')}: {formatPercent(report.totals.missedRate, lang)}
              </span>
            )}
            {change && <span className="rep-tile__note">{t('reports.screen.vsPrevious', { change })}</span>}
          </div>
        );
      })}
    </div>
  );
}

function DaysTable({ report, lang, onPick }: { report: TVolumeReportDto; lang: string; onPick: Pick }) {
  const { t } = useTranslation();
  return (
    <details className="rep-details">
      <summary>{t('reports.screen.showTable')}</summary>
      <div className="rep-scroll">
        <table className="rep-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.screen.day')}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {t(`reports.screen.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDay(d.date, lang)}</th>
                {COLUMNS.map((c) => (
                  <td key={c}>
                    {d[c] === 0 ? (
                      '0'
                    ) : (
                      <FigureButton
                        label={`${t(`reports.screen.${c}`)}, ${formatDay(d.date, lang)}: ${d[c]}`}
                        onClick={() => onPick({ figure: c, label: t(`reports.screen.${c}`), date: d.date })}
                      >
                        {formatCount(d[c], lang)}
                      </FigureButton>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Heatmap({ grid, lang, timeZone }: { grid: number[][]; lang: string; timeZone: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...grid.flat());
  const names = weekdayNames(lang);
  return (
    <section className="card" aria-labelledby="rep-heatmap">
      <h2 id="rep-heatmap" className="card__title">
        {t('reports.screen.heatmap')}
      </h2>
      <p className="card__text">{t('reports.screen.heatmapHint', { timeZone })}</p>
      <div className="rep-scroll">
        <table className="rep-heatmap">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('reports.screen.weekday')}</span>
              </th>
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((row, d) => (
              <tr key={d}>
                <th scope="row">{names[d]}</th>
                {row.map((n, h) => (
                  <td
                    key={h}
                    style={{ background: n ? `rgba(37, 99, 235, ${0.12 + (0.88 * n) / max})` : undefined }}
                    className={n / max > 0.55 ? 'rep-heatmap__hot' : undefined}
                    title={`${names[d]} ${h}:00 – ${n}`}
                  >
                    {n || ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Volume: totals against the previous range, live chat per day (chart + table), heatmap. */
export function VolumeSection({
  report,
  lang,
  onPick,
}: {
  report: TVolumeReportDto;
  lang: string;
  onPick: Pick;
}) {
  const { t } = useTranslation();
  const labels = useMemo(() => report.days.map((d) => formatShortDay(d.date, lang)), [report, lang]);
  const series = useMemo<ChartSeries[]>(
    () => [
      {
        label: t('reports.screen.requests'),
        color: '#93c5fd',
        kind: 'bars',
        values: report.days.map((d) => d.requests),
      },
      {
        label: t('reports.screen.missed'),
        color: '#dc2626',
        kind: 'bars',
        values: report.days.map((d) => d.missed),
      },
      {
        label: t('reports.screen.assigned'),
        color: '#15803d',
        kind: 'line',
        values: report.days.map((d) => d.assigned),
      },
    ],
    [report, t],
  );
  return (
    <>
      <section className="card" aria-labelledby="rep-volume">
        <h2 id="rep-volume" className="card__title">
          {t('reports.screen.volume')}
        </h2>
        <Tiles report={report} lang={lang} onPick={onPick} />
        <h3 className="rep-subtitle">{t('reports.screen.perDay')}</h3>
        <DayChart
          labels={labels}
          series={series}
          ariaLabel={t('reports.screen.perDay')}
          onPick={(i) => {
            const date = report.days[i]?.date;
            if (date) onPick({ figure: 'requests', label: t('reports.screen.requests'), date });
          }}
        />
        <DaysTable report={report} lang={lang} onPick={onPick} />
      </section>
      <Heatmap grid={report.heatmap} lang={lang} timeZone={report.range.timeZone} />
    </>
  );
}
