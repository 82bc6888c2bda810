// Mercurius at /graphql with the SDL from schema/. The context is built from the request
// after Fastify's auth hook has run, so resolvers get the same Actor as REST handlers.
import type { FastifyInstance } from 'fastify';
import mercurius, { type IResolvers, type MercuriusLoaders } from 'mercurius';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';

export const graphqlLimits = { maxDepth: 8, maxAliases: 15, maxCost: 5000 } as const;

const queryLimitRules = [
  maxDepthRule({ n: graphqlLimits.maxDepth, ignoreIntrospection: true, exposeLimits: true }),
  maxAliasesRule({ n: graphqlLimits.maxAliases, exposeLimits: true }),
  costLimitRule({ maxCost: graphqlLimits.maxCost, ignoreIntrospection: true, exposeLimits: true }),
] as unknown as ValidationRule[];
import { loadSchemaSdl } from './schema.js';
import { formatExecutionErrors } from './errors.js';
import { gateResolvers, rootFieldsOf, type FieldPolicies } from './gate.js';
import type { DenialRecorder } from '../http/gate.js';

export interface GraphqlOptions {
  production: boolean;
  resolvers: IResolvers;
  loaders: MercuriusLoaders;
  policies: FieldPolicies;
  recordDenial?: DenialRecorder | undefined;
}

export async function registerGraphql(app: FastifyInstance, opts: GraphqlOptions): Promise<void> {
  // The endpoint itself is public at the HTTP layer; each resolver asks the service layer,
  // which demands an actor, so unauthenticated callers only reach `health`.
  const sdl = loadSchemaSdl();
  // This encapsulated scope holds only mercurius' own routes, so all of them are marked.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await scope.register(mercurius, {
      schema: sdl,
      loaders: opts.loaders,
      resolvers: gateResolvers(opts.resolvers, opts.policies, rootFieldsOf(sdl), opts.recordDenial),
      path: '/graphql',
      graphiql: !opts.production,
      // Query limits (graphql-armor validation rules): depth, aliases and a static cost,
      // so one request cannot fan out into an expensive or PHI-scraping query.
      validationRules: [...queryLimitRules, ...(opts.production ? [NoSchemaIntrospectionCustomRule] : [])],
      context: (request) => ({ actor: request.actor, requestId: request.id }),
      errorFormatter: (execution) => formatExecutionErrors(execution),
    });
  });
}
