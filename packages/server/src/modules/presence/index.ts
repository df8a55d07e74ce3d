// The presence module's front door: other modules and the app wiring import only from here.
export { PRESENCE_BEAT_MS, type PresenceService, createPresenceService } from './presence.service';
export { createPresenceStore } from './presence.store';
