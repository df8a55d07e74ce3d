import type {
  TPlaybookDocument,
  TPlaybookDto,
  TPlaybookFindingDto,
  TPlaybookInstallDto,
  TPlaybookSummaryDto,
} from '@charla/protocol';
import { fromJsonColumn } from '../../lib/json';
import { embedSnippet } from './embed-snippet';
import { isEmbedded } from './is-embedded';
import { hasLiveChatCard } from './live-chat-offline-only';
import type { PlaybookInstallRow, PlaybookRow } from './playbooks.store';

/** A playbook row with its JSON columns parsed. Documents in rows passed the schema when saved. */
export type PlaybookRecord = {
  id: string;
  publicId: string;
  name: string;
  status: PlaybookRow['status'];
  revision: number;
  publishedRevision: number | null;
  document: TPlaybookDocument;
  allowedOrigins: string[];
  templateId: string | null;
  createdAt: number;
  updatedAt: number;
  createdBy: string | null;
  updatedBy: string | null;
  deletedAt: number | null;
};

/** A stored document (working copy or snapshot); every stored one passed the schema. */
export function parseStoredDocument(text: string): TPlaybookDocument {
  const document = fromJsonColumn<TPlaybookDocument | null>(text, null);
  if (document === null) throw new Error('A stored playbook document is empty');
  return document;
}

export function toPlaybookRecord(row: PlaybookRow): PlaybookRecord {
  return {
    id: row.id,
    publicId: row.public_id,
    name: row.name,
    status: row.status,
    revision: row.revision,
    publishedRevision: row.published_revision,
    document: parseStoredDocument(row.document),
    allowedOrigins: fromJsonColumn<string[]>(row.allowed_origins, []),
    templateId: row.template_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at,
  };
}

export function toInstallDto(row: PlaybookInstallRow): TPlaybookInstallDto {
  return {
    origin: row.origin,
    lastUrl: row.last_url,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** The list entry: status, revisions, where it is installed, and the embed snippet (R8). */
export function toPlaybookSummaryDto(
  record: PlaybookRecord,
  installs: TPlaybookInstallDto[],
  context: { now: number; publicUrl: string },
): TPlaybookSummaryDto {
  const embedded = isEmbedded(installs, context.now);
  const hasLiveChat = hasLiveChatCard(record.document);
  return {
    id: record.id,
    publicId: record.publicId,
    name: record.name,
    status: record.status,
    revision: record.revision,
    publishedRevision: record.publishedRevision,
    templateId: record.templateId,
    language: record.document.appearance.language,
    allowedOrigins: record.allowedOrigins,
    installs,
    embedded,
    hasLiveChat,
    liveChatOfflineOnly: hasLiveChat && !embedded,
    embedSnippet: embedSnippet(context.publicUrl, record.publicId),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The editor's view: the summary plus the working copy and its findings. */
export function toPlaybookDto(
  summary: TPlaybookSummaryDto,
  record: PlaybookRecord,
  findings: TPlaybookFindingDto[],
): TPlaybookDto {
  return {
    ...summary,
    document: record.document,
    findings,
    createdBy: record.createdBy,
    updatedBy: record.updatedBy,
  };
}
