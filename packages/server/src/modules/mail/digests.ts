import {
  withPseudoLocales,
  escapeHtml,
  type TConversationDto,
  type TEmailNotificationsDto,
  type TLanguage,
  type TDigestEvent,
} from '@charla/protocol';
import type { Clock } from '../../lib/clock';
import type { DomainEventMap } from '../../lib/domain-events';
import type { ConversationViews, ConversationsStore } from '../conversations/index';
import type { SettingsStore } from '../settings/index';
import type { UsersStore } from '../users/index';
import type { DigestStore } from './digest.store';
import type { MailService } from './mail.service';
import type { MailBlock } from './render-mail';

/** How long a missed notification waits for more before the digest goes (one mail, not one per chat). */
export const DIGEST_DELAY_MS = 10 * 60_000;
const LEASE_MS = 120_000;
const MAX_ITEMS = 20;
const prefsKey = (userId: string) => `mail.digest.${userId}`;
type DigestChoices = { events?: TDigestEvent[] };

const FOLDER_LABEL: Record<TLanguage, { unassigned: string; mine: string }> = withPseudoLocales({
  en: { unassigned: 'Unassigned', mine: 'Assigned to you' },
  es: { unassigned: 'Sin asignar', mine: 'Asignada a ti' },
  'pt-BR': { unassigned: 'Sem responsável', mine: 'Atribuída a você' },
  fr: { unassigned: 'Non attribuées', mine: 'Attribuée à vous' },
  de: { unassigned: 'Nicht zugewiesen', mine: 'Dir zugewiesen' },
});

export type DigestsDeps = {
  mail: MailService;
  store: DigestStore;
  settings: SettingsStore;
  users: Pick<UsersStore, 'findById'>;
  conversations: Pick<ConversationsStore, 'listFolder'>;
  views: Pick<ConversationViews, 'conversations'>;
  clock: Clock;
  publicUrl: string;
};

/** The chats that wait on this user: Unassigned ones, and theirs with something they have not read. */
export function unanswered(unassigned: TConversationDto[], mine: TConversationDto[]): TConversationDto[] {
  return [
    ...unassigned.filter((c) => c.status === 'waiting'),
    ...mine.filter((c) => c.userReadSeq < c.lastSeq),
  ];
}

/**
 * Email notifications (issue 20, R24): per user and event, opt-in. When a notification reached no
 * device by Web Push, a digest is scheduled; when it comes due it lists what still waits on the
 * user (nothing → no mail), so a burst of events is one mail.
 */
export function createDigests(deps: DigestsDeps) {
  const { store, clock } = deps;

  async function events(userId: string): Promise<TDigestEvent[]> {
    return (await deps.settings.get<DigestChoices>(prefsKey(userId), {})).events ?? [];
  }

  async function send(userId: string): Promise<void> {
    const user = await deps.users.findById(userId);
    if (!user || user.active !== 1) return;
    const page = (folder: 'unassigned' | 'mine') =>
      deps.conversations
        .listFolder({ folder, viewerId: userId, limit: MAX_ITEMS })
        .then((rows) => deps.views.conversations(rows, userId));
    const waiting = unanswered(await page('unassigned'), await page('mine')).slice(0, MAX_ITEMS);
    if (waiting.length === 0) return;
    const labels = FOLDER_LABEL[user.language];
    const blocks: MailBlock[] = waiting.map((c) => ({
      title: c.visitor.displayName,
      meta: c.status === 'waiting' ? labels.unassigned : labels.mine,
      html: `<p>${escapeHtml(c.lastMessagePreview)}</p>`,
      text: c.lastMessagePreview,
    }));
    await deps.mail.enqueue('digest', {
      to: user.email,
      language: user.language,
      params: { name: user.name, count: waiting.length, blocks, url: `${deps.publicUrl}/inbox` },
    });
  }

  return {
    async read(userId: string): Promise<TEmailNotificationsDto> {
      return { events: await events(userId), mailConfigured: deps.mail.configured };
    },
    async save(userId: string, next: TDigestEvent[]): Promise<TEmailNotificationsDto> {
      await deps.settings.set(prefsKey(userId), { events: [...new Set(next)] }, clock.now());
      return { events: await events(userId), mailConfigured: deps.mail.configured };
    },

    /** The listener's half: recipients whose devices took no push and who opted in for this event. */
    async onDelivered(payload: DomainEventMap['notification.delivered']): Promise<void> {
      const pushed = new Set(payload.pushed);
      const now = clock.now();
      for (const userId of payload.recipients) {
        if (pushed.has(userId)) continue;
        // Read for every notification, so from memory when recent (a change made here shows at once).
        const chosen = (await deps.settings.recent<DigestChoices>(prefsKey(userId), {})).events ?? [];
        if (chosen.includes(payload.kind as TDigestEvent))
          await store.schedule(userId, now + DIGEST_DELAY_MS, now);
      }
    },

    /** The background job (every process; a lease keeps one digest to one sender). */
    async sweepDue(at = clock.now()): Promise<number> {
      const rows = await store.claimDue(at, at + LEASE_MS, 20);
      for (const row of rows) {
        await send(row.user_id);
        await store.finish(row.user_id, row.claimed_until ?? 0);
      }
      return rows.length;
    },
  };
}
export type Digests = ReturnType<typeof createDigests>;
