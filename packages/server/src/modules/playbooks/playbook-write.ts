import { randomUUID } from 'node:crypto';
import {
  MAX_PLAYBOOK_DOCUMENT_BYTES,
  playbookTemplates,
  validatePlaybook,
  type TCreatePlaybookRequest,
  type TPlaybookDocument,
  type TPlaybookDto,
  type TPlaybookFindingDto,
  type TSavePlaybookRequest,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { assertJsonWithinLimits, toJsonColumn } from '../../lib/json';
import { crmOwnerFindings, fixedOwnerIds } from './crm-owner-findings';
import { decideSave } from './decide-save';
import { toPlaybookRecord } from './playbook-dto';
import { getDto, getLive, toDto, validationOptions, type PlaybooksDeps } from './playbook-read';
import type { PlaybookRow } from './playbooks.store';

const MAX_NAME_CHARS = 80;

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

async function activationFindings(
  deps: PlaybooksDeps,
  document: TPlaybookDocument,
): Promise<TPlaybookFindingDto[]> {
  const structural = validatePlaybook(document, await validationOptions(deps)).findings;
  const owners = fixedOwnerIds(document);
  return [...structural, ...crmOwnerFindings(document, await deps.users.activeIds(owners))];
}

async function insertNew(
  deps: PlaybooksDeps,
  input: { name: string; document: TPlaybookDocument; allowedOrigins: string[]; templateId: string | null },
  userId: string | null,
): Promise<TPlaybookDto> {
  const now = deps.clock.now();
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
  await deps.store.insert(row);
  return toDto(deps, toPlaybookRecord(row));
}

/** A new draft from a template, with its visitor-facing texts in `language` (R5). */
export async function createPlaybook(
  deps: PlaybooksDeps,
  input: TCreatePlaybookRequest,
  userId: string,
): Promise<TPlaybookDto> {
  const document = playbookTemplates[input.templateId].build(input.language);
  return insertNew(
    deps,
    { name: input.name, document, allowedOrigins: [], templateId: input.templateId },
    userId,
  );
}

/** The validated document to save, or the refusal (oversize, stale revision, errors on an active playbook). */
async function checkSave(
  deps: PlaybooksDeps,
  record: Awaited<ReturnType<typeof getLive>>,
  input: TSavePlaybookRequest,
) {
  if (byteLength(input.document) > MAX_PLAYBOOK_DOCUMENT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {
      message: `The playbook document is larger than ${MAX_PLAYBOOK_DOCUMENT_BYTES} bytes.`,
    });
  }
  if (input.expectedRevision !== record.revision)
    throw new AppError('REVISION_CONFLICT', { details: { currentRevision: record.revision } });
  const validation = validatePlaybook(input.document, await validationOptions(deps));
  const decision = decideSave(record.status, validation);
  if (!decision.ok || validation.document === undefined) {
    const message =
      validation.document === undefined
        ? undefined
        : 'An active playbook only takes a document without errors; deactivate it to save work in progress.';
    throw invalid(validation.findings, message);
  }
  return { document: validation.document, publish: decision.publish };
}

/**
 * Saves the working copy (revision + 1). Refuses an oversize or schema-invalid document, a
 * stale `expectedRevision`, and errors on an active playbook (see decideSave); an active
 * playbook's save also publishes the new revision. Nothing is written when refused.
 */
export async function savePlaybook(
  deps: PlaybooksDeps,
  id: string,
  input: TSavePlaybookRequest,
  userId: string,
): Promise<TPlaybookDto> {
  const record = await getLive(deps, id);
  const checked = await checkSave(deps, record, input);
  const now = deps.clock.now();
  const revision = record.revision + 1;
  const document = toJsonColumn(checked.document);
  const saved = await deps.store.transaction(async (tx) => {
    const updated = await tx.updateAtRevision(id, record.revision, {
      revision,
      document,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.allowedOrigins !== undefined ? { allowed_origins: toJsonColumn(input.allowedOrigins) } : {}),
      ...(checked.publish ? { published_revision: revision } : {}),
      updated_at: now,
      updated_by: userId,
    });
    if (updated && checked.publish)
      await tx.insertRevision({ playbook_id: id, revision, document, created_at: now });
    return updated;
  });
  if (!saved) throw new AppError('REVISION_CONFLICT');
  return getDto(deps, id);
}

/** A new draft with the same working copy and allowed origins; installs are not copied. */
export async function duplicatePlaybook(
  deps: PlaybooksDeps,
  id: string,
  input: { name?: string | undefined } | null | undefined,
  userId: string,
): Promise<TPlaybookDto> {
  const source = await getLive(deps, id);
  return insertNew(
    deps,
    {
      name: input?.name ?? copyName(source.name),
      document: source.document,
      allowedOrigins: source.allowedOrigins,
      templateId: source.templateId,
    },
    userId,
  );
}

/** Publishes the working copy and starts taking new conversations; refuses documents with errors. */
export async function activate(
  deps: PlaybooksDeps,
  id: string,
  userId: string | null,
): Promise<TPlaybookDto> {
  const record = await getLive(deps, id);
  if (record.status === 'active') return toDto(deps, record);
  const findings = await activationFindings(deps, record.document);
  if (errorsOnly(findings).length > 0) throw invalid(findings);
  const now = deps.clock.now();
  const activated = await deps.store.transaction(async (tx) => {
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
  return getDto(deps, id);
}

/** Stops new conversations; those in flight finish on their pinned revision. */
export async function deactivate(deps: PlaybooksDeps, id: string, userId: string): Promise<TPlaybookDto> {
  const record = await getLive(deps, id);
  if (record.status !== 'active') return toDto(deps, record);
  await deps.store.update(id, { status: 'inactive', updated_at: deps.clock.now(), updated_by: userId });
  return getDto(deps, id);
}

/**
 * Deletes a playbook. One that is active or that conversations reference is only hidden
 * (kept with its snapshots, so transcripts and in-flight chats stay readable); any other
 * is removed with its snapshots and installs.
 */
export async function removePlaybook(deps: PlaybooksDeps, id: string, userId: string): Promise<void> {
  const { store, clock } = deps;
  const record = await getLive(deps, id);
  const keep = record.status === 'active' || (await deps.conversations.anyOnPlaybook(id));
  if (!keep) return store.deleteById(id);
  const now = clock.now();
  await store.update(id, { status: 'inactive', deleted_at: now, updated_at: now, updated_by: userId });
}
