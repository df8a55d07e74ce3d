import { useMemo, useState } from 'react';
import { localToday, shiftDate } from './reports-format';
import type { ReportFilters } from './reports-api';

export type Preset = 7 | 30 | 90 | 'custom';

/** The screen's range (local days in the viewer's zone) and filters. */
export function useReportFilters() {
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);
  const today = useMemo(() => localToday(timeZone), [timeZone]);
  const [preset, setPreset] = useState<Preset>(30);
  const [from, setFrom] = useState(shiftDate(today, -29));
  const [to, setTo] = useState(today);
  const [playbookId, setPlaybookId] = useState('');
  const [userId, setUserId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [labelId, setLabelId] = useState('');
  const filters = useMemo<ReportFilters>(
    () => ({
      from,
      to,
      timeZone,
      ...(playbookId ? { playbookId } : {}),
      ...(userId ? { userId } : {}),
      ...(teamId ? { teamId } : {}),
      ...(labelId ? { labelId } : {}),
    }),
    [from, to, timeZone, playbookId, userId, teamId, labelId],
  );
  return {
    filters,
    preset,
    choosePreset(p: Preset) {
      setPreset(p);
      if (p !== 'custom') {
        setFrom(shiftDate(today, -(p - 1)));
        setTo(today);
      }
    },
    setFrom: (v: string) => (setPreset('custom'), setFrom(v)),
    setTo: (v: string) => (setPreset('custom'), setTo(v)),
    setPlaybookId,
    setUserId,
    setTeamId,
    setLabelId,
  };
}
