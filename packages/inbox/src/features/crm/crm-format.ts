import type { TCrmMoney } from '@charla/protocol';
import { dateTimeFormat, numberFormat } from '../../lib/intl-cache';

/** 1250 EUR minor units → "€12.50" in the UI language. */
export function formatMoney(money: TCrmMoney | null, locale: string): string {
  if (!money) return '—';
  try {
    const formatter = numberFormat(locale, { style: 'currency', currency: money.currency });
    const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
    return formatter.format(money.amountMinor / 10 ** digits);
  } catch {
    return `${money.amountMinor / 100} ${money.currency}`;
  }
}

/** A calendar date or timestamp as "12 Mar 2026". */
export function formatDate(value: string | number | null, locale: string): string {
  if (value === null) return '—';
  const date = typeof value === 'number' ? new Date(value) : new Date(`${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return '—';
  return dateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** Sum of open deal values per currency, for a board column's total. */
export function totalsByCurrency(values: readonly (TCrmMoney | null)[]): TCrmMoney[] {
  const sums = new Map<string, number>();
  for (const v of values) if (v) sums.set(v.currency, (sums.get(v.currency) ?? 0) + v.amountMinor);
  return [...sums].map(([currency, amountMinor]) => ({ currency, amountMinor }) as TCrmMoney);
}

/** Moves a deal to another stage in a board's local state (the server call is separate). */
export function moveDealToStage<T extends { id: string; stage: { id: string; name: string } }>(
  deals: readonly T[],
  dealId: string,
  stage: { id: string; name: string },
): T[] {
  return deals.map((d) => (d.id === dealId ? { ...d, stage: { id: stage.id, name: stage.name } } : d));
}

/** A timestamp as "12 Mar 2026, 09:30" in the viewer's locale and time zone. */
export function formatDateTime(value: number | null, locale: string): string {
  if (value === null) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Totals weighted by a stage's win probability (percent), rounded to whole minor units. */
export function weightedTotals(totals: readonly TCrmMoney[], probability: number): TCrmMoney[] {
  return totals.map((m) => ({ ...m, amountMinor: Math.round((m.amountMinor * probability) / 100) }));
}

/** The board's pipeline totals: the sum and the weighted sum over every stage, per currency. */
export function pipelineTotals(
  stages: readonly { probability: number; values: readonly (TCrmMoney | null)[] }[],
): { total: TCrmMoney[]; weighted: TCrmMoney[] } {
  const all = stages.flatMap((s) => s.values);
  const weighted = stages.flatMap((s) => weightedTotals(totalsByCurrency(s.values), s.probability));
  return { total: totalsByCurrency(all), weighted: totalsByCurrency(weighted) };
}
