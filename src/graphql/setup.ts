// Mercurius at /graphql with the SDL from schema/. The context is built from the request
// after Fastify's auth hook has run, so resolvers get the same Actor as REST handlers.
import type { FastifyInstance } from 'fastify';
import mercurius, { type IResolvers, type MercuriusLoaders } from 'mercurius';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
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
      queryDepth: 8,
      validationRules: opts.production ? [NoSchemaIntrospectionCustomRule] : [],
      context: (request) => ({ actor: request.actor, requestId: request.id }),
      errorFormatter: (execution) => formatExecutionErrors(execution),
    });
  });
}
