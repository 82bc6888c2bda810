// GraphQL adapter of the activity review: the tenant's settings and the findings queue.
// Each resolver is one call into the same services as the REST routes (same policy,
// validation, sealing and audit). Opening an incident from a finding is in
// src/incidents/incidents.resolvers.ts, as its REST route is in src/incidents.
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationAcknowledgeReviewFindingArgs,
  MutationDismissReviewFindingArgs,
  MutationSetReviewSettingsArgs,
  QueryReviewFindingArgs,
  QueryReviewFindingsArgs,
} from '../graphql/generated/schema-types.js';
import { pageOf, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import * as findings from './review-findings.service.js';
import * as settings from './review-settings.service.js';

export function activityReviewGraphql(deps: findings.ReviewDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      reviewSettings: (_: unknown, _a: unknown, ctx: GraphqlContext) => settings.getReviewSettings(deps, actorOf(ctx)),
      reviewFindings: (_: unknown, a: QueryReviewFindingsArgs, ctx: GraphqlContext) =>
        findings.listFindings(deps, actorOf(ctx), {
          ...pageOf(a),
          status: a.status ?? undefined,
          kind: a.kind ?? undefined,
        }),
      reviewFinding: (_: unknown, a: QueryReviewFindingArgs, ctx: GraphqlContext) =>
        findings.getFinding(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      setReviewSettings: (_: unknown, a: MutationSetReviewSettingsArgs, ctx: GraphqlContext) =>
        settings.putReviewSettings(deps, actorOf(ctx), {
          ...a.input,
          relationshipMatch: a.input.relationshipMatch ?? undefined,
        }),
      acknowledgeReviewFinding: (_: unknown, a: MutationAcknowledgeReviewFindingArgs, ctx: GraphqlContext) =>
        findings.acknowledgeFinding(deps, actorOf(ctx), a.id),
      dismissReviewFinding: (_: unknown, a: MutationDismissReviewFindingArgs, ctx: GraphqlContext) =>
        findings.dismissFinding(deps, actorOf(ctx), a.id, { reason: a.reason }),
    },
  };
  const read = { action: 'read', subject: 'ReviewFinding' } as const;
  const update = { action: 'update', subject: 'ReviewFinding' } as const;
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.reviewSettings': read,
      'Query.reviewFindings': read,
      'Query.reviewFinding': read,
      'Mutation.setReviewSettings': update,
      'Mutation.acknowledgeReviewFinding': update,
      'Mutation.dismissReviewFinding': update,
    },
  };
}
