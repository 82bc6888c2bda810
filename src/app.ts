// buildApp(deps): registers plugins in order and holds no domain logic.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import pino from 'pino';
import type { IResolvers } from 'mercurius';
import { GraphQLScalarType } from 'graphql';
import type { Config } from './config.js';
import { loggerOptions } from './http/logger.js';
import { frameworkErrorHandler, registerErrorHandling } from './http/problem.js';
import { createRouteIndex, type RouteIndex } from './http/route-index.js';
import { registerSecurity } from './http/security.js';
import { handleClientError } from './http/client-errors.js';
import { rejectUnstorableHeaders, rejectUnstorableInput } from './http/input-hygiene.js';
import { healthRoutes, type ReadinessCheck, type ReadinessDetails } from './http/health.routes.js';
import { docsRoutes } from './http/docs.routes.js';
import { registerAuthentication, type Authenticator } from './http/authenticate.js';
import { registerGraphql } from './graphql/setup.js';
import type { SubscriptionOptions } from './graphql/subscriptions.js';
import type { AuditPort } from './services/audit-port.js';
import { enforceRouteDeclarations, type DenialRecorder } from './http/gate.js';
import { problemSchema } from './http/schemas.js';
import { registerDeprecationNotices } from './http/deprecation.js';
import type { FieldPolicies } from './graphql/gate.js';
import { DateTimeScalar, JSONScalar } from './graphql/scalars.js';

export interface AppDeps {
  config: Config;
  readiness: ReadinessCheck;
  /** non-blocking facts shown with a ready answer (e.g. SIEM streaming lag); counts only, no tenant named */
  readinessDetails?: ReadinessDetails | undefined;
  authenticate: Authenticator;
  /** plugins the authenticator relies on (@fastify/jwt), registered on the root before any route */
  authPlugins?: Array<(app: FastifyInstance) => Promise<void>>;
  /** awaited before a write's response leaves, so this process's authentication cache has seen its changes */
  authChangesSettled?: () => Promise<void>;
  /** REST route plugins for /v1, each one area */
  restAreas?: Array<(app: FastifyInstance) => Promise<void>>;
  resolvers?: IResolvers;
  /** the declared policy of every GraphQL root field (see src/graphql/gate.ts) */
  fieldPolicies?: FieldPolicies;
  /** audits denials by a route's or field's declared policy */
  recordDenial?: DenialRecorder;
  /** the audit trail's capture port: a GraphQL operation writes its reads' events through it as one */
  auditPort?: AuditPort;
  /** GraphQL subscriptions (src/graphql/subscriptions.ts); absent, none are served */
  subscriptions?: SubscriptionOptions | undefined;
  /** where logs go; tests pass a capture stream */
  logStream?: DestinationStream;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeIndex: RouteIndex;
  }
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const logger = pino(loggerOptions(config.logLevel), deps.logStream ?? pino.destination(1));
  const options: FastifyServerOptions = {
    loggerInstance: logger,
    ...(config.tls
      ? { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } }
      : {}),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    // genReqId reads x-request-id itself so that malformed ids are replaced, not trusted.
    requestIdHeader: false,
    // Accept a caller's request id only if it looks like one; otherwise mint our own.
    genReqId: (req) => {
      const offered = req.headers['x-request-id'];
      return typeof offered === 'string' && requestIdPattern.test(offered) ? offered : randomUUID();
    },
    return503OnClosing: true,
    // Requests the HTTP parser refuses (e.g. headers over the size limit: 431) answer problem+json too.
    clientErrorHandler: handleClientError,
    frameworkErrors: frameworkErrorHandler,
    forceCloseConnections: 'idle',
  };
  const app = Fastify(options) as unknown as FastifyInstance;
  app.setValidatorCompiler(compileRequestSchema);
  app.decorate('routeIndex', createRouteIndex(app));

  registerErrorHandling(app, (path) => app.routeIndex.methodsFor(path));
  // PATCH bodies are JSON merge patches (RFC 7396); they parse exactly like JSON.
  app.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  await registerSecurity(app, config);
  // Hook order matters: headers are checked before authentication reads them, the rest
  // after the route policy gate (see src/http/input-hygiene.ts).
  rejectUnstorableHeaders(app);
  for (const plugin of deps.authPlugins ?? []) await plugin(app);
  registerAuthentication(app, deps.authenticate, deps.authChangesSettled);
  enforceRouteDeclarations(app, deps.recordDenial);
  registerDeprecationNotices(app);
  rejectUnstorableInput(app);
  app.addSchema(problemSchema);

  await app.register(healthRoutes, { readiness: deps.readiness, details: deps.readinessDetails });
  await app.register(docsRoutes);
  await app.register(
    async (v1) => {
      for (const area of deps.restAreas ?? []) await v1.register(area);
    },
    { prefix: '/v1' },
  );
  await registerGraphql(app, {
    production: config.isProduction,
    resolvers: mergeResolvers({ DateTime: DateTimeScalar, JSON: JSONScalar } as IResolvers, deps.resolvers ?? {}),
    policies: deps.fieldPolicies ?? {},
    recordDenial: deps.recordDenial,
    auditPort: deps.auditPort,
    subscriptions: deps.subscriptions,
  });
  return app;
}

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

// Query strings, params and headers arrive as text, so their validator coerces scalars
// ("50" -> 50). Bodies are JSON and already typed: coercing them would turn a null into ""
// or 5 into "5" inside anyOf branches, so the body validator never coerces.
// allErrors: a refusal lists every violation (src/http/validation-errors.ts). ajv warns that it
// lets hostile input cost more; bodyLimit bounds the input and the answer lists at most 50.
const textAjv = addFormats(
  new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true, strict: false }),
);
const bodyAjv = addFormats(
  new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: true, strict: false }),
);

function compileRequestSchema({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
}

/** Merges resolver maps type by type, so areas can each add Query and Mutation fields. */
export function mergeResolvers(...maps: IResolvers[]): IResolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] =
        fields instanceof GraphQLScalarType
          ? (fields as unknown as Record<string, unknown>)
          : { ...(merged[type] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  return merged as IResolvers;
}
