import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Bars are drawn over each other in order (missed ⊂ requests shows as the lower part); lines on top. */
export type ChartSeries = { label: string; color: string; values: number[]; kind: 'bars' | 'line' };

type Props = {
  /** One label per x position (local days). */
  labels: string[];
  series: ChartSeries[];
  /** Short description for screen readers (the data table beside the chart has the numbers). */
  ariaLabel: string;
  onPick: (index: number) => void;
};

const bars = uPlot.paths.bars?.({ size: [0.8, 40], gap: 1 });

/** Grouped bars per local day (uPlot, ~50 kB); a click on a day lists its conversations. */
export function DayChart({ labels, series, ariaLabel, onPick }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const xs = labels.map((_, i) => i);
    const width = () => Math.max(280, el.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height: 240,
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)] } },
        axes: [
          {
            values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')),
            space: 90,
            stroke: '#475467',
          },
          {
            stroke: '#475467',
            space: 30,
            values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')),
          },
        ],
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        series: [
          { label: '' },
          ...series.map((s) =>
            s.kind === 'bars'
              ? {
                  label: s.label,
                  stroke: s.color,
                  fill: s.color,
                  width: 0,
                  paths: bars,
                  points: { show: false },
                }
              : { label: s.label, stroke: s.color, width: 2, points: { show: true, size: 5 } },
          ),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      el,
    );
    const onClick = () => {
      const idx = chart.cursor.idx;
      if (idx !== null && idx !== undefined) pick.current(idx);
    };
    chart.over.addEventListener('click', onClick);
    chart.over.style.cursor = 'pointer';
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, series]);

  return <div ref={host} className="rep-chart" role="img" aria-label={ariaLabel} />;
}
