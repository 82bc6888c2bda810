// REST adapter of incidents: open one (from a review finding, or for an actor and window),
// read it and its affected patients, record the risk assessment.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';
import * as incidents from './incidents.service.js';
import { updateIncident } from './incident-risk.service.js';
import { getBreachAssessment } from './breach-assessment.service.js';
import { exportHhsLog } from './hhs-log.service.js';
import { notificationLetters } from './notification-letters.service.js';
import {
  acquisitionStatuses,
  conclusions,
  mitigationExtents,
  phiCategories,
  recipientKinds,
} from './risk-assessment.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Note = Nullable(Type.String({ minLength: 1, maxLength: 4000 }));

const RiskSchema = Type.Object({
  natureAndExtent: Type.Object({ categories: Type.Array(Type.String()), note: Nullable(Type.String()) }),
  unauthorizedRecipient: Type.Object({ kind: Type.String(), note: Nullable(Type.String()) }),
  acquiredOrViewed: Type.Object({ status: Type.String(), note: Nullable(Type.String()) }),
  mitigation: Type.Object({ extent: Type.String(), note: Nullable(Type.String()) }),
  conclusion: Type.String(),
});
export const IncidentSchema = Type.Object({
  id: Type.String(),
  status: literals(['open', 'closed']),
  discoveredAt: DateTime,
  sourceFindingId: Nullable(Type.String()),
  scope: Type.Object({
    actorId: Nullable(Type.String()),
    sessionId: Nullable(Type.String()),
    from: DateTime,
    to: DateTime,
  }),
  affectedCount: Type.Integer(),
  riskAssessment: RiskSchema,
  masked: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const AffectedPatientSchema = Type.Object({
  contactId: Type.String(),
  operations: Type.Array(Type.String()),
  phiFields: Type.Array(Type.String()),
  events: Type.Integer(),
  firstAt: DateTime,
  lastAt: DateTime,
});
const strict = { additionalProperties: false } as const;
const FromFindingBody = Type.Object({ discoveredAt: Type.Optional(DateTime) }, strict);
const OpenBody = Type.Object(
  {
    actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    sessionId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    from: DateTime,
    to: DateTime,
    discoveredAt: Type.Optional(DateTime),
  },
  strict,
);
const UpdateBody = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
    discoveredAt: Type.Optional(DateTime),
    natureAndExtent: Type.Optional(
      Type.Object(
        { categories: Type.Optional(Type.Array(literals(phiCategories), { maxItems: 8 })), note: Type.Optional(Note) },
        strict,
      ),
    ),
    unauthorizedRecipient: Type.Optional(
      Type.Object({ kind: Type.Optional(literals(recipientKinds)), note: Type.Optional(Note) }, strict),
    ),
    acquiredOrViewed: Type.Optional(
      Type.Object({ status: Type.Optional(literals(acquisitionStatuses)), note: Type.Optional(Note) }, strict),
    ),
    mitigation: Type.Optional(
      Type.Object({ extent: Type.Optional(literals(mitigationExtents)), note: Type.Optional(Note) }, strict),
    ),
    conclusion: Type.Optional(literals(conclusions)),
  },
  { ...strict, minProperties: 1 },
);
const DeadlineSchema = Type.Object({
  kind: literals(['individuals', 'hhs_immediate', 'hhs_annual_log', 'media', 'covered_entity']),
  rule: Type.String(),
  dueBy: DateTime,
  states: Nullable(Type.Array(Type.String())),
});
const AssessmentSchema = Type.Object({
  incidentId: Type.String(),
  discoveredAt: DateTime,
  affectedCount: Type.Integer(),
  residentsByState: Type.Record(Type.String(), Type.Integer()),
  stateUnknown: Type.Integer(),
  businessAssociate: Type.Boolean(),
  deadlines: Type.Array(DeadlineSchema),
  safeHarbour: Type.Object({
    applies: Type.Boolean(),
    sealedAtRest: Type.Boolean(),
    unsealedFields: Type.Array(Type.String()),
    keysIntact: Type.Boolean(),
    shownInClear: Type.Boolean(),
    reasons: Type.Array(Type.String()),
  }),
});
const AssessmentQuery = Type.Object({ businessAssociate: Type.Optional(Type.Boolean()) }, strict);
const LogQuery = Type.Object({ year: Type.Integer({ minimum: 2009, maximum: 9999 }) }, strict);
const LettersBody = Type.Object({ template: Type.String({ minLength: 1, maxLength: 20000 }) }, strict);
const LetterSchema = Type.Object({ contactId: Type.String(), letter: Nullable(Type.String()) });
const date = (v: string | undefined) => (v === undefined ? undefined : new Date(v));

