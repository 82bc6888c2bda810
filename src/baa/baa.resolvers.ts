// GraphQL adapter for Business Associate Agreements: each resolver is one call into the
// same service as the REST routes (same policy, validation and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreateBusinessAssociateAgreementArgs,
  MutationTerminateBusinessAssociateAgreementArgs,
  MutationUpdateBusinessAssociateAgreementArgs,
  QueryBusinessAssociateAgreementArgs,
  QueryBusinessAssociateAgreementsArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as baa from './baa.service.js';

export function baaGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      businessAssociateAgreements: (_: unknown, a: QueryBusinessAssociateAgreementsArgs, ctx: GraphqlContext) =>
        baa.listAgreements(deps, actorOf(ctx), pageOf(a)),
      businessAssociateAgreement: (_: unknown, a: QueryBusinessAssociateAgreementArgs, ctx: GraphqlContext) =>
        baa.getAgreement(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      createBusinessAssociateAgreement: (
        _: unknown,
        a: MutationCreateBusinessAssociateAgreementArgs,
        ctx: GraphqlContext,
      ) => baa.createAgreement(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      updateBusinessAssociateAgreement: (
        _: unknown,
        a: MutationUpdateBusinessAssociateAgreementArgs,
        ctx: GraphqlContext,
      ) => baa.updateAgreement(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
      terminateBusinessAssociateAgreement: (
        _: unknown,
        a: MutationTerminateBusinessAssociateAgreementArgs,
        ctx: GraphqlContext,
      ) => baa.terminateAgreement(deps, actorOf(ctx), a.id),
    },
  };
  const read = { action: 'read', subject: 'BusinessAssociateAgreement' } as const;
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.businessAssociateAgreements': read,
      'Query.businessAssociateAgreement': read,
      'Mutation.createBusinessAssociateAgreement': { action: 'create', subject: 'BusinessAssociateAgreement' },
      'Mutation.updateBusinessAssociateAgreement': { action: 'update', subject: 'BusinessAssociateAgreement' },
      'Mutation.terminateBusinessAssociateAgreement': { action: 'update', subject: 'BusinessAssociateAgreement' },
    },
  };
}
