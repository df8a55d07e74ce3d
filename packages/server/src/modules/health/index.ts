// The health module's front door: other modules and the app wiring import only from here.
export { registerHealthRoutes } from './health.routes';
export { registerMetricsRoutes } from './metrics.routes';
