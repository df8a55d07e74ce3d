// The protocol functions the frame runs in the browser. Imported by path, not from the package
// index, so the bundle takes only these files (the index would pull in every zod schema).
export { renderHtml } from '../../../../protocol/src/rich-text/render-html';
export { isRichTextEmpty } from '../../../../protocol/src/rich-text/rich-text.util';
export { parseVisitorText } from '../../../../protocol/src/rich-text/message-text';
export { isVisitorVisibleEvent } from '../../../../protocol/src/api/conversation.schema';
export { toPlainText } from '../../../../protocol/src/rich-text/to-plain-text';
export { MAX_FRAME_BYTES, wsCloseCodes } from '../../../../protocol/src/api/realtime-limits';
export { isolateBidi } from '../../../../protocol/src/text/bidi';
export { pseudoDictionary } from '../../../../protocol/src/i18n/pseudo';
export { isRtl, matchLanguage } from '../../../../protocol/src/i18n/languages';
export type { TLanguage } from '../../../../protocol/src/common';
