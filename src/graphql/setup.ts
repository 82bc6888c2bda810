// Mercurius at /graphql with the SDL from schema/. The context is built from the request
// after Fastify's auth hook has run, so resolvers get the same Actor as REST handlers.
import type { FastifyInstance } from 'fastify';
import mercurius, { type IResolvers } from 'mercurius';
import { buildSchema, GraphQLError, NoSchemaIntrospectionCustomRule, parse, type ValidationRule } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { isStorableText, unstorableMessage } from '../http/storable-text.js';
import { assertStorable } from '../http/input-hygiene.js';
import { loadSchemaSdl } from './schema.js';
import { formatExecutionErrors, maxReportedErrors } from './errors.js';
import { gateResolvers, rootFieldsOf, type FieldPolicies } from './gate.js';
import type { DenialRecorder } from '../http/gate.js';
import type { GraphqlContext } from './context.js';
import type { Actor } from '../auth/actor.js';
import type { AuditPort } from '../services/audit-port.js';
import { AuditOperation } from '../services/audit-operation.js';
import { addSubscriptionHooks, subscriptionOption, type SubscriptionOptions } from './subscriptions.js';
import { nodeResolver, withRelay } from './relay.js';

/** maxErrors bounds validation (graphql-js stops there) and every error list we send. */
export const graphqlLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 5000,
  maxDirectives: 50,
  maxTokens: 10_000,
  maxErrors: maxReportedErrors,
} as const;

const queryLimitRules = [
  maxDepthRule({ n: graphqlLimits.maxDepth, ignoreIntrospection: true, exposeLimits: true }),
  maxAliasesRule({ n: graphqlLimits.maxAliases, exposeLimits: true }),
  costLimitRule({ maxCost: graphqlLimits.maxCost, ignoreIntrospection: true, exposeLimits: true }),
  maxDirectivesRule({ n: graphqlLimits.maxDirectives, exposeLimits: true }),
] as unknown as ValidationRule[];

/** String literals in the document (arguments, input fields, variable defaults) follow the REST rule. */
const storableStringsRule: ValidationRule = (context) => ({
  StringValue(node) {
    if (!isStorableText(node.value)) {
      context.reportError(
        new GraphQLError(`String values ${unstorableMessage}.`, {
          nodes: node,
          extensions: { code: 'VALIDATION_FAILED' },
        }),
      );
    }
  },
});

export interface GraphqlOptions {
  production: boolean;
  resolvers: IResolvers;
  policies: FieldPolicies;
  recordDenial?: DenialRecorder | undefined;
  /** when given, an operation's reads are audited as one event (src/services/audit-operation.ts) */
  auditPort?: AuditPort | undefined;
  /** when given, subscriptions over a websocket at /graphql (subscriptions.ts) */
  subscriptions?: SubscriptionOptions | undefined;
}

export async function registerGraphql(app: FastifyInstance, opts: GraphqlOptions): Promise<void> {
  const port = opts.auditPort;
  const withOperation = (actor: Actor | undefined): Actor | undefined =>
    actor && port ? { ...actor, auditOperation: new AuditOperation(port) } : actor;
  // The endpoint itself is public at the HTTP layer; each resolver asks the service layer,
  // which demands an actor, so unauthenticated callers reach nothing.
  const sdl = loadSchemaSdl();
  // Query.node needs an actor (the gate) and then reads through the by-id field's own gate.
  const areas = opts.resolvers as Record<string, Record<string, unknown>>;
  let gatedQuery: Record<string, unknown> = {};
  const resolvers = withRelay(
    { ...areas, Query: { ...areas['Query'], node: nodeResolver(() => gatedQuery) } },
    buildSchema(sdl),
  );
  const policies: FieldPolicies = { 'Query.node': 'authenticated', ...opts.policies };
  const gated = gateResolvers(resolvers as IResolvers, policies, rootFieldsOf(sdl), opts.recordDenial);
  gatedQuery = (gated as Record<string, Record<string, unknown>>)['Query'] ?? {};
  // This encapsulated scope holds only mercurius' own routes, so all of them are marked.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await scope.register(mercurius, {
      schema: sdl,
      resolvers: gated,
      path: '/graphql',
      graphiql: !opts.production,
      // A document seen twice is compiled (graphql-jit) and run from then on without
      // graphql-js's per-field interpretation: a frontend's page query repeats all day.
      jit: 2,
      // Query limits (graphql-armor validation rules): depth, aliases, directives and a static
      // cost, so one request cannot fan out into an expensive or PHI-scraping query.
      validationRules: [
        ...queryLimitRules,
        storableStringsRule,
        ...(opts.production ? [NoSchemaIntrospectionCustomRule] : []),
      ],
      graphql: { validateOptions: { maxErrors: graphqlLimits.maxErrors } },
      context: (request): GraphqlContext => ({
        actor: withOperation(request.actor),
        requestId: request.id,
        inFlight: [],
        batches: new Map(),
      }),
      // the context gives the request id, sent in extensions as REST sends it in problem+json
      errorFormatter: (execution, context) => formatExecutionErrors(execution, context),
      subscription: opts.subscriptions ? subscriptionOption(opts.subscriptions) : false,
    });
    // Parsed here first, with a token limit, so that a huge document is refused before any
    // work and a text that is not GraphQL is refused outright: on a syntax error mercurius
    // would try the text as a JSON AST and run whatever nodes it describes (malformed ones
    // crash validation).
    const parseLimited = (source: string) => {
      parse(source, { maxTokens: graphqlLimits.maxTokens, noLocation: true });
    };
    scope.graphql.addHook('preParsing', async (_schema, source) => parseLimited(source));
    if (opts.subscriptions)
      addSubscriptionHooks(scope, {
        rules: [...queryLimitRules, storableStringsRule],
        production: opts.production,
        port,
        parseLimited,
      });
    // Variables, typed or JSON, after coercion and before any resolver (POST bodies were
    // already checked as HTTP input; GET carries them as a JSON string).
    scope.graphql.addHook('preExecution', async (_schema, _document, _context, variables) => {
      assertStorable(variables, '/variables');
    });
    // Every root field's work, audit writes included, is done before the response leaves,
    // even when a sibling's failure let graphql-js answer early (a refused field's denial
    // must be durable like any other).
    // Then the operation's reads are written as one event; if that fails, the error
    // (AUDIT_UNAVAILABLE, 503) is the answer and none of the data leaves.
    scope.graphql.addHook('onResolution', async (_execution, context) => {
      const ctx = context as Partial<GraphqlContext>;
      await Promise.all(ctx.inFlight ?? []);
      if (ctx.actor?.auditOperation) await ctx.actor.auditOperation.write(ctx.actor);
    });
  });
}
