import {
  validatePlaybook,
  type TValidatePlaybookOptions,
  type TPlaybookDocument,
  type TPlaybookDto,
  type TPlaybookSummaryDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { ConversationLookups } from '../conversations/index';
import type { UsersStore } from '../users/index';
import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/index';
import { readWebhookSettings } from '../webhooks/index';
import { isEmbedded } from './is-embedded';
import {
  parseStoredDocument,
  toInstallDto,
  toPlaybookDto,
  toPlaybookRecord,
  toPlaybookSummaryDto,
  type PlaybookRecord,
} from './playbook-dto';
import type { PlaybooksStore } from './playbooks.store';

export type PlaybooksDeps = {
  store: PlaybooksStore;
  settings: SettingsStore;
  /** Whether conversations still name a playbook (their module owns the table). */
  conversations: Pick<ConversationLookups, 'anyOnPlaybook'>;
  /** Which CRM owners named by a playbook are active users. */
  users: Pick<UsersStore, 'activeIds'>;
  clock: Clock;
  publicUrl: string;
};

/**
 * What the validator needs of the company's settings: HTTP request cards may call private and
 * plain-http targets only when the webhooks' private-targets setting allows it (rule 23).
 */
export async function validationOptions(
  deps: Pick<PlaybooksDeps, 'settings'>,
): Promise<TValidatePlaybookOptions> {
  const { allowPrivateWebhookTargets } = await readWebhookSettings(deps.settings);
  return { allowPrivateHttpTargets: allowPrivateWebhookTargets };
}

/** What the runtime needs to start a conversation on a playbook: its published snapshot. */
export type PublishedPlaybook = {
  playbookId: string;
  revision: number;
  name: string;
  document: TPlaybookDocument;
};

/** A live (not deleted) playbook, or PLAYBOOK_NOT_FOUND. */
export async function getLive({ store }: PlaybooksDeps, id: string): Promise<PlaybookRecord> {
  const row = await store.findById(id);
  if (!row || row.deleted_at !== null) throw new AppError('PLAYBOOK_NOT_FOUND');
  return toPlaybookRecord(row);
}

async function summaries(deps: PlaybooksDeps, records: PlaybookRecord[]): Promise<TPlaybookSummaryDto[]> {
  const installs = await deps.store.listInstalls(records.map((r) => r.id));
  const now = deps.clock.now();
  return records.map((record) =>
    toPlaybookSummaryDto(record, installs.filter((i) => i.playbook_id === record.id).map(toInstallDto), {
      now,
      publicUrl: deps.publicUrl,
    }),
  );
}

/** Every playbook with its installs and embed state (any user). */
export async function listPlaybooks(deps: PlaybooksDeps): Promise<TPlaybookSummaryDto[]> {
  return summaries(deps, (await deps.store.listLive()).map(toPlaybookRecord));
}

export async function toDto(deps: PlaybooksDeps, record: PlaybookRecord): Promise<TPlaybookDto> {
  const [summary] = await summaries(deps, [record]);
  if (!summary) throw new Error('unreachable: one record gives one summary');
  const findings = validatePlaybook(record.document, await validationOptions(deps)).findings;
  return toPlaybookDto(summary, record, findings);
}

export async function getDto(deps: PlaybooksDeps, id: string): Promise<TPlaybookDto> {
  return toDto(deps, await getLive(deps, id));
}

/** The published snapshot of a playbook, or PLAYBOOK_NOT_FOUND. */
export async function getRevision(
  { store }: PlaybooksDeps,
  playbookId: string,
  revision: number,
): Promise<TPlaybookDocument> {
  const row = await store.findRevision(playbookId, revision);
  if (!row)
    throw new AppError('PLAYBOOK_NOT_FOUND', {
      message: `Revision ${revision} of the playbook does not exist.`,
    });
  return parseStoredDocument(row.document);
}

/** R8: the widget loaded this playbook from a real page within the last 7 days. */
export async function isEmbeddedNow(deps: PlaybooksDeps, playbookId: string): Promise<boolean> {
  const installs = await deps.store.listInstalls([playbookId]);
  return isEmbedded(installs.map(toInstallDto), deps.clock.now());
}

// ---- for the conversation runtime ----

/** A playbook by id, deleted ones included (conversations keep naming them); null when unknown. */
export async function findById({ store }: PlaybooksDeps, id: string): Promise<PlaybookRecord | null> {
  const row = await store.findById(id);
  return row ? toPlaybookRecord(row) : null;
}

/** A playbook by its public id (the one in the embed snippet); null when unknown. */
export async function findByPublicId(
  { store }: PlaybooksDeps,
  publicId: string,
): Promise<PlaybookRecord | null> {
  const row = await store.findByPublicId(publicId);
  return row ? toPlaybookRecord(row) : null;
}

/** The published snapshot a new conversation pins; null unless the playbook is active. */
export async function getPublishedForStart(
  deps: PlaybooksDeps,
  publicId: string,
): Promise<PublishedPlaybook | null> {
  const row = await deps.store.findByPublicId(publicId);
  if (!row || row.deleted_at !== null || row.status !== 'active' || row.published_revision === null)
    return null;
  return {
    playbookId: row.id,
    revision: row.published_revision,
    name: row.name,
    document: await getRevision(deps, row.id, row.published_revision),
  };
}
