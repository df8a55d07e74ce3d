// The settings module's front door: other modules and the app wiring import only from here.
export { registerSettingsRoutes } from './settings.routes';
export { type SettingsStore, createSettingsStore } from './settings.store';
export { companyLanguage } from './company-language';
