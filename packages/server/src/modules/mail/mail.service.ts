import type {
  TLanguage,
  TMailLogEntryDto,
  TMailPreviewDto,
  TMailStatus,
  TMailStatusDto,
  TMailTemplateName,
  TPage,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import type { SettingsStore } from '../settings/index';
import { mailContent, sampleParams, type MailParams } from './mail-copy';
import { mailErrorCodeOf, SMTP_NOT_CONFIGURED } from './mail-error-code';
import type { MailRow, MailStore } from './mail.store';
import { isSingleAddress } from './one-line';
import { renderMail } from './render-mail';
import { describeSmtpUrl } from './smtp-transport';

export type MailServiceDeps = {
  store: MailStore;
  settings: SettingsStore;
  clock: Clock;
  smtp: { url: string; from: string } | null;
  publicUrl: string;
};

export type MailRequest<K extends TMailTemplateName> = {
  to: string;
  language: TLanguage;
  params: Omit<MailParams[K], 'companyName'>;
  /** The mail carries a link that signs someone in: its body is erased once sent. */
  sensitive?: boolean;
  /** Where the recipient's answer goes (a follow-up's signed inbound address). */
  replyTo?: string;
};

/** What callers learn: whether the mail is on its way, or SMTP is off (so they show the link instead). */
export type QueuedMail = { id: string; status: Extract<TMailStatus, 'pending' | 'skipped'> };

function toLogEntry(row: MailRow): TMailLogEntryDto {
  return {
    id: row.id,
    template: row.template,
    to: row.to_address,
    subject: row.subject,
    language: row.language,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastError: row.last_error,
    lastErrorCode: mailErrorCodeOf(row.last_error),
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

/** Renders templates into outbox rows and answers the admin's Settings → Email screen. */
export function createMailService(deps: MailServiceDeps) {
  const { store, clock, smtp } = deps;
  const messageIdHost = new URL(deps.publicUrl).hostname || 'charla.invalid';

  /** The same default as Settings → Company shows before an admin names the company. */
  async function companyName(): Promise<string> {
    return (await deps.settings.get<{ name?: string } | null>('company', null))?.name ?? 'My company';
  }

  return {
    configured: smtp !== null,
    companyName,

    /** Queues one mail (durable before this returns). Without SMTP it is logged as `skipped`. */
    async enqueue<K extends TMailTemplateName>(template: K, request: MailRequest<K>): Promise<QueuedMail> {
      const to = request.to.trim().toLowerCase();
      if (!isSingleAddress(to)) throw new AppError('MAIL_ADDRESS_INVALID');
      const params = { ...request.params, companyName: await companyName() } as MailParams[K];
      const rendered = renderMail(mailContent(template, request.language, params), request.language);
      const now = clock.now();
      const id = newId();
      const skipped = smtp === null;
      const keepBody = !(skipped && request.sensitive);
      await store.insert({
        id,
        template,
        to_address: to,
        language: request.language,
        subject: rendered.subject,
        html_body: keepBody ? rendered.html : '',
        text_body: keepBody ? rendered.text : '',
        sensitive: request.sensitive ? 1 : 0,
        message_id: `<${id}@${messageIdHost}>`,
        status: skipped ? 'skipped' : 'pending',
        attempts: 0,
        next_attempt_at: skipped ? null : now,
        claimed_until: null,
        last_attempt_at: null,
        last_error: skipped ? SMTP_NOT_CONFIGURED : null,
        sent_at: null,
        created_at: now,
        reply_to: request.replyTo && isSingleAddress(request.replyTo) ? request.replyTo : null,
      });
      return { id, status: skipped ? 'skipped' : 'pending' };
    },

    async status(): Promise<TMailStatusDto> {
      return {
        configured: smtp !== null,
        from: smtp?.from ?? null,
        server: smtp ? describeSmtpUrl(smtp.url) : null,
        counts: await store.countByStatus(),
      };
    },

    async log(query: {
      status?: TMailStatus;
      cursor?: string;
      limit: number;
    }): Promise<TPage<TMailLogEntryDto>> {
      const rows = await store.list({
        ...(query.status ? { status: query.status } : {}),
        ...(query.cursor ? { beforeId: query.cursor } : {}),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(toLogEntry), nextCursor: rows.length > query.limit && last ? last.id : null };
    },

    async preview(template: TMailTemplateName, language: TLanguage): Promise<TMailPreviewDto> {
      const samples = sampleParams(await companyName(), deps.publicUrl, language);
      return renderMail(mailContent(template, language, samples[template]), language);
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;
