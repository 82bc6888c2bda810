// GraphQL adapter for the tenant's PHI detection settings: one call each into the same
// service as the REST routes, which checks the input.
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type { MutationUpdatePhiDetectionSettingsArgs } from '../graphql/generated/schema-types.js';
import type { GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import type { PhiPatternKind } from './patterns.js';
import * as settings from './settings.service.js';

export function phiDetectionSettingsGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      phiDetectionSettings: (_: unknown, _a: unknown, ctx: GraphqlContext) =>
        settings.getPhiDetectionSettings(deps, actorOf(ctx)),
    },
    Mutation: {
      updatePhiDetectionSettings: (_: unknown, a: MutationUpdatePhiDetectionSettingsArgs, ctx: GraphqlContext) =>
        settings.putPhiDetectionSettings(deps, actorOf(ctx), {
          otherPatientAction: a.input.otherPatientAction,
          patternAction: a.input.patternAction,
          patternKinds: a.input.patternKinds as PhiPatternKind[],
          mrnPatterns: a.input.mrnPatterns,
          accountPatterns: a.input.accountPatterns,
        }),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.phiDetectionSettings': { action: 'read', subject: 'Tenant' },
      'Mutation.updatePhiDetectionSettings': { action: 'update', subject: 'Tenant' },
    },
  };
}
