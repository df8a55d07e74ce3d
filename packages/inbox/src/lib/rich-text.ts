// One door to the protocol's rich-text functions.
// TODO(issue 7): import these from '@charla/protocol' once its index exports them.
export { renderHtml } from '../../../protocol/src/rich-text/render-html';
export { parseMarkdown } from '../../../protocol/src/rich-text/parse-markdown';
export { parseMessageText } from '../../../protocol/src/rich-text/message-text';
export { toPlainText } from '../../../protocol/src/rich-text/to-plain-text';
export { toMarkdown } from '../../../protocol/src/rich-text/to-markdown';
export { isRichTextEmpty } from '../../../protocol/src/rich-text/rich-text.util';
export { autolinkDoc } from '../../../protocol/src/rich-text/autolink';
