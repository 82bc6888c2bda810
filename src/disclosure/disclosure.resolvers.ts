// GraphQL adapter for the disclosure safeguards: each resolver is one call into the same
// service as the REST routes (same policy, validation and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreatePersonalRepresentativeArgs,
  MutationDeletePersonalRepresentativeArgs,
  MutationRejectHeldReplyArgs,
  MutationReleaseHeldReplyArgs,
  MutationRevokeContactVerificationArgs,
  MutationUpdateDisclosureSettingsArgs,
  MutationUpdatePersonalRepresentativeArgs,
  MutationVerifyContactArgs,
  QueryContactVerificationsArgs,
  QueryHeldRepliesArgs,
  QueryHeldReplyArgs,
  QueryPersonalRepresentativeArgs,
  QueryPersonalRepresentativesArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import { AppError } from '../errors.js';
import type { HeldReplyStatus } from '../db/tables/disclosure.js';
import type { TicketsDeps } from '../tickets/tickets.service.js';
import * as settings from './disclosure-settings.service.js';
import * as held from './held-replies.service.js';
import * as reps from './representatives.service.js';
import * as verifications from './verifications.service.js';

const statuses: readonly string[] = ['held', 'released', 'rejected'];
function statusOf(value: string | null | undefined): HeldReplyStatus | undefined {
  if (value == null) return undefined;
  if (!statuses.includes(value))
    throw new AppError('VALIDATION_FAILED', 'status must be held, released or rejected.', [
      { parameter: 'status', detail: 'must be one of the allowed values', allowed: statuses },
    ]);
  return value as HeldReplyStatus;
}

export function disclosureGraphql(deps: TicketsDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      contactVerifications: (_: unknown, a: QueryContactVerificationsArgs, ctx: GraphqlContext) =>
        verifications.listVerifications(deps, actorOf(ctx), a.contactId, pageOf(a)),
      personalRepresentatives: (_: unknown, a: QueryPersonalRepresentativesArgs, ctx: GraphqlContext) =>
        reps.listRepresentatives(deps, actorOf(ctx), { patientContactId: a.patientContactId ?? undefined }, pageOf(a)),
      personalRepresentative: (_: unknown, a: QueryPersonalRepresentativeArgs, ctx: GraphqlContext) =>
        reps.getRepresentative(deps, actorOf(ctx), a.id),
      disclosureSettings: (_: unknown, _a: unknown, ctx: GraphqlContext) =>
        settings.getDisclosureSettings(deps, actorOf(ctx)),
      heldReplies: (_: unknown, a: QueryHeldRepliesArgs, ctx: GraphqlContext) =>
        held.listHeldReplies(deps, actorOf(ctx), { status: statusOf(a.status) }, pageOf(a)),
      heldReply: (_: unknown, a: QueryHeldReplyArgs, ctx: GraphqlContext) =>
        held.getHeldReply(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      verifyContact: (_: unknown, a: MutationVerifyContactArgs, ctx: GraphqlContext) =>
        verifications.verifyContact(deps, actorOf(ctx), a.contactId, { method: a.method }),
      revokeContactVerification: (_: unknown, a: MutationRevokeContactVerificationArgs, ctx: GraphqlContext) =>
        verifications.revokeVerification(deps, actorOf(ctx), a.id),
      createPersonalRepresentative: (_: unknown, a: MutationCreatePersonalRepresentativeArgs, ctx: GraphqlContext) =>
        reps.createRepresentative(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      updatePersonalRepresentative: (_: unknown, a: MutationUpdatePersonalRepresentativeArgs, ctx: GraphqlContext) =>
        reps.updateRepresentative(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
      deletePersonalRepresentative: async (
        _: unknown,
        a: MutationDeletePersonalRepresentativeArgs,
        ctx: GraphqlContext,
      ) => {
        await reps.deleteRepresentative(deps, actorOf(ctx), a.id);
        return true;
      },
      updateDisclosureSettings: (_: unknown, a: MutationUpdateDisclosureSettingsArgs, ctx: GraphqlContext) =>
        settings.putDisclosureSettings(deps, actorOf(ctx), serviceInput(a.input)),
      releaseHeldReply: (_: unknown, a: MutationReleaseHeldReplyArgs, ctx: GraphqlContext) =>
        held.releaseHeldReply(deps, actorOf(ctx), a.id),
      rejectHeldReply: (_: unknown, a: MutationRejectHeldReplyArgs, ctx: GraphqlContext) =>
        held.rejectHeldReply(deps, actorOf(ctx), a.id, a.reason),
    },
  };
  const on = (action: 'read' | 'create' | 'update' | 'delete' | 'revoke' | 'review', subject: string) =>
    ({ action, subject }) as const;
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.contactVerifications': on('read', 'ContactVerification'),
      'Query.personalRepresentatives': on('read', 'PersonalRepresentative'),
      'Query.personalRepresentative': on('read', 'PersonalRepresentative'),
      'Query.disclosureSettings': on('read', 'Tenant'),
      'Query.heldReplies': on('read', 'HeldReply'),
      'Query.heldReply': on('read', 'HeldReply'),
      'Mutation.verifyContact': on('create', 'ContactVerification'),
      'Mutation.revokeContactVerification': on('revoke', 'ContactVerification'),
      'Mutation.createPersonalRepresentative': on('create', 'PersonalRepresentative'),
      'Mutation.updatePersonalRepresentative': on('update', 'PersonalRepresentative'),
      'Mutation.deletePersonalRepresentative': on('delete', 'PersonalRepresentative'),
      'Mutation.updateDisclosureSettings': on('update', 'Tenant'),
      'Mutation.releaseHeldReply': on('review', 'HeldReply'),
      'Mutation.rejectHeldReply': on('review', 'HeldReply'),
    } as GraphqlAdapter['policies'],
  };
}
