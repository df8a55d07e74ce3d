// The visitors module's front door: other modules and the app wiring import only from here.
export { createVisitorsPrivacyStore } from './visitors.privacy.store';
export { createVisitorsService } from './visitors.service';
export { createVisitorsStore } from './visitors.store';
export { createVisitorLinksStore, type VisitorLinksStore } from './visitor-links.store';
export {
  readVisitorContext,
  type ContextInput,
  type IdentityInput,
  type VisitorsService,
} from './visitors.service';
export type { VisitorRow } from './visitors.store';
