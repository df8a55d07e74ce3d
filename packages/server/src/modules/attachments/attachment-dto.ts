import type { TAttachmentDto, TAttachmentType } from '@charla/protocol';
import type { UploadRow } from './attachments.store';

/** The DTO of an upload (or a canned file) row: what messages, clients and webhooks carry. */
export function toAttachmentDto(
  row: Pick<UploadRow, 'id' | 'name' | 'content_type' | 'size' | 'kind' | 'width' | 'height'>,
): TAttachmentDto {
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
