import {
  ZBusinessHours,
  ZBusinessHoursDto,
  ZBusinessHoursStatusDto,
  ZBusinessHoursStatusQuery,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import type { BusinessHoursService } from './business-hours.service';

const tags = ['availability'];
const ZPlaybookParams = z.strictObject({ playbookId: z.string().max(64) });
const ZOverrideDto = z.object({ override: ZBusinessHoursDto.nullable() });

/** Business hours (issue 19): the company's schedule, per-playbook overrides, "open now?". */
export function registerBusinessHoursRoutes(app: App, hours: BusinessHoursService): void {
  app.get(
    '/api/v1/business-hours',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'The company’s business hours (off: live chat is always within hours)',
        response: { 200: ZBusinessHoursDto },
      },
    },
    async () => hours.company(),
  );
  app.put(
    '/api/v1/admin/business-hours',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Set the company’s business hours',
        description:
          'Outside them a live chat card takes its offline path at once (R9), even with users online, and `{{back_at}}` says when live chat is back. An interval whose `to` is at or before its `from` runs past midnight; a closed date closes the whole local day.',
        body: ZBusinessHours,
        response: { 200: ZBusinessHoursDto },
      },
    },
    async (request) => hours.putCompany(request.body),
  );
  app.get(
    '/api/v1/business-hours/status',
    {
      config: { auth: 'user', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Open now? (or at `at`), the next change, and what `{{back_at}}` would say',
        querystring: ZBusinessHoursStatusQuery,
        response: { 200: ZBusinessHoursStatusDto },
      },
    },
    async (request) => hours.status(request.query),
  );
  registerOverrideRoutes(app, hours);
}

/** A playbook's own business hours. */
function registerOverrideRoutes(app: App, hours: BusinessHoursService): void {
  app.get(
    '/api/v1/admin/playbooks/:playbookId/business-hours',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'A playbook’s own business hours (null: it follows the company’s)',
        params: ZPlaybookParams,
        response: { 200: ZOverrideDto },
      },
    },
    async (request) => ({ override: await hours.getOverride(request.params.playbookId) }),
  );
  app.put(
    '/api/v1/admin/playbooks/:playbookId/business-hours',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Give a playbook its own business hours',
        params: ZPlaybookParams,
        body: ZBusinessHours,
        response: { 200: ZBusinessHoursDto },
      },
    },
    async (request) => hours.putOverride(request.params.playbookId, request.body),
  );
  app.delete(
    '/api/v1/admin/playbooks/:playbookId/business-hours',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Drop a playbook’s own hours: it follows the company’s again',
        params: ZPlaybookParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await hours.deleteOverride(request.params.playbookId);
      return reply.status(204).send(null);
    },
  );
}
