import {
  ZOutcomesReportDto,
  ZReportConversationDto,
  ZReportConversationsQuery,
  ZReportQuery,
  ZReportTable,
  ZSpeedReportDto,
  ZVolumeReportDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import { reportTableCsv } from './report-tables';
import type { ReportsService } from './reports.service';

const tags = ['reports'];
const scopeNote =
  'Counts the conversations started in the range, on the local day they started (`timeZone`, default the company’s). The previous range has the same length and ends the day before `from`. Admins see everyone (or `userId`); regular users always get their own figures (the conversations they had), and asking for someone else is 403.';

export function registerReportsRoutes(app: App, reports: ReportsService): void {
  const base = { tags, description: scopeNote, querystring: ZReportQuery };
  app.get(
    '/api/v1/reports/volume',
    {
      config: { auth: 'user', errors: ['REPORT_RANGE_INVALID', 'TEAM_NOT_FOUND', 'LABEL_UNKNOWN'] },
      schema: {
        ...base,
        summary: 'Volume per local day, with a weekday × hour heatmap of live chat requests',
        response: { 200: ZVolumeReportDto },
      },
    },
    async (request) => reports.volume(request.query, requireUser(request)),
  );
  app.get(
    '/api/v1/reports/speed',
    {
      config: { auth: 'user', errors: ['REPORT_RANGE_INVALID', 'TEAM_NOT_FOUND', 'LABEL_UNKNOWN'] },
      schema: {
        ...base,
        summary: 'Time to assign, first response and resolution (p50/p90, ms), overall and per user',
        response: { 200: ZSpeedReportDto },
      },
    },
    async (request) => reports.speed(request.query, requireUser(request)),
  );
  app.get(
    '/api/v1/reports/outcomes',
    {
      config: { auth: 'user', errors: ['REPORT_RANGE_INVALID', 'TEAM_NOT_FOUND', 'LABEL_UNKNOWN'] },
      schema: {
        ...base,
        summary: 'Funnel per playbook (live chat, leads, deals and their value) and satisfaction (CSAT)',
        response: { 200: ZOutcomesReportDto },
      },
    },
    async (request) => reports.outcomes(request.query, requireUser(request)),
  );

  app.get(
    '/api/v1/reports/conversations',
    {
      config: { auth: 'user', errors: ['REPORT_RANGE_INVALID', 'TEAM_NOT_FOUND', 'LABEL_UNKNOWN'] },
      schema: {
        tags,
        summary: 'The conversations behind a figure (optionally of one local day), at most 1,000',
        description: scopeNote,
        querystring: ZReportConversationsQuery,
        response: { 200: z.array(ZReportConversationDto) },
      },
    },
    async (request) => reports.conversations(request.query, requireUser(request)),
  );

  app.get(
    '/api/v1/reports/export/:table',
    {
      config: { auth: 'user', errors: ['REPORT_RANGE_INVALID', 'TEAM_NOT_FOUND', 'LABEL_UNKNOWN'] },
      schema: {
        tags,
        summary: 'One table of the reports as CSV (text/csv; durations in seconds, money in minor units)',
        description: scopeNote,
        params: z.strictObject({ table: ZReportTable }),
        querystring: ZReportQuery,
      },
    },
    async (request, reply) => {
      const csv = await reportTableCsv(reports, request.params.table, request.query, requireUser(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="charla-${request.params.table}-${request.query.from}-${request.query.to}.csv"`,
        )
        .send(csv);
    },
  );
}
