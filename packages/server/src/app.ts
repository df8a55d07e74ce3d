import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { App } from './http/app-type';
import { installErrorHandler } from './http/error-handler';
import { registerInboxStatic } from './http/inbox-static';
import { installErrorResponses } from './http/error-responses';
import { traceRequests } from './http/request-tracing';
import { onClientError, onFrameworkError } from './http/framework-errors';
import { installGuards, type RouteEntry } from './http/guards';
import { registerAuthRoutes } from './modules/auth/index';
import { registerConversationsRoutes } from './modules/conversations/index';
import { registerRealtime, HARD_FRAME_LIMIT } from './realtime/gateway';
import { registerHealthRoutes, registerMetricsRoutes } from './modules/health/index';
import { registerUsersRoutes } from './modules/users/index';
import { registerPlaybooksRoutes, registerWidgetConfigRoutes } from './modules/playbooks/index';
import { registerWidgetRoutes } from './modules/widget/index';
import { registerNotificationsRoutes } from './modules/notifications/index';
import { registerWebhooksRoutes } from './modules/webhooks/index';
import { registerCrmRoutes } from './modules/crm/index';
import { registerSettingsRoutes } from './modules/settings/index';
import { registerApiTokensRoutes } from './modules/api-tokens/index';
import { registerCannedResponsesRoutes } from './modules/canned-responses/index';
import { registerIdentityRoutes } from './modules/identity/index';
import { registerRatingsRoutes } from './modules/ratings/index';
import { registerMetrics } from './modules/metrics';
import { requestIdOf } from './http/request-id';
import { limitWebSocketConnections } from './http/ws-connection-limit';
import { registerReportsRoutes } from './modules/reports/index';
import { registerMailRoutes } from './modules/mail/index';
import { registerTranscriptRoutes, registerFollowUpRoutes, registerDigestRoutes } from './modules/mail/index';
import { registerAccountsRoutes } from './modules/accounts/index';
import { registerSearchRoutes } from './modules/search/index';
import { registerHistoryRoutes } from './modules/person-history/index';
import type { Services } from './services';
import { registerPrivacyRoutes } from './modules/privacy/index';
import { registerAvailabilityRoutes } from './modules/availability/index';
import { registerLabelsRoutes } from './modules/labels/index';
import { registerAttachmentsRoutes, registerCannedFilesRoutes } from './modules/attachments/index';
import { apiTokenAllows } from './modules/api-tokens/index';

/** The packages folder, from src/ (tests) and from dist/ (the built server) alike. */
export const packagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A package's built folder as it is now: `dist` is a symlink swapped to each new build, and this
 * process keeps serving the complete build it started with (null when there is none).
 */
function builtFolder(pkg: string): string | null {
  const dist = join(packagesDir, pkg, 'dist');
  return existsSync(dist) ? realpathSync(dist) : null;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

export type BuiltApp = { app: App; routes: RouteEntry[] };

/** Builds the HTTP + WebSocket application around already-created services. */
export async function buildApp(
  services: Services,
  options: { logger: FastifyBaseLogger; cookieSecret: string },
): Promise<BuiltApp> {
  const { config } = services;
  const app = createFastify(config, options.logger);
  const routes: RouteEntry[] = [];
  const inboxDist = builtFolder('inbox');
  installErrorHandler(app, { spaRoot: inboxDist });
  await app.register(fastifyCookie, { secret: options.cookieSecret });
  await app.register(fastifyWebsocket, { options: { maxPayload: HARD_FRAME_LIMIT } });
  await registerOpenApi(app, config.publicUrl);
  installGuards(app, services, routes);
  installErrorResponses(app);
  traceRequests(app);
  limitWebSocketConnections(app, services.rateLimits.wsConnections);
  registerModuleRoutes(app, services);
  if (inboxDist) await registerInboxStatic(app, inboxDist);
  return { app, routes };
}

function createFastify(config: Services['config'], logger: FastifyBaseLogger) {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
    // Every log line of a request carries its id (reqId), and so does every error body.
    genReqId: requestIdOf,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}

/** The OpenAPI document and its UI at /api/docs. */
async function registerOpenApi(app: App, publicUrl: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Charla REST API',
        version: '1.0.0',
        description: 'Everything the inbox and the widget do. Errors: { error: { code, message, details } }.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'charla_session' },
          visitor: { type: 'apiKey', in: 'header', name: 'Authorization' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (`chk_…`) created by an admin under Settings → API tokens.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
}

/** Every module's routes and the realtime gateway. */
function registerModuleRoutes(app: App, services: Services): void {
  const { config } = services;
  registerHealthRoutes(app, services);
  registerPrivacyRoutes(app, services.privacy);
  registerMetricsRoutes(app, services.database);
  registerMetrics(app, services.metrics, config.metricsToken);
  registerAuthRoutes(app, services);
  registerUsersRoutes(app, services);
  registerConversationsRoutes(app, services);
  const realtime = registerRealtime(app, services);
  app.addHook('preClose', async () => realtime.stop());
  registerPlaybooksRoutes(app, services);
  registerWidgetConfigRoutes(app, services);
  registerWebhooksRoutes(app, services);
  registerNotificationsRoutes(app, services);
  registerCrmRoutes(app, services.crm);
  registerSettingsRoutes(app, services);
  registerIdentityRoutes(app, services.identity, services.identitySettings);
  registerApiTokensRoutes(app, services);
  registerCannedResponsesRoutes(app, services.cannedResponses);
  registerRatingsRoutes(app, services.ratings);
  registerReportsRoutes(app, services.reports);
  registerSearchRoutes(app, services.search);
  registerHistoryRoutes(app, services.history);
  registerWidgetRoutes(app, services, {
    distDir: builtFolder('widget') ?? join(packagesDir, 'widget', 'dist'),
  });
  registerMailRoutes(app, services.mail);
  registerTranscriptRoutes(app, {
    conversations: services.conversations,
    source: services.conversationSource,
    transcripts: services.conversationMail.transcripts,
    limiter: services.conversationMail.transcriptLimiter,
  });
  registerFollowUpRoutes(app, {
    conversationMail: services.conversationMail,
    publicUrl: config.publicUrl,
    replyTo: config.mailReplyTo,
    companyName: services.mail.companyName,
    sessions: services.widgetSessions,
  });
  registerDigestRoutes(app, services.conversationMail.digests);
  registerAccountsRoutes(app, services);
  registerAvailabilityRoutes(app, services.availability);
  registerLabelsRoutes(app, services.labels);
  const fileCallers = {
    authenticateSession: (token: string | undefined) => services.auth.authenticate(token),
    authenticateBearer: async (token: string) => {
      const caller = await services.apiTokens.authenticate(token);
      return caller && apiTokenAllows(caller.scopes, 'user', 'GET') ? caller.user : null;
    },
    uploadLimiter: services.rateLimits.uploads,
  };
  registerAttachmentsRoutes(app, services.attachments, fileCallers);
  registerCannedFilesRoutes(app, services.cannedFiles, fileCallers);
}
