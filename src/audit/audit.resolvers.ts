// GraphQL adapter for the audit trail: the same services, policy and audit as the REST
// routes (src/audit/audit.routes.ts). The NDJSON export stays REST-only: it streams.
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  AuditEventFilter,
  QueryAuditEventsArgs,
  QueryAuditVerificationJobArgs,
} from '../graphql/generated/schema-types.js';
import { pageOf, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import { AppError } from '../errors.js';
import { isUuid } from '../ids.js';
import * as audit from './audit.service.js';
import * as jobs from './verification-jobs.service.js';

type TextField = 'contactId' | 'actorId' | 'resourceType' | 'resourceId' | 'outcome' | 'action';
const outcomes: ReadonlyArray<string> = ['allowed', 'denied', 'error'] satisfies ReadonlyArray<
  audit.AuditFilter['outcome']
>;
const isOutcome = (v: string): v is NonNullable<audit.AuditFilter['outcome']> => outcomes.includes(v);

function toFilter(input: AuditEventFilter | null | undefined): audit.AuditFilter {
  const f = input ?? {};
  const text = (name: TextField, max: number): string | undefined => {
    const value: unknown = f[name] ?? undefined;
    if (value !== undefined && (typeof value !== 'string' || value.length === 0 || value.length > max)) {
      throw new AppError('VALIDATION_FAILED', `filter.${name} is invalid.`, [
        { pointer: `/filter/${name}`, detail: `must be 1 to ${max} characters` },
      ]);
    }
    return value;
  };
  const contactId = text('contactId', 36);
  if (contactId !== undefined && !isUuid(contactId)) {
    throw new AppError('VALIDATION_FAILED', 'filter.contactId is invalid.', [
      { pointer: '/filter/contactId', detail: 'must be a uuid' },
    ]);
  }
  const outcome = text('outcome', 10);
  if (outcome !== undefined && !isOutcome(outcome)) {
    throw new AppError('VALIDATION_FAILED', 'filter.outcome is invalid.', [
      { pointer: '/filter/outcome', detail: 'must be one of the allowed values', allowed: outcomes },
    ]);
  }
  return {
    contactId: contactId?.toLowerCase(),
    actorId: text('actorId', 200),
    resourceType: text('resourceType', 100),
    resourceId: text('resourceId', 200),
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    outcome,
    action: text('action', 100),
  };
}

export function auditGraphql(deps: audit.AuditServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      auditEvents: (_: unknown, a: QueryAuditEventsArgs, ctx: GraphqlContext) =>
        audit.searchAuditEvents(deps, actorOf(ctx), toFilter(a.filter), {
          order: a.order ?? undefined,
          ...pageOf(a),
        }),
      auditVerification: (_: unknown, __: unknown, ctx: GraphqlContext) => audit.verifyAuditTrail(deps, actorOf(ctx)),
      auditVerificationJob: (_: unknown, a: QueryAuditVerificationJobArgs, ctx: GraphqlContext) =>
        jobs.getVerificationJob(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      startAuditVerification: async (_: unknown, __: unknown, ctx: GraphqlContext) =>
        (await jobs.startVerificationJob(deps, actorOf(ctx))).job,
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.auditEvents': { action: 'read', subject: 'AuditEvent' },
      'Query.auditVerification': { action: 'verify', subject: 'AuditEvent' },
      'Query.auditVerificationJob': { action: 'verify', subject: 'AuditEvent' },
      'Mutation.startAuditVerification': { action: 'verify', subject: 'AuditEvent' },
    },
  };
}
