// GraphQL subscriptions on mercurius: the websocket at /graphql, its credential, and what
// each delivered event costs in audit. The same limits and input rules as a query apply to
// a subscription document (mercurius itself validates none of it), and each delivered event
// is one audited operation, written before the event leaves, like a query's response.
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MQEmitter } from 'mqemitter';
import type { ValidationRule, GraphQLSchema, DocumentNode } from 'graphql';
import type { WebSocket } from 'ws';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { toAppError } from '../http/problem.js';
import { AuditOperation } from '../services/audit-operation.js';
import type { AuditPort } from '../services/audit-port.js';
import { LiveConnection, type ConnectionAuthenticator } from '../live/live-connection.js';
import type { GraphqlContext } from './context.js';

// mercurius runs graphql's CommonJS build; its schema only validates with that build
const graphqlCjs = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export interface SubscriptionOptions {
  emitter: MQEmitter;
  authenticate: ConnectionAuthenticator;
  recheckMs: number;
}

/**
 * An error as a subscription sends it: mercurius sends errors raised while a subscription
 * starts as they are (no errorFormatter), so the stable code goes in their extensions here.
 */
export function subscriptionError(error: unknown): Error {
  const appError = toAppError(error);
  const message = appError.code === 'INTERNAL' ? 'An internal error occurred.' : appError.message;
  return new graphqlCjs.GraphQLError(message, {
    extensions: {
      code: appError.code,
      status: appError.status,
      ...(appError.details && appError.code !== 'INTERNAL' ? { errors: appError.details } : {}),
    },
  });
}

/** One subscription's current delivery: its actor (with the operation's audit) and pending work. */
export class SubscriptionDelivery {
  private current: { actor: Actor; inFlight: Array<Promise<unknown>> } | undefined;

  constructor(
    private readonly live: LiveConnection,
    private readonly port: AuditPort | undefined,
  ) {}

  /** Called by a subscription field's resolve, once per event, before its fields resolve. */
  begin(ctx: GraphqlContext): void {
    const actor = this.live.currentActor();
    if (!actor) throw subscriptionError(new AppError('UNAUTHENTICATED', 'The connection is no longer authenticated.'));
    ctx.actor = this.port ? { ...actor, auditOperation: new AuditOperation(this.port) } : actor;
    // a fresh batch per event: a loader must not answer from an earlier event's reads
    ctx.batches = new Map();
    ctx.inFlight = [];
    this.current = { actor: ctx.actor, inFlight: ctx.inFlight };
  }

  /** Before the event leaves: its reads' events, as one, durable (or the connection ends). */
  async finish(): Promise<void> {
    const delivery = this.current;
    this.current = undefined;
    if (!delivery) return;
    await Promise.all(delivery.inFlight);
    await delivery.actor.auditOperation?.write(delivery.actor);
  }
}

/** Subscription-time context: what mercurius adds to GraphqlContext for a subscription. */
interface SubscriptionContext extends GraphqlContext {
  live?: LiveConnection;
  delivery?: SubscriptionDelivery;
}

/** mercurius' `subscription` option. */
export function subscriptionOption(opts: SubscriptionOptions) {
  return {
    emitter: opts.emitter,
    context: (socket: WebSocket, request: FastifyRequest) => ({
      live: new LiveConnection(socket, request, opts.authenticate, opts.recheckMs),
    }),
    // mercurius calls onConnect as a method of its connection, whose context already holds
    // what `context` above returned: that is how the init payload meets its own socket.
    onConnect: async function (this: { context?: SubscriptionContext }, data: { payload: unknown }) {
      const live = this.context?.live;
      if (!live) return false;
      return live.open(data.payload);
    },
    onDisconnect: (context: object) => (context as SubscriptionContext).live?.stop(),
    keepAlive: 30_000,
  };
}

/** Limits, input rules and per-event audit for subscription operations. */
export function addSubscriptionHooks(
  app: FastifyInstance,
  opts: {
    rules: readonly ValidationRule[];
    production: boolean;
    port: AuditPort | undefined;
    parseLimited: (source: string) => void;
  },
): void {
  const { port, parseLimited } = opts;
  const rules = [
    ...graphqlCjs.specifiedRules,
    ...opts.rules,
    ...(opts.production ? [graphqlCjs.NoSchemaIntrospectionCustomRule] : []),
  ];
  app.graphql.addHook('preSubscriptionParsing', async (_schema, source) => {
    parseLimited(source);
  });
  app.graphql.addHook('preSubscriptionExecution', async (schema, document, context) => {
    // graphql-armor's rules may throw rather than report; either way the answer is one error
    let first: { message: string } | undefined;
    try {
      first = graphqlCjs.validate(schema as GraphQLSchema, document as DocumentNode, rules)[0];
    } catch (e) {
      first = { message: e instanceof Error ? e.message : 'The document is not valid.' };
    }
    if (first) throw new graphqlCjs.GraphQLError(first.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const ctx = context as unknown as SubscriptionContext;
    const live = ctx.live;
    if (!live) throw subscriptionError(new AppError('UNAUTHENTICATED', 'Authentication is required.'));
    ctx.actor = live.currentActor();
    ctx.batches = new Map();
    ctx.inFlight = [];
    ctx.delivery = new SubscriptionDelivery(live, port);
  });
  app.graphql.addHook('onSubscriptionResolution', async (_execution, context) => {
    await (context as unknown as SubscriptionContext).delivery?.finish();
  });
}
