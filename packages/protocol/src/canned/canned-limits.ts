// The canned-response limits as plain values (zod-free, for the clients); the schemas use them.

export const MAX_CANNED_TITLE = 80;
export const MAX_CANNED_SHORTCUT = 32;
/** Files one canned response carries: one message's worth (MAX_ATTACHMENTS_PER_MESSAGE). */
export const MAX_CANNED_FILES = 10;
