/** A funnel row before its first stage is added (playbook id and the conversation stages). */
type StagesRow = { playbookId: string | null; started: number };

/** The first stage of a funnel row: widget opens now and in the previous range (null: not countable). */
export type OpenedStage = { opened: number | null; openedPrevious: number | null };

/**
 * Adds the "opened the widget" stage to each playbook's funnel row, and a row for every playbook
 * that was opened without any conversation started. Opens know only their playbook: with a
 * user, team or label filter (`countable` false) they are null, shown as "—".
 */
export function withOpens<T extends StagesRow>(
  rows: T[],
  opens: ReadonlyMap<string, number>,
  previousOpens: ReadonlyMap<string, number>,
  countable: boolean,
  blank: (playbookId: string) => T,
): Array<T & OpenedStage> {
  const stage = (id: string | null): OpenedStage =>
    countable && id !== null
      ? { opened: opens.get(id) ?? 0, openedPrevious: previousOpens.get(id) ?? 0 }
      : countable
        ? { opened: 0, openedPrevious: 0 }
        : { opened: null, openedPrevious: null };
  const seen = new Set(rows.map((r) => r.playbookId));
  const openedOnly = countable ? [...opens.keys()].filter((id) => !seen.has(id)).map(blank) : [];
  return [...rows, ...openedOnly].map((row) => ({ ...row, ...stage(row.playbookId) }));
}
