// GraphQL adapter of incidents: open one (from a review finding, or for an actor and
// window), read it, its affected patients and its breach assessment, record the risk
// assessment. Each resolver is one call into the same services as the REST routes (same
// policy, validation, sealing and audit). The HHS log (CSV) and notification letters are
// REST-only (GET /v1/incidents/hhs-log, POST /v1/incidents/{id}/letters).
import type { IResolvers } from 'mercurius';
import { AppError } from '../errors.js';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationOpenIncidentArgs,
  MutationOpenIncidentFromFindingArgs,
  MutationUpdateIncidentArgs,
  QueryIncidentAffectedPatientsArgs,
  QueryIncidentArgs,
  QueryIncidentBreachAssessmentArgs,
  QueryIncidentsArgs,
  UpdateIncidentInput,
} from '../graphql/generated/schema-types.js';
import { pageOf, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import { getBreachAssessment } from './breach-assessment.service.js';
import { updateIncident } from './incident-risk.service.js';
import * as incidents from './incidents.service.js';
import type { RiskInput } from './risk-assessment.js';

const orUndefined = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

/** An absent or null code means "unchanged" (as an omitted REST property); a null note clears it. */
function factor<K extends string>(
  f: ({ note?: string | null } & Partial<Record<K, unknown>>) | null | undefined,
  code: K,
): Record<string, unknown> | undefined {
  if (!f) return undefined;
  return Object.fromEntries(
    Object.entries(f).filter(([k, v]) => v !== undefined && (k === 'note' || (k === code && v !== null))),
  );
}

/** The PATCH body REST takes, from the SDL input: at least one field, as REST's minProperties: 1. */
function changeOf(input: UpdateIncidentInput) {
  const change = {
    status: orUndefined(input.status),
    discoveredAt: orUndefined(input.discoveredAt),
    natureAndExtent: factor(input.natureAndExtent, 'categories'),
    unauthorizedRecipient: factor(input.unauthorizedRecipient, 'kind'),
    acquiredOrViewed: factor(input.acquiredOrViewed, 'status'),
    mitigation: factor(input.mitigation, 'extent'),
    conclusion: orUndefined(input.conclusion),
  };
  if (Object.values(change).every((v) => v === undefined))
    throw new AppError('VALIDATION_FAILED', 'Give at least one field to change.', [
      { pointer: '/input', detail: 'at least one field' },
    ]);
  return change as RiskInput & { status?: 'open' | 'closed'; discoveredAt?: Date };
}

export function incidentsGraphql(deps: incidents.IncidentDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      incidents: (_: unknown, a: QueryIncidentsArgs, ctx: GraphqlContext) =>
        incidents.listIncidents(deps, actorOf(ctx), pageOf(a)),
      incident: (_: unknown, a: QueryIncidentArgs, ctx: GraphqlContext) =>
        incidents.getIncident(deps, actorOf(ctx), a.id),
      incidentAffectedPatients: (_: unknown, a: QueryIncidentAffectedPatientsArgs, ctx: GraphqlContext) =>
        incidents.listAffectedPatients(deps, actorOf(ctx), a.id, pageOf(a)),
      incidentBreachAssessment: async (_: unknown, a: QueryIncidentBreachAssessmentArgs, ctx: GraphqlContext) => {
        const view = await getBreachAssessment(deps, actorOf(ctx), a.id, {
          businessAssociate: orUndefined(a.businessAssociate),
        });
        // REST's map of state -> count, as a list (GraphQL has no map type)
        const residentsByState = Object.entries(view.residentsByState).map(([state, count]) => ({ state, count }));
        return { ...view, residentsByState };
      },
    },
    Mutation: {
      openIncidentFromFinding: (_: unknown, a: MutationOpenIncidentFromFindingArgs, ctx: GraphqlContext) =>
        incidents.openIncidentFromFinding(deps, actorOf(ctx), a.id, { discoveredAt: orUndefined(a.discoveredAt) }),
      openIncident: (_: unknown, a: MutationOpenIncidentArgs, ctx: GraphqlContext) =>
        incidents.openIncident(deps, actorOf(ctx), {
          actorId: orUndefined(a.input.actorId),
          sessionId: orUndefined(a.input.sessionId),
          from: a.input.from,
          to: a.input.to,
          discoveredAt: orUndefined(a.input.discoveredAt),
        }),
      updateIncident: (_: unknown, a: MutationUpdateIncidentArgs, ctx: GraphqlContext) =>
        updateIncident(deps, actorOf(ctx), a.id, changeOf(a.input)),
    },
  };
  const read = { action: 'read', subject: 'Incident' } as const;
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.incidents': read,
      'Query.incident': read,
      'Query.incidentAffectedPatients': read,
      'Query.incidentBreachAssessment': read,
      'Mutation.openIncidentFromFinding': { action: 'create', subject: 'Incident' },
      'Mutation.openIncident': { action: 'create', subject: 'Incident' },
      'Mutation.updateIncident': { action: 'update', subject: 'Incident' },
    },
  };
}
