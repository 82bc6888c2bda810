// GraphQL adapter for patient rights: each resolver is one call into the same services as
// the REST routes (same policy, validation and audit). The bundle itself is downloaded
// over REST only, through the single-use link fulfilAccessRequest hands back.
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationDenyAccessRequestArgs,
  MutationExtendAccessRequestArgs,
  MutationExtendAccountingRequestArgs,
  MutationFulfilAccessRequestArgs,
  MutationFulfilAccountingRequestArgs,
  MutationOpenAccessRequestArgs,
  MutationOpenAccountingRequestArgs,
  MutationRecordDisclosureArgs,
  QueryAccessRequestArgs,
  QueryAccessRequestsArgs,
  QueryAccountingReportArgs,
  QueryAccountingRequestArgs,
  QueryAccountingRequestsArgs,
  QueryDisclosuresArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import * as access from './access-requests.service.js';
import * as fulfilment from './access-fulfilment.service.js';
import * as disclosures from './disclosures.service.js';
import * as accounting from './accounting-requests.service.js';
import type { PatientRightsDeps } from './patient-rights.model.js';

type Ctx = GraphqlContext;
const filterOf = (a: { timing?: string | null; contactId?: string | null }) => ({
  timing: a.timing ?? undefined,
  contactId: a.contactId ?? undefined,
});

export function patientRightsGraphql(deps: PatientRightsDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      accessRequests: (_: unknown, a: QueryAccessRequestsArgs, ctx: Ctx) =>
        access.listAccessRequests(deps, actorOf(ctx), { ...pageOf(a), ...filterOf(a) }),
      accessRequest: (_: unknown, a: QueryAccessRequestArgs, ctx: Ctx) =>
        access.getAccessRequest(deps, actorOf(ctx), a.id),
      disclosures: (_: unknown, a: QueryDisclosuresArgs, ctx: Ctx) =>
        disclosures.listDisclosures(deps, actorOf(ctx), a.contactId, pageOf(a)),
      accountingRequests: (_: unknown, a: QueryAccountingRequestsArgs, ctx: Ctx) =>
        accounting.listAccountingRequests(deps, actorOf(ctx), { ...pageOf(a), ...filterOf(a) }),
      accountingRequest: (_: unknown, a: QueryAccountingRequestArgs, ctx: Ctx) =>
        accounting.getAccountingRequest(deps, actorOf(ctx), a.id),
      accountingReport: (_: unknown, a: QueryAccountingReportArgs, ctx: Ctx) =>
        accounting.accountingReport(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      openAccessRequest: (_: unknown, a: MutationOpenAccessRequestArgs, ctx: Ctx) =>
        access.openAccessRequest(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      extendAccessRequest: (_: unknown, a: MutationExtendAccessRequestArgs, ctx: Ctx) =>
        access.extendAccessRequest(deps, actorOf(ctx), a.id, { reason: a.reason }),
      denyAccessRequest: (_: unknown, a: MutationDenyAccessRequestArgs, ctx: Ctx) =>
        access.denyAccessRequest(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
      fulfilAccessRequest: (_: unknown, a: MutationFulfilAccessRequestArgs, ctx: Ctx) =>
        fulfilment.fulfilAccessRequest(deps, actorOf(ctx), a.id),
      recordDisclosure: (_: unknown, a: MutationRecordDisclosureArgs, ctx: Ctx) =>
        disclosures.recordDisclosure(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      openAccountingRequest: (_: unknown, a: MutationOpenAccountingRequestArgs, ctx: Ctx) =>
        accounting.openAccountingRequest(deps, actorOf(ctx), { contactId: a.contactId }),
      extendAccountingRequest: (_: unknown, a: MutationExtendAccountingRequestArgs, ctx: Ctx) =>
        accounting.extendAccountingRequest(deps, actorOf(ctx), a.id, { reason: a.reason }),
      fulfilAccountingRequest: (_: unknown, a: MutationFulfilAccountingRequestArgs, ctx: Ctx) =>
        accounting.fulfilAccountingRequest(deps, actorOf(ctx), a.id),
    },
  };
  const on = (action: 'read' | 'create' | 'update', subject: 'AccessRequest' | 'AccountingRequest' | 'Disclosure') =>
    ({ action, subject }) as const;
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.accessRequests': on('read', 'AccessRequest'),
      'Query.accessRequest': on('read', 'AccessRequest'),
      'Query.disclosures': on('read', 'Disclosure'),
      'Query.accountingRequests': on('read', 'AccountingRequest'),
      'Query.accountingRequest': on('read', 'AccountingRequest'),
      'Query.accountingReport': on('read', 'AccountingRequest'),
      'Mutation.openAccessRequest': on('create', 'AccessRequest'),
      'Mutation.extendAccessRequest': on('update', 'AccessRequest'),
      'Mutation.denyAccessRequest': on('update', 'AccessRequest'),
      'Mutation.fulfilAccessRequest': on('update', 'AccessRequest'),
      'Mutation.recordDisclosure': on('create', 'Disclosure'),
      'Mutation.openAccountingRequest': on('create', 'AccountingRequest'),
      'Mutation.extendAccountingRequest': on('update', 'AccountingRequest'),
      'Mutation.fulfilAccountingRequest': on('update', 'AccountingRequest'),
    },
  };
}
