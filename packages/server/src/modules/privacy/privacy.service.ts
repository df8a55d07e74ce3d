import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { AppError } from '../../lib/app-error';
import type { SettingsStore } from '../settings/index';
import type { AuditLogStore } from './audit-log.store';
import { isWebPageUrl } from './privacy-url';
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

export type PrivacyDeps = {
  stores: PrivacyStores;
  audit: AuditLogStore;
  settings: SettingsStore;
  clock: Clock;
};
type Subject = NonNullable<Awaited<ReturnType<typeof resolveSubject>>>;
const DAY_MS = 86_400_000;

/** Export and erase everything about one person or visitor, retention settings, and the audit log (issue 22). */
export function createPrivacyService(deps: PrivacyDeps) {
  return {
    settings: () => readSettings(deps),
    updateSettings: (actor: Actor, next: PrivacySettings) => updateSettings(deps, actor, next),
    exportSubject: (actor: Actor, kind: SubjectKind, id: string) => exportSubject(deps, actor, kind, id),
    eraseSubject: (actor: Actor, kind: SubjectKind, id: string) => eraseSubject(deps, actor, kind, id),
    runRetention: (batchSize = 200, batches = 10) => runRetention(deps, batchSize, batches),
    auditLog: (limit: number, before?: { at: number; id: string }) => deps.audit.list(limit, before),
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;

async function record(
  deps: PrivacyDeps,
  actor: Actor,
  action: string,
  subject: { kind: string; id: string } | null,
  details: object,
): Promise<void> {
  await deps.audit.insert({
    id: newId(),
    at: deps.clock.now(),
    actor_id: actor.id,
    actor_name: actor.name,
    action,
    subject_kind: subject?.kind ?? null,
    subject_id: subject?.id ?? null,
    details: JSON.stringify(details),
  });
}

async function subjectOrThrow(deps: PrivacyDeps, kind: SubjectKind, id: string): Promise<Subject> {
  const subject = await resolveSubject(deps.stores, kind, id);
  if (!subject)
    throw new AppError('PRIVACY_SUBJECT_NOT_FOUND', {
      message: `No ${kind} with this id has any data here.`,
    });
  return subject;
}

async function readSettings(deps: Pick<PrivacyDeps, 'settings'>): Promise<PrivacySettings> {
  return { ...DEFAULTS, ...(await deps.settings.get<Partial<PrivacySettings>>(PRIVACY_SETTINGS_KEY, {})) };
}

async function updateSettings(
  deps: PrivacyDeps,
  actor: Actor,
  next: PrivacySettings,
): Promise<PrivacySettings> {
  if (next.privacyUrl !== null && !isWebPageUrl(next.privacyUrl))
    throw new AppError('PRIVACY_URL_NOT_WEB', {
      details: [{ path: 'privacyUrl', message: 'Use an address that starts with https:// or http://.' }],
    });
  await deps.settings.set(PRIVACY_SETTINGS_KEY, next, deps.clock.now());
  await record(deps, actor, 'retention.update', null, next);
  return next;
}

/** Everything stored about the subject, as one JSON document. */
async function exportSubject(deps: PrivacyDeps, actor: Actor, kind: SubjectKind, id: string) {
  const { stores, clock } = deps;
  const s = await subjectOrThrow(deps, kind, id);
  const document = {
    exportedAt: new Date(clock.now()).toISOString(),
    subject: { kind, id },
    visitors: await stores.visitors.byIds(s.visitorIds),
    conversations: await stores.conversations.byIds(s.conversationIds),
    messages: await stores.conversations.messagesOf(s.conversationIds),
    ratings: await stores.ratings.ofConversations(s.conversationIds),
    files: await stores.attachments.ofConversations(s.conversationIds),
    crm: {
      persons: await stores.crm.personsByIds(s.personIds),
      panels: await stores.crm.panelsOf(s.conversationIds),
      leads: await stores.crm.leadsOf(s.personIds),
      deals: await stores.crm.dealsOf(s.personIds, s.leadIds),
      notes: await stores.crm.notesOf(s, s.needles),
      activities: await stores.crm.activitiesOf(s, s.needles),
    },
  };
  const counts = {
    conversations: s.conversationIds.length,
    messages: document.messages.length,
    files: document.files.length,
    persons: s.personIds.length,
  };
  await record(deps, actor, 'privacy.export', { kind, id }, counts);
  return document;
}

/** Deletes the subject everywhere (deals stay, anonymised); returns what was removed per table. */
async function eraseSubject(deps: PrivacyDeps, actor: Actor, kind: SubjectKind, id: string) {
  const { stores } = deps;
  const s = await subjectOrThrow(deps, kind, id);
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
  const removed = { ...crm, webhookDeliveries, mails, conversations, visitors };
  await record(deps, actor, 'privacy.delete', { kind, id }, removed);
  return removed;
}

type Removed = { conversations: number; visitors: number; webhookDeliveries: number; mails: number };

/** One retention pass: at most `batches` batches of `batchSize` per kind of data. */
async function runRetention(deps: PrivacyDeps, batchSize: number, batches: number): Promise<Removed> {
  const settings = await readSettings(deps);
  const now = deps.clock.now();
  const removed: Removed = { conversations: 0, visitors: 0, webhookDeliveries: 0, mails: 0 };
  if (settings.closedConversationDays !== null)
    await removeClosedConversations(deps, now - settings.closedConversationDays * DAY_MS, removed, {
      batchSize,
      batches,
    });
  if (settings.deliveryLogDays !== null)
    await removeDeliveryLogs(deps, now - settings.deliveryLogDays * DAY_MS, removed, { batchSize, batches });
  if (Object.values(removed).some((n) => n > 0))
    await record(deps, { id: null, name: 'retention' }, 'retention.run', null, removed);
  return removed;
}

type Batches = { batchSize: number; batches: number };

async function removeClosedConversations(deps: PrivacyDeps, cutoff: number, removed: Removed, b: Batches) {
  const { stores } = deps;
  for (let i = 0; i < b.batches; i += 1) {
    const due = await stores.conversations.closedBefore(cutoff, b.batchSize);
    if (due.length === 0) break;
    removed.conversations += await stores.conversations.deleteByIds(due.map((c) => c.id));
    removed.visitors += await stores.visitors.deleteWithoutConversations([
      ...new Set(due.map((c) => c.visitor_id)),
    ]);
  }
}

async function removeDeliveryLogs(deps: PrivacyDeps, cutoff: number, removed: Removed, b: Batches) {
  const { stores } = deps;
  for (let i = 0; i < b.batches; i += 1) {
    const webhooks = await stores.webhooks.deleteFinishedBefore(cutoff, b.batchSize);
    const mails = await stores.mail.deleteFinishedBefore(cutoff, b.batchSize);
    removed.webhookDeliveries += webhooks;
    removed.mails += mails;
    if (webhooks + mails === 0) break;
  }
}
