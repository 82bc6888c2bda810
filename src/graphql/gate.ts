// GraphQL twin of src/http/gate.ts: every Query, Mutation and Subscription field must
// have a declared policy (or be declared public); undeclared fields stop start-up.
import type { IResolvers } from 'mercurius';
import { AppError } from '../errors.js';
import { defineAbilityFor } from '../policy/ability.js';
import { refusalMessage } from '../policy/refusal.js';
import { deniedResourceId, type DenialRecorder, type RoutePolicy } from '../http/gate.js';
import type { GraphqlContext } from './context.js';
import { buildSchema } from 'graphql';
import { subscriptionError } from './subscriptions.js';

/** Every Query/Mutation/Subscription field of the SDL, as 'Type.field'. */
export function rootFieldsOf(sdl: string): string[] {
  const schema = buildSchema(sdl);
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) =>
    t ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : [],
  );
}

export type FieldPolicies = Record<string, RoutePolicy | 'public' | 'authenticated'>;

const rootTypes = ['Query', 'Mutation', 'Subscription'];

/** The policy each root-field resolver installed by gateResolvers was declared with. */
const declaredPolicies = new WeakMap<object, FieldPolicies[string]>();

/**
 * The declared policy of a root field's installed resolver (the `resolve` of a field of
 * the executable schema), or undefined if gateResolvers did not install it. Lets tests
 * walk fields by the same declaration the gate enforces.
 */
export function declaredPolicyOf(resolve: unknown): FieldPolicies[string] | undefined {
  return typeof resolve === 'function' ? declaredPolicies.get(resolve) : undefined;
}

type GatedContext = Pick<GraphqlContext, 'actor' | 'inFlight'>;

/** Keeps a root field's pending work on the context, so the response waits for it (setup.ts). */
function track(ctx: GatedContext, result: unknown): unknown {
  if (result instanceof Promise) ctx.inFlight?.push(result.catch(() => undefined));
  return result;
}

export function gateResolvers(
  resolvers: IResolvers,
  policies: FieldPolicies,
  schemaFields: string[],
  recordDenial?: DenialRecorder,
): IResolvers {
  const missing = schemaFields.filter((f) => !(f in policies));
  if (missing.length > 0) throw new Error(`GraphQL fields without a declared policy: ${missing.join(', ')}`);
  const gated: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(resolvers)) {
    if (!rootTypes.includes(type)) {
      gated[type] = fields as Record<string, unknown>;
      continue;
    }
    gated[type] = {};
    for (const [name, resolver] of Object.entries(fields as Record<string, unknown>)) {
      const policy = policies[`${type}.${name}`];
      if (!policy) throw new Error(`GraphQL field ${type}.${name} has a resolver but no declared policy`);
      if (type === 'Subscription') {
        gated[type][name] = gateSubscription(resolver, policy, recordDenial);
        continue;
      }
      if (policy === 'public' || typeof resolver !== 'function') {
        if (typeof resolver === 'function') declaredPolicies.set(resolver, policy);
        gated[type][name] = resolver;
        continue;
      }
      const fn = resolver as (root: unknown, args: unknown, ctx: GatedContext, info: unknown) => unknown;
      const gatedFn = (root: unknown, args: unknown, ctx: GatedContext, info: unknown) =>
        track(ctx, gatedCall(root, args, ctx, info));
      const gatedCall = (root: unknown, args: unknown, ctx: GatedContext, info: unknown) => {
        if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Authentication is required.');
        if (policy === 'authenticated') return fn(root, args, ctx, info);
        if (!defineAbilityFor(ctx.actor).can(policy.action, policy.subject)) {
          const forbidden = new AppError('FORBIDDEN', refusalMessage(ctx.actor, policy.action, policy.subject));
          if (!recordDenial) throw forbidden;
          return recordDenial(ctx.actor, policy, deniedResourceId(ctx.actor, policy, { args })).then(() => {
            throw forbidden;
          });
        }
        return fn(root, args, ctx, info);
      };
      declaredPolicies.set(gatedFn, policy);
      gated[type][name] = gatedFn;
    }
  }
  return gated as IResolvers;
}

interface SubscriptionResolver {
  subscribe: (root: unknown, args: unknown, ctx: GatedContext, info: unknown) => unknown;
  resolve?: (root: unknown, args: unknown, ctx: GatedContext, info: unknown) => unknown;
}

/**
 * A subscription field is gated when it starts (its `subscribe`), with the same policy and
 * denial record as a query; what each event may show is the field's own filter's concern.
 * Errors carry their code in extensions: mercurius sends them without the errorFormatter.
 */
function gateSubscription(
  resolver: unknown,
  policy: FieldPolicies[string],
  recordDenial: DenialRecorder | undefined,
): SubscriptionResolver {
  const { subscribe, resolve } = resolver as SubscriptionResolver;
  const gatedSubscribe = async (root: unknown, args: unknown, ctx: GatedContext, info: unknown) => {
    try {
      if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Authentication is required.');
      if (
        policy !== 'public' &&
        policy !== 'authenticated' &&
        !defineAbilityFor(ctx.actor).can(policy.action, policy.subject)
      ) {
        if (recordDenial) await recordDenial(ctx.actor, policy, deniedResourceId(ctx.actor, policy, { args }));
        throw new AppError('FORBIDDEN', refusalMessage(ctx.actor, policy.action, policy.subject));
      }
      return await subscribe(root, args, ctx, info);
    } catch (e) {
      throw subscriptionError(e);
    }
  };
  declaredPolicies.set(gatedSubscribe, policy);
  if (resolve) declaredPolicies.set(resolve, policy);
  return { subscribe: gatedSubscribe, ...(resolve ? { resolve } : {}) };
}
