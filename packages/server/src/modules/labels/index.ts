/**
 * Conversation labels (issue 16 item 3): the front door services.ts and app.ts use.
 */
export { createLabelsStore, type LabelsStore } from './labels.store';
export { createLabelsService, labelChipsFrom, labelCheckFrom, type LabelsService } from './labels.service';
export { registerLabelsRoutes } from './labels.routes';
