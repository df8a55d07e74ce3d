import type { TAttachmentDto, TAttachmentType } from '@charla/protocol';
import type { UploadRow } from './attachments.store';

/** The DTO of an upload row: what messages, clients and webhooks carry. */
export function toAttachmentDto(row: UploadRow): TAttachmentDto {
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type as TAttachmentType,
    size: Number(row.size),
    kind: row.kind,
    width: row.width,
    height: row.height,
  };
}
