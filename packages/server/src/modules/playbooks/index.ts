// The playbooks module's front door: other modules and the app wiring import only from here.
export { embedSnippet } from './embed-snippet';
export { registerPlaybooksRoutes } from './playbooks.routes';
export { type PlaybooksService, createPlaybooksService } from './playbooks.service';
export { createPlaybooksStore } from './playbooks.store';
export { registerWidgetConfigRoutes } from './widget-config.routes';
