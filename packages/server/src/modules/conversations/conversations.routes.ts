import type { App } from '../../http/app-type';
import type { Services } from '../../services';
import { registerConversationActionRoutes } from './conversation-action.routes';
import { registerConversationNoteRoutes } from './conversation-notes.routes';
import { registerConversationReadRoutes } from './conversation-read.routes';
import { registerWidgetConversationRoutes } from './widget-conversations.routes';

/** REST for users (inbox) and for visitors (widget session, their own conversations). */
export function registerConversationsRoutes(app: App, services: Services): void {
  registerConversationReadRoutes(app, services.conversations);
  registerConversationActionRoutes(app, services.conversations);
  registerConversationNoteRoutes(app, services.conversations);
  registerWidgetConversationRoutes(app, services);
}
