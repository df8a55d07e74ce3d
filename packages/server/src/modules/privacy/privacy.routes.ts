import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { PrivacyService } from './privacy.service';

const ZSubjectParams = z.strictObject({ kind: z.enum(['visitor', 'person']), id: z.string().min(1).max(64) });
const ZDays = z.number().int().min(1).max(36_500).nullable();
const ZPrivacySettings = z.strictObject({
  closedConversationDays: ZDays,
  deliveryLogDays: ZDays,
  privacyUrl: z
    .string()
    .url()
    .max(500)
    .regex(/^https?:\/\//)
    .nullable(),
});
// The link's scheme is the service's check (PRIVACY_URL_NOT_WEB), so the form can say what is wrong.
const ZPrivacySettingsBody = ZPrivacySettings.extend({ privacyUrl: z.string().max(500).nullable() });
const ZAuditEntry = z.object({
  id: z.string(),
  at: z.number(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  subjectKind: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

const actor = (request: Parameters<typeof requireUser>[0]) => {
  const user = requireUser(request);
  return { id: user.id, name: user.name };
};

/** Admin privacy routes (issue 22): retention settings, export and delete of one subject, audit log. */
export function registerPrivacyRoutes(app: App, privacy: PrivacyService): void {
  registerRetentionRoutes(app, privacy);
  registerSubjectRoutes(app, privacy);
  registerAuditLogRoutes(app, privacy);
}

/** Retention settings and the widget's privacy link. */
function registerRetentionRoutes(app: App, privacy: PrivacyService): void {
  app.get(
    '/api/v1/admin/privacy/settings',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['privacy'],
        summary: 'Retention and the widget’s privacy link',
        response: { 200: ZPrivacySettings },
      },
    },
    async () => privacy.settings(),
  );
  app.put(
    '/api/v1/admin/privacy/settings',
    {
      config: { auth: 'admin', errors: ['PRIVACY_URL_NOT_WEB'] },
      schema: {
        tags: ['privacy'],
        summary: 'Set retention (days, null = keep) and the privacy link; recorded in the audit log',
        body: ZPrivacySettingsBody,
        response: { 200: ZPrivacySettings },
      },
    },
    async (request) => privacy.updateSettings(actor(request), request.body),
  );
}

/** Export and delete everything about one person or visitor. */
function registerSubjectRoutes(app: App, privacy: PrivacyService): void {
  app.get(
    '/api/v1/admin/privacy/:kind/:id/export',
    {
      config: { auth: 'admin', errors: ['PRIVACY_SUBJECT_NOT_FOUND'] },
      schema: {
        tags: ['privacy'],
        summary: 'Everything stored about a visitor or CRM person, as a JSON download (audited)',
        params: ZSubjectParams,
      },
    },
    async (request, reply) => {
      const document = await privacy.exportSubject(actor(request), request.params.kind, request.params.id);
      void reply.header(
        'content-disposition',
        `attachment; filename="charla-${request.params.kind}-${request.params.id}.json"`,
      );
      void reply.header('cache-control', 'no-store');
      return document;
    },
  );
  app.delete(
    '/api/v1/admin/privacy/:kind/:id',
    {
      config: { auth: 'admin', errors: ['PRIVACY_SUBJECT_NOT_FOUND'] },
      schema: {
        tags: ['privacy'],
        summary: 'Delete everything about a visitor or CRM person (deals stay, anonymised); audited',
        params: ZSubjectParams,
        response: { 200: z.object({ removed: z.record(z.string(), z.number()) }) },
      },
    },
    async (request) => ({
      removed: await privacy.eraseSubject(actor(request), request.params.kind, request.params.id),
    }),
  );
}

/** The audit log. */
function registerAuditLogRoutes(app: App, privacy: PrivacyService): void {
  app.get(
    '/api/v1/admin/audit-log',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['privacy'],
        summary: 'Who did what and when (privacy exports and deletions, retention), newest first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(ZAuditEntry) }) },
      },
    },
    async (request) => ({
      items: (await privacy.auditLog(request.query.limit)).map((r) => ({
        id: r.id,
        at: Number(r.at),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        subjectKind: r.subject_kind,
        subjectId: r.subject_id,
        details: JSON.parse(r.details) as Record<string, unknown>,
      })),
    }),
  );
}
