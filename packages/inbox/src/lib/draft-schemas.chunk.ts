// The schemas draft-schemas.ts loads lazily: importing them here (and nowhere in the first
// page's code) is what keeps zod in their own chunk.
export { ZConversationPanelFields, ZRichText } from '@charla/protocol';
