// Length limits the playbook schemas and the editor's fields share. Zod-free, so the inbox can
// give its fields the same maxLength without bundling the schemas.

/** The longest playbook name. */
export const MAX_PLAYBOOK_NAME_CHARS = 80;

/** The longest card title (editor-only). */
export const MAX_CARD_TITLE_CHARS = 80;
