// The notifications module's front door: other modules and the app wiring import only from here.
export { createNotificationsModule } from './notifications.module';
export { registerNotificationsRoutes } from './notifications.routes';
