import type {
  TOutcomesReportDto,
  TReportConversationDto,
  TReportFigure,
  TSpeedReportDto,
  TVolumeReportDto,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

/** What the screen asks for: local days in the viewer's zone, optional filters. */
export type ReportFilters = {
  from: string;
  to: string;
  timeZone: string;
  playbookId?: string;
  userId?: string;
  teamId?: string;
  /** Issue 21: only conversations carrying this label (counted from the per-conversation facts). */
  labelId?: string;
};

export type ReportData = { volume: TVolumeReportDto; speed: TSpeedReportDto; outcomes: TOutcomesReportDto };

/** One figure's conversations; `date` narrows to one local day, `playbookId` to one funnel row. */
export type FigureRequest = {
  figure: TReportFigure;
  label: string;
  date?: string;
  playbookId?: string;
  userId?: string;
};

const queryOf = (f: ReportFilters) => ({ ...f });

export const reportsApi = {
  async all(filters: ReportFilters, signal?: AbortSignal): Promise<ReportData> {
    const query = queryOf(filters);
    const [volume, speed, outcomes] = await Promise.all([
      api.get<TVolumeReportDto>('/reports/volume', query, signal),
      api.get<TSpeedReportDto>('/reports/speed', query, signal),
      api.get<TOutcomesReportDto>('/reports/outcomes', query, signal),
    ]);
    return { volume, speed, outcomes };
  },
  conversations(filters: ReportFilters, request: FigureRequest): Promise<TReportConversationDto[]> {
    return api.get<TReportConversationDto[]>('/reports/conversations', {
      ...queryOf(filters),
      figure: request.figure,
      ...(request.date ? { date: request.date } : {}),
      ...(request.playbookId ? { playbookId: request.playbookId } : {}),
      ...(request.userId ? { userId: request.userId } : {}),
    });
  },
  exportUrl(table: string, filters: ReportFilters): string {
    const params = new URLSearchParams(
      Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    );
    return `/api/v1/reports/export/${table}?${params.toString()}`;
  },
};
