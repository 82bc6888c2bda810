// GraphQL adapter for retention and legal holds: each resolver is one call into the same
// services as the REST routes (same policy, validation, sealing and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreateLegalHoldArgs,
  MutationReleaseLegalHoldArgs,
  MutationSetRetentionPolicyArgs,
  QueryLegalHoldArgs,
  QueryLegalHoldsArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import * as holds from './legal-holds.service.js';
import * as policy from './retention-policy.service.js';
import type { RetentionDeps } from './retention.model.js';

export function retentionGraphql(deps: RetentionDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      retentionPolicy: (_: unknown, _a: unknown, ctx: GraphqlContext) => policy.getRetentionPolicy(deps, actorOf(ctx)),
      legalHolds: (_: unknown, a: QueryLegalHoldsArgs, ctx: GraphqlContext) =>
        holds.listHolds(deps, actorOf(ctx), { ...pageOf(a), state: a.state ?? undefined }),
      legalHold: (_: unknown, a: QueryLegalHoldArgs, ctx: GraphqlContext) => holds.getHold(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      // an omitted period is null: kept for ever (REST asks for all four explicitly)
      setRetentionPolicy: (_: unknown, a: MutationSetRetentionPolicyArgs, ctx: GraphqlContext) =>
        policy.putRetentionPolicy(deps, actorOf(ctx), {
          closedTicketDays: a.input.closedTicketDays ?? null,
          commentDays: a.input.commentDays ?? null,
          attachmentDays: a.input.attachmentDays ?? null,
          contactDays: a.input.contactDays ?? null,
        }),
      createLegalHold: (_: unknown, a: MutationCreateLegalHoldArgs, ctx: GraphqlContext) =>
        holds.createHold(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      releaseLegalHold: (_: unknown, a: MutationReleaseLegalHoldArgs, ctx: GraphqlContext) =>
        holds.releaseHold(deps, actorOf(ctx), a.id),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.retentionPolicy': { action: 'read', subject: 'RetentionPolicy' },
      'Query.legalHolds': { action: 'read', subject: 'LegalHold' },
      'Query.legalHold': { action: 'read', subject: 'LegalHold' },
      'Mutation.setRetentionPolicy': { action: 'update', subject: 'RetentionPolicy' },
      'Mutation.createLegalHold': { action: 'create', subject: 'LegalHold' },
      'Mutation.releaseLegalHold': { action: 'update', subject: 'LegalHold' },
    },
  };
}
