// The pure client core shared by the widget and the inbox: what every Charla client does the
// same way (ordered sends, size limits, merging, ids, backoff, heartbeat, folders). No DOM, no React, and
// nothing here validates with zod at run time (the widget bundles it with zod stubbed out).
export * from './send-queue';
export * from './message-limit';
export * from './merge-messages';
export * from './backoff';
export * from './client-ids';
export * from './folders';
export * from './heartbeat';
export * from './upload-tray';
export * from './upload-request';
export * from './link-cache';
