import { randomUUID } from 'node:crypto';
import {
  MAX_PLAYBOOK_DOCUMENT_BYTES,
  playbookTemplates,
  PLAYBOOK_TEMPLATE_IDS,
  validatePlaybook,
  type TCreatePlaybookRequest,
  type TPlaybookDocument,
  type TPlaybookDto,
  type TPlaybookFindingDto,
  type TPlaybookSummaryDto,
  type TPlaybookTemplateDto,
  type TPlaybookValidationDto,
  type TSavePlaybookRequest,
  type TWidgetConfigDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/settings.store';
import { newId } from '../../lib/ids';
import { assertJsonWithinLimits, toJsonColumn } from '../../lib/json';
import { crmOwnerFindings, fixedOwnerIds } from './crm-owner-findings';
import { decideSave } from './decide-save';
import { isEmbedded } from './is-embedded';
import { isLiveChatOfflineOnly } from './live-chat-offline-only';
import {
  parseStoredDocument,
  toInstallDto,
  toPlaybookDto,
  toPlaybookRecord,
  toPlaybookSummaryDto,
  type PlaybookRecord,
} from './playbook-dto';
import type { PlaybookRow, PlaybooksStore } from './playbooks.store';
import { decideWidgetRequest } from './widget-request';

const MAX_NAME_CHARS = 80;

/** What the runtime needs to start a conversation on a playbook: its published snapshot. */
export type PublishedPlaybook = {
  playbookId: string;
  revision: number;
  name: string;
  document: TPlaybookDocument;
};

function byteLength(value: unknown): number {
  assertJsonWithinLimits(value);
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

function errorsOnly(findings: readonly TPlaybookFindingDto[]): TPlaybookFindingDto[] {
  return findings.filter((f) => f.severity === 'error');
}

function invalid(findings: readonly TPlaybookFindingDto[], message?: string): AppError {
  return new AppError('PLAYBOOK_INVALID', { details: errorsOnly(findings), ...(message ? { message } : {}) });
}

function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, MAX_NAME_CHARS - suffix.length)}${suffix}`;
}

/**
 * Playbook management (R2–R8): admins create, save, publish and delete; every user reads; the
 * widget loader fetches the published appearance and thereby records where it is installed;
 * the conversation runtime reads published snapshots.
 */
export function createPlaybooksService(deps: {
  store: PlaybooksStore;
  settings: SettingsStore;
  clock: Clock;
  publicUrl: string;
}) {
  const { store, settings, clock, publicUrl } = deps;

  /** A live (not deleted) playbook, or PLAYBOOK_NOT_FOUND. */
  async function getLive(id: string): Promise<PlaybookRecord> {
    const row = await store.findById(id);
    if (!row || row.deleted_at !== null) throw new AppError('PLAYBOOK_NOT_FOUND');
    return toPlaybookRecord(row);
  }

  async function summaries(records: PlaybookRecord[]): Promise<TPlaybookSummaryDto[]> {
    const installs = await store.listInstalls(records.map((r) => r.id));
    const now = clock.now();
    return records.map((record) =>
      toPlaybookSummaryDto(record, installs.filter((i) => i.playbook_id === record.id).map(toInstallDto), {
        now,
        publicUrl,
      }),
    );
  }

  async function toDto(record: PlaybookRecord): Promise<TPlaybookDto> {
    const [summary] = await summaries([record]);
    if (!summary) throw new Error('unreachable: one record gives one summary');
    return toPlaybookDto(summary, record, validatePlaybook(record.document).findings);
  }

  async function getDto(id: string): Promise<TPlaybookDto> {
    return toDto(await getLive(id));
  }

  async function activationFindings(document: TPlaybookDocument): Promise<TPlaybookFindingDto[]> {
    const structural = validatePlaybook(document).findings;
    const owners = fixedOwnerIds(document);
    return [...structural, ...crmOwnerFindings(document, await store.activeUserIds(owners))];
  }

  async function insertNew(
    input: { name: string; document: TPlaybookDocument; allowedOrigins: string[]; templateId: string | null },
    userId: string | null,
  ): Promise<TPlaybookDto> {
    const now = clock.now();
    const row: PlaybookRow = {
      id: newId(),
      public_id: randomUUID(),
      name: input.name,
      status: 'draft',
      revision: 1,
      published_revision: null,
      document: toJsonColumn(input.document),
      allowed_origins: toJsonColumn(input.allowedOrigins),
      template_id: input.templateId,
      created_at: now,
      updated_at: now,
      created_by: userId,
      updated_by: userId,
      deleted_at: null,
    };
    await store.insert(row);
    return toDto(toPlaybookRecord(row));
  }

  /** The published snapshot of a playbook, or PLAYBOOK_NOT_FOUND. */
  async function getRevision(playbookId: string, revision: number): Promise<TPlaybookDocument> {
    const row = await store.findRevision(playbookId, revision);
    if (!row)
      throw new AppError('PLAYBOOK_NOT_FOUND', {
        message: `Revision ${revision} of the playbook does not exist.`,
      });
    return parseStoredDocument(row.document);
  }

  async function isEmbeddedNow(playbookId: string): Promise<boolean> {
    const installs = await store.listInstalls([playbookId]);
    return isEmbedded(installs.map(toInstallDto), clock.now());
  }

  return {
    getDto,

    /** Every playbook with its installs and embed state (any user). */
    async list(): Promise<TPlaybookSummaryDto[]> {
      return summaries((await store.listLive()).map(toPlaybookRecord));
    },

    /**
     * On a fresh install: one active "Live chat" playbook, so the demo page and the inbox work at
     * once. The setting claim makes sure only one of several starting processes creates it.
     */
    async ensureStarterPlaybook(language: 'en' | 'es', claimant: string): Promise<void> {
      if ((await store.listLive()).length > 0) return;
      if ((await settings.setIfAbsent('starter_playbook', claimant, clock.now())) !== claimant) return;
      const document = playbookTemplates.live_chat.build(language);
      const name = language === 'es' ? 'Chat del sitio web' : 'Website chat';
      const created = await insertNew({ name, document, allowedOrigins: [], templateId: 'live_chat' }, null);
      await this.activate(created.id, null);
    },

    listTemplates(): TPlaybookTemplateDto[] {
      return PLAYBOOK_TEMPLATE_IDS.map((id) => {
        const { name, description } = playbookTemplates[id];
        return { id, name, description };
      });
    },

    /** A new draft from a template, with its visitor-facing texts in `language` (R5). */
    async create(input: TCreatePlaybookRequest, userId: string): Promise<TPlaybookDto> {
      const document = playbookTemplates[input.templateId].build(input.language);
      return insertNew(
        { name: input.name, document, allowedOrigins: [], templateId: input.templateId },
        userId,
      );
    },

    /**
     * Saves the working copy (revision + 1). Refuses an oversize or schema-invalid document, a
     * stale `expectedRevision`, and errors on an active playbook (see decideSave); an active
     * playbook's save also publishes the new revision. Nothing is written when refused.
     */
    async save(id: string, input: TSavePlaybookRequest, userId: string): Promise<TPlaybookDto> {
      const record = await getLive(id);
      if (byteLength(input.document) > MAX_PLAYBOOK_DOCUMENT_BYTES) {
        throw new AppError('PAYLOAD_TOO_LARGE', {
          message: `The playbook document is larger than ${MAX_PLAYBOOK_DOCUMENT_BYTES} bytes.`,
        });
      }
      if (input.expectedRevision !== record.revision)
        throw new AppError('REVISION_CONFLICT', { details: { currentRevision: record.revision } });
      const validation = validatePlaybook(input.document);
      const decision = decideSave(record.status, validation);
      if (!decision.ok || validation.document === undefined) {
        const message =
          validation.document === undefined
            ? undefined
            : 'An active playbook only takes a document without errors; deactivate it to save work in progress.';
        throw invalid(validation.findings, message);
      }
      const now = clock.now();
      const revision = record.revision + 1;
      const document = toJsonColumn(validation.document);
      const saved = await store.transaction(async (tx) => {
        const updated = await tx.updateAtRevision(id, record.revision, {
          revision,
          document,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.allowedOrigins !== undefined
            ? { allowed_origins: toJsonColumn(input.allowedOrigins) }
            : {}),
          ...(decision.publish ? { published_revision: revision } : {}),
          updated_at: now,
          updated_by: userId,
        });
        if (updated && decision.publish)
          await tx.insertRevision({ playbook_id: id, revision, document, created_at: now });
        return updated;
      });
      if (!saved) throw new AppError('REVISION_CONFLICT');
      return getDto(id);
    },

    /** A new draft with the same working copy and allowed origins; installs are not copied. */
    async duplicate(
      id: string,
      input: { name?: string | undefined } | null | undefined,
      userId: string,
    ): Promise<TPlaybookDto> {
      const source = await getLive(id);
      return insertNew(
        {
          name: input?.name ?? copyName(source.name),
          document: source.document,
          allowedOrigins: source.allowedOrigins,
          templateId: source.templateId,
        },
        userId,
      );
    },

    /** Publishes the working copy and starts taking new conversations; refuses documents with errors. */
    async activate(id: string, userId: string | null): Promise<TPlaybookDto> {
      const record = await getLive(id);
      if (record.status === 'active') return toDto(record);
      const findings = await activationFindings(record.document);
      if (errorsOnly(findings).length > 0) throw invalid(findings);
      const now = clock.now();
      const activated = await store.transaction(async (tx) => {
        const updated = await tx.updateAtRevision(id, record.revision, {
          status: 'active',
          published_revision: record.revision,
          updated_at: now,
          updated_by: userId,
        });
        if (updated)
          await tx.insertRevision({
            playbook_id: id,
            revision: record.revision,
            document: toJsonColumn(record.document),
            created_at: now,
          });
        return updated;
      });
      if (!activated) throw new AppError('REVISION_CONFLICT');
      return getDto(id);
    },

    /** Stops new conversations; those in flight finish on their pinned revision. */
    async deactivate(id: string, userId: string): Promise<TPlaybookDto> {
      const record = await getLive(id);
      if (record.status !== 'active') return toDto(record);
      await store.update(id, { status: 'inactive', updated_at: clock.now(), updated_by: userId });
      return getDto(id);
    },

    /**
     * Deletes a playbook. One that is active or that conversations reference is only hidden
     * (kept with its snapshots, so transcripts and in-flight chats stay readable); any other
     * is removed with its snapshots and installs.
     */
    async remove(id: string, userId: string): Promise<void> {
      const record = await getLive(id);
      const keep = record.status === 'active' || (await store.isReferencedByConversations(id));
      if (!keep) return store.deleteById(id);
      const now = clock.now();
      await store.update(id, { status: 'inactive', deleted_at: now, updated_at: now, updated_by: userId });
    },

    /** Dry-run of the validator for the editor. */
    validate(document: unknown): TPlaybookValidationDto {
      const { ok, findings } = validatePlaybook(document);
      return { ok, findings };
    },

    /**
     * The widget loader's config (R8): only for active playbooks, only from allowed origins;
     * records the install when the request comes from a real page.
     */
    async widgetConfig(
      publicId: string,
      request: { origin: string | undefined; pageUrl: string | undefined },
    ): Promise<TWidgetConfigDto> {
      const row = await store.findByPublicId(publicId);
      if (!row || row.deleted_at !== null || row.status !== 'active' || row.published_revision === null)
        throw new AppError('PLAYBOOK_NOT_FOUND');
      const record = toPlaybookRecord(row);
      const decision = decideWidgetRequest({ ...request, publicUrl, allowedOrigins: record.allowedOrigins });
      if (!decision.allowed)
        throw new AppError('ORIGIN_NOT_ALLOWED', {
          message: 'This playbook may not be embedded on this website.',
        });
      if (decision.install)
        await store.upsertInstall(record.id, decision.install.origin, decision.install.lastUrl, clock.now());
      const document = await getRevision(record.id, row.published_revision);
      const embedded = decision.install !== null || (await isEmbeddedNow(record.id));
      return {
        publicId: record.publicId,
        revision: row.published_revision,
        language: document.appearance.language,
        appearance: document.appearance,
        greeting: document.targeting.greeting,
        liveChatOfflineOnly: isLiveChatOfflineOnly(document, embedded),
      };
    },

    // ---- for the conversation runtime ----

    /** A playbook by id, deleted ones included (conversations keep naming them); null when unknown. */
    async findById(id: string): Promise<PlaybookRecord | null> {
      const row = await store.findById(id);
      return row ? toPlaybookRecord(row) : null;
    },

    /** A playbook by its public id (the one in the embed snippet); null when unknown. */
    async findByPublicId(publicId: string): Promise<PlaybookRecord | null> {
      const row = await store.findByPublicId(publicId);
      return row ? toPlaybookRecord(row) : null;
    },

    /** The published snapshot a new conversation pins; null unless the playbook is active. */
    async getPublishedForStart(publicId: string): Promise<PublishedPlaybook | null> {
      const row = await store.findByPublicId(publicId);
      if (!row || row.deleted_at !== null || row.status !== 'active' || row.published_revision === null)
        return null;
      return {
        playbookId: row.id,
        revision: row.published_revision,
        name: row.name,
        document: await getRevision(row.id, row.published_revision),
      };
    },

    getRevision,

    /** R8: the widget loaded this playbook from a real page within the last 7 days. */
    isEmbedded: isEmbeddedNow,
  };
}
export type PlaybooksService = ReturnType<typeof createPlaybooksService>;
