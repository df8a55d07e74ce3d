// The api-tokens module's front door: other modules and the app wiring import only from here.
export { apiTokenAllows } from './api-token-allows.util';
export { registerApiTokensRoutes } from './api-tokens.routes';
export { createApiTokensService } from './api-tokens.service';
export { createApiTokensStore } from './api-tokens.store';
