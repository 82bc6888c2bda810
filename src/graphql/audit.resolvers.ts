// GraphQL adapter for the audit trail: the same services, policy and audit as the REST
// routes (src/audit/audit.routes.ts). The NDJSON export stays REST-only: it streams.
import type { IResolvers } from 'mercurius';
import type { Actor } from '../auth/actor.js';
import * as audit from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { FieldPolicies } from './gate.js';
import { isUuid } from '../ids.js';

type Ctx = { actor: Actor };
type Args = Record<string, any>;


function toFilter(input: Args | null | undefined): audit.AuditFilter {
  const f = input ?? {};
  const text = (name: string, max: number): string | undefined => {
    const value = f[name] ?? undefined;
    if (value !== undefined && (typeof value !== 'string' || value.length === 0 || value.length > max)) {
      throw new AppError('VALIDATION_FAILED', `filter.${name} is invalid.`, [{ path: `/filter/${name}`, message: `1..${max} characters` }]);
    }
    return value;
  };
  const contactId = text('contactId', 36);
  if (contactId !== undefined && !isUuid(contactId)) {
    throw new AppError('VALIDATION_FAILED', 'filter.contactId is invalid.', [{ path: '/filter/contactId', message: 'must be a uuid' }]);
  }
  const outcome = text('outcome', 10);
  if (outcome !== undefined && !['allowed', 'denied', 'error'].includes(outcome)) {
    throw new AppError('VALIDATION_FAILED', 'filter.outcome is invalid.', [{ path: '/filter/outcome', message: 'allowed, denied or error' }]);
  }
  return {
    contactId: contactId?.toLowerCase(), actorId: text('actorId', 200), resourceType: text('resourceType', 100), resourceId: text('resourceId', 200),
    from: f['from'] ?? undefined, to: f['to'] ?? undefined, outcome, action: text('action', 100),
  };
}

export function auditGraphql(deps: audit.AuditServiceDeps): { resolvers: IResolvers; policies: FieldPolicies } {
  const resolvers = {
    Query: {
      auditEvents: (_: unknown, a: Args, ctx: Ctx) =>
        audit.searchAuditEvents(deps, ctx.actor, toFilter(a['filter']), { order: a['order'] ?? undefined, limit: a['limit'] ?? undefined, cursor: a['cursor'] ?? undefined }),
      auditVerification: (_: unknown, __: Args, ctx: Ctx) => audit.verifyAuditTrail(deps, ctx.actor),
    },
  };
  const policies: FieldPolicies = {
    'Query.auditEvents': { action: 'read', subject: 'AuditEvent' },
    'Query.auditVerification': { action: 'verify', subject: 'AuditEvent' },
  };
  return { resolvers: resolvers as unknown as IResolvers, policies };
}
