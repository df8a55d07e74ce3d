import {
  ZMailLogEntryDto,
  ZMailLogQuery,
  ZMailPreviewDto,
  ZMailPreviewParams,
  ZMailPreviewQuery,
  ZMailStatus,
  ZMailStatusDto,
  ZPage,
  ZSendTestMailRequest,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import type { MailService } from './mail.service';

const tags = ['mail'];

/** Settings → Email (admins): whether SMTP works, the mail log, template previews, a test mail. */
export function registerMailRoutes(app: App, mail: MailService): void {
  app.get(
    '/api/v1/admin/mail',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary:
          'Whether outgoing mail is configured (SMTP_URL, MAIL_FROM) and how many mails are in each state',
        response: { 200: ZMailStatusDto },
      },
    },
    async () => mail.status(),
  );

  app.get(
    '/api/v1/admin/mail/log',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'The mail log, newest first: recipient, subject, status, attempts and last error',
        querystring: ZMailLogQuery,
        response: { 200: ZPage(ZMailLogEntryDto) },
      },
    },
    async (request) => mail.log(request.query),
  );

  app.get(
    '/api/v1/admin/mail/templates/:template/preview',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'A template rendered with sample data: subject, HTML part and plain-text part',
        params: ZMailPreviewParams,
        querystring: ZMailPreviewQuery,
        response: { 200: ZMailPreviewDto },
      },
    },
    async (request) => mail.preview(request.params.template, request.query.language),
  );

  app.post(
    '/api/v1/admin/mail/test',
    {
      config: { auth: 'admin', errors: ['MAIL_ADDRESS_INVALID'] },
      schema: {
        tags,
        summary: 'Queue a test mail; `skipped` when SMTP is not configured',
        body: ZSendTestMailRequest,
        response: { 202: z.object({ id: z.string(), status: ZMailStatus }) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await mail.enqueue('test', { to: request.body.to, language: request.body.language, params: {} }),
        ),
  );
}
