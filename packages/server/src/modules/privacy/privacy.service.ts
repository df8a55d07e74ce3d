import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { AppError } from '../../lib/app-error';
import type { SettingsStore } from '../settings/index';
import type { AuditLogStore } from './audit-log.store';
import { resolveSubject, type SubjectKind } from './subject';
import type { PrivacyStores } from './privacy-stores';

export type Actor = { id: string | null; name: string };
export type PrivacySettings = {
  /** Closed conversations (and everything that goes with them) are deleted this many days after closing. */
  closedConversationDays: number | null;
  /** Webhook and mail delivery logs are deleted this many days after they were created. */
  deliveryLogDays: number | null;
  /** Shown in the widget as "Privacy" (what is stored and why). */
  privacyUrl: string | null;
};
export const PRIVACY_SETTINGS_KEY = 'privacy.settings';
const DEFAULTS: PrivacySettings = { closedConversationDays: null, deliveryLogDays: null, privacyUrl: null };

/** Export and erase everything about one person or visitor, retention settings, and the audit log (issue 22). */
export function createPrivacyService(deps: {
  stores: PrivacyStores;
  audit: AuditLogStore;
  settings: SettingsStore;
  clock: Clock;
}) {
  const { stores, audit, clock } = deps;

  async function record(
    actor: Actor,
    action: string,
    subject: { kind: string; id: string } | null,
    details: object,
  ) {
    await audit.insert({
      id: newId(),
      at: clock.now(),
      actor_id: actor.id,
      actor_name: actor.name,
      action,
      subject_kind: subject?.kind ?? null,
      subject_id: subject?.id ?? null,
      details: JSON.stringify(details),
    });
  }

  async function subjectOrThrow(kind: SubjectKind, id: string) {
    const subject = await resolveSubject(stores, kind, id);
    if (!subject) throw new AppError('NOT_FOUND', { message: `No ${kind} with this id has any data here.` });
    return subject;
  }

  return {
    async settings(): Promise<PrivacySettings> {
      return {
        ...DEFAULTS,
        ...(await deps.settings.get<Partial<PrivacySettings>>(PRIVACY_SETTINGS_KEY, {})),
      };
    },
    async updateSettings(actor: Actor, next: PrivacySettings): Promise<PrivacySettings> {
      await deps.settings.set(PRIVACY_SETTINGS_KEY, next, clock.now());
      await record(actor, 'retention.update', null, next);
      return next;
    },

    /** Everything stored about the subject, as one JSON document. */
    async exportSubject(actor: Actor, kind: SubjectKind, id: string) {
      const s = await subjectOrThrow(kind, id);
      const document = {
        exportedAt: new Date(clock.now()).toISOString(),
        subject: { kind, id },
        visitors: await stores.visitors.byIds(s.visitorIds),
        conversations: await stores.conversations.byIds(s.conversationIds),
        messages: await stores.conversations.messagesOf(s.conversationIds),
        ratings: await stores.ratings.ofConversations(s.conversationIds),
        crm: {
          persons: await stores.crm.personsByIds(s.personIds),
          panels: await stores.crm.panelsOf(s.conversationIds),
          leads: await stores.crm.leadsOf(s.personIds),
          deals: await stores.crm.dealsOf(s.personIds, s.leadIds),
          notes: await stores.crm.notesOf(s, s.needles),
          activities: await stores.crm.activitiesOf(s, s.needles),
        },
      };
      await record(
        actor,
        'privacy.export',
        { kind, id },
        {
          conversations: s.conversationIds.length,
          messages: document.messages.length,
          persons: s.personIds.length,
        },
      );
      return document;
    },

    /** Deletes the subject everywhere (deals stay, anonymised); returns what was removed per table. */
    async eraseSubject(actor: Actor, kind: SubjectKind, id: string) {
      const s = await subjectOrThrow(kind, id);
      const crm = await stores.crm.erase(s, s.needles);
      const webhookDeliveries = await stores.webhooks.deleteMentioning([
        ...s.conversationIds,
        ...s.visitorIds,
        ...s.personIds,
        ...s.needles,
      ]);
      const mails = await stores.mail.deleteMentioning(s.emails, [...s.conversationIds, ...s.needles]);
      const conversations = await stores.conversations.deleteByIds(s.conversationIds);
      const visitors = await stores.visitors.deleteWithoutConversations(s.visitorIds);
      const removed = {
        ...crm,
        webhookDeliveries,
        mails,
        conversations,
        visitors,
      };
      await record(actor, 'privacy.delete', { kind, id }, removed);
      return removed;
    },

    /** One retention pass: at most `batches` batches of `batchSize` per kind of data. */
    async runRetention(batchSize = 200, batches = 10) {
      const settings = await this.settings();
      const now = clock.now();
      const removed = { conversations: 0, visitors: 0, webhookDeliveries: 0, mails: 0 };
      const day = 86_400_000;
      for (let i = 0; settings.closedConversationDays !== null && i < batches; i += 1) {
        const due = await stores.conversations.closedBefore(
          now - settings.closedConversationDays * day,
          batchSize,
        );
        if (due.length === 0) break;
        removed.conversations += await stores.conversations.deleteByIds(due.map((c) => c.id));
        removed.visitors += await stores.visitors.deleteWithoutConversations([
          ...new Set(due.map((c) => c.visitor_id)),
        ]);
      }
      for (let i = 0; settings.deliveryLogDays !== null && i < batches; i += 1) {
        const cutoff = now - settings.deliveryLogDays * day;
        const webhooks = await stores.webhooks.deleteFinishedBefore(cutoff, batchSize);
        const mails = await stores.mail.deleteFinishedBefore(cutoff, batchSize);
        removed.webhookDeliveries += webhooks;
        removed.mails += mails;
        if (webhooks + mails === 0) break;
      }
      if (Object.values(removed).some((n) => n > 0))
        await record({ id: null, name: 'retention' }, 'retention.run', null, removed);
      return removed;
    },

    async auditLog(limit: number, before?: { at: number; id: string }) {
      return audit.list(limit, before);
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
