/** Files sent in live chat (issue 17, owned by modules/attachments). */
export type UploadsTable = {
  /** Random and unguessable; the attachment's id once a message sends it. */
  id: string;
  conversation_id: string;
  uploader_kind: 'visitor' | 'user';
  uploader_id: string;
  /** The stored bytes' SHA-256 (hex): the blob's key. */
  blob_sha256: string;
  name: string;
  content_type: string;
  kind: 'image' | 'file';
  size: number;
  width: number | null;
  height: number | null;
  /** Null while staged; the message that sent it. */
  message_id: string | null;
  created_at: number;
};

/** One row per stored blob; `touched_at` is its last upload (the sweep's grace period counts from it). */
export type AttachmentBlobsTable = { sha256: string; size: number; touched_at: number };

/** Files a canned response carries (migration 0030): they name blobs like uploads do. */
export type CannedResponseFilesTable = {
  id: string;
  canned_response_id: string;
  blob_sha256: string;
  name: string;
  content_type: string;
  kind: 'image' | 'file';
  size: number;
  width: number | null;
  height: number | null;
  /** Its place among the response's files (unique per response; gaps after a removal). */
  position: number;
  created_at: number;
};

export type AttachmentTables = {
  uploads: UploadsTable;
  attachment_blobs: AttachmentBlobsTable;
  canned_response_files: CannedResponseFilesTable;
};
