export { createMetrics, type Metrics, type OutboxStats, type SocketKind } from './metrics';
export { registerMetrics } from './metrics.routes';