export function incidentsRoutes(deps: incidents.IncidentDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof FromFindingBody> }>(
      '/review-findings/:id/incident',
      {
        config: { policy: { action: 'create', subject: 'Incident' } },
        schema: { params: IdParams, body: FromFindingBody, response: { 201: IncidentSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const created = await incidents.openIncidentFromFinding(deps, actorOf(req), req.params.id, {
          discoveredAt: date(req.body.discoveredAt),
        });
        return reply.code(201).header('location', `/v1/incidents/${created.id}`).send(created);
      },
    );
    app.post<{ Body: Static<typeof OpenBody> }>(
      '/incidents',
      {
        config: { policy: { action: 'create', subject: 'Incident' } },
        schema: { body: OpenBody, response: { 201: IncidentSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const created = await incidents.openIncident(deps, actorOf(req), {
          actorId: req.body.actorId,
          sessionId: req.body.sessionId,
          from: new Date(req.body.from),
          to: new Date(req.body.to),
          discoveredAt: date(req.body.discoveredAt),
        });
        return reply.code(201).header('location', `/v1/incidents/${created.id}`).send(created);
      },
    );
    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/incidents',
      {
        config: { policy: { action: 'read', subject: 'Incident' } },
        schema: { querystring: PageQuery, response: { 200: PageOf(IncidentSchema), ...errorResponses } },
      },
      async (req) => incidents.listIncidents(deps, actorOf(req), req.query),
    );
    app.get<{ Querystring: Static<typeof LogQuery> }>(
      '/incidents/hhs-log',
      {
        config: { policy: { action: 'read', subject: 'Incident' } },
        schema: { querystring: LogQuery, response: { 200: Type.String(), ...errorResponses } },
      },
      async (req, reply) => {
        const csv = await exportHhsLog(deps, actorOf(req), req.query.year);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="hhs-breach-log-${req.query.year}.csv"`)
          .send(csv);
      },
    );
    app.post<{
      Params: Static<typeof IdParams>;
      Querystring: Static<typeof PageQuery>;
      Body: Static<typeof LettersBody>;
    }>(
      '/incidents/:id/letters',
      {
        config: { policy: { action: 'read_phi', subject: 'Incident' } },
        schema: {
          params: IdParams,
          querystring: PageQuery,
          body: LettersBody,
          response: { 200: PageOf(LetterSchema), ...errorResponses },
        },
      },
      async (req) => notificationLetters(deps, actorOf(req), req.params.id, req.body, req.query),
    );
    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof AssessmentQuery> }>(
      '/incidents/:id/breach-assessment',
      {
        config: { policy: { action: 'read', subject: 'Incident' } },
        schema: {
          params: IdParams,
          querystring: AssessmentQuery,
          response: { 200: AssessmentSchema, ...errorResponses },
        },
      },
      async (req) => getBreachAssessment(deps, actorOf(req), req.params.id, req.query),
    );
    app.get<{ Params: Static<typeof IdParams> }>(
      '/incidents/:id',
      {
        config: { policy: { action: 'read', subject: 'Incident' } },
        schema: { params: IdParams, response: { 200: IncidentSchema, ...errorResponses } },
      },
      async (req) => incidents.getIncident(deps, actorOf(req), req.params.id),
    );
    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateBody> }>(
      '/incidents/:id',
      {
        config: { policy: { action: 'update', subject: 'Incident' } },
        schema: { params: IdParams, body: UpdateBody, response: { 200: IncidentSchema, ...errorResponses } },
      },
      async (req) => {
        const { discoveredAt, ...rest } = req.body;
        return updateIncident(deps, actorOf(req), req.params.id, {
          ...rest,
          discoveredAt: date(discoveredAt),
        });
      },
    );
    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PageQuery> }>(
      '/incidents/:id/affected-patients',
      {
        config: { policy: { action: 'read', subject: 'Incident' } },
        schema: {
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PageOf(AffectedPatientSchema), ...errorResponses },
        },
      },
      async (req) => incidents.listAffectedPatients(deps, actorOf(req), req.params.id, req.query),
    );
  };
}
