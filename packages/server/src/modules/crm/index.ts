/**
 * The CRM module's front door: other modules and the app wiring import only from here.
 * Sub-domains: persons, organizations, leads, deals, pipelines, activities (with notes) and panel
 * (the side panel beside a conversation, and the bot's CRM intake); `shared` holds what they share.
 */
export { createCrmService, type CrmService } from './crm.service';
export { createCrmStore, type CrmStore } from './shared/crm.store';
export { registerCrmRoutes } from './crm.routes';
export { type CrmPrivacyStore, type CrmSubjectIds, createCrmPrivacyStore } from './privacy/crm-privacy.store';
