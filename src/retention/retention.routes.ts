// REST for retention and legal holds: the tenant's retention periods (one document per
// tenant), and legal holds (create, list, read, release). The purge itself is an operator
// job (phidesk retention purge), not a request.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, Uuid, errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';
import * as holds from './legal-holds.service.js';
import * as policy from './retention-policy.service.js';
import {
  MAX_REASON,
  MAX_RETENTION_DAYS,
  holdKinds,
  holdStates,
  ticketStatuses,
  type RetentionDeps,
} from './retention.model.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Days = Nullable(Type.Integer({ minimum: 1, maximum: MAX_RETENTION_DAYS }));

const PolicyInput = Type.Object(
  { closedTicketDays: Days, commentDays: Days, attachmentDays: Days, contactDays: Days },
  { additionalProperties: false },
);
export const RetentionPolicySchema = Type.Object({
  ...PolicyInput.properties,
  auditEventsPurged: Type.Literal(false),
  updatedAt: Nullable(DateTime),
});

const HoldQuerySchema = Type.Object(
  {
    createdFrom: Type.Optional(Nullable(DateTime)),
    createdTo: Type.Optional(Nullable(DateTime)),
    statuses: Type.Optional(Nullable(Type.Array(literals(ticketStatuses), { minItems: 1, maxItems: 6 }))),
  },
  { additionalProperties: false },
);
const CreateHold = Type.Object(
  {
    kind: literals(holdKinds),
    contactId: Type.Optional(Nullable(Uuid)),
    ticketId: Type.Optional(Nullable(Uuid)),
    query: Type.Optional(Nullable(HoldQuerySchema)),
    reason: Type.String({ minLength: 1, maxLength: MAX_REASON }),
  },
  { additionalProperties: false },
);
export const LegalHoldSchema = Type.Object({
  id: Type.String(),
  kind: literals(holdKinds),
  contactId: Nullable(Type.String()),
  ticketId: Nullable(Type.String()),
  query: Nullable(
    Type.Object({
      createdFrom: Nullable(DateTime),
      createdTo: Nullable(DateTime),
      statuses: Nullable(Type.Array(Type.String())),
    }),
  ),
  reason: Nullable(Type.String()),
  active: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: DateTime,
  releasedAt: Nullable(DateTime),
  releasedBy: Nullable(Type.String()),
});
const HoldListQuery = Type.Object(
  { ...PageQuery.properties, state: Type.Optional(literals(holdStates)) },
  { additionalProperties: false },
);

const holdsPath = '/legal-holds';

export function retentionRoutes(deps: RetentionDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/retention-policy',
      {
        config: { policy: { action: 'read', subject: 'RetentionPolicy' } },
        schema: { response: { 200: RetentionPolicySchema, ...errorResponses } },
      },
      async (req) => policy.getRetentionPolicy(deps, actorOf(req)),
    );

    app.put<{ Body: Static<typeof PolicyInput> }>(
      '/retention-policy',
      {
        config: { policy: { action: 'update', subject: 'RetentionPolicy' } },
        schema: { body: PolicyInput, response: { 200: RetentionPolicySchema, ...errorResponses } },
      },
      async (req) => policy.putRetentionPolicy(deps, actorOf(req), req.body),
    );

    app.get<{ Querystring: Static<typeof HoldListQuery> }>(
      holdsPath,
      {
        config: { policy: { action: 'read', subject: 'LegalHold' } },
        schema: { querystring: HoldListQuery, response: { 200: PageOf(LegalHoldSchema), ...errorResponses } },
      },
      async (req) => holds.listHolds(deps, actorOf(req), req.query),
    );

    app.post<{ Body: Static<typeof CreateHold> }>(
      holdsPath,
      {
        config: { policy: { action: 'create', subject: 'LegalHold' } },
        schema: { body: CreateHold, response: { 201: LegalHoldSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const created = await holds.createHold(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1${holdsPath}/${created.id}`).send(created);
      },
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      `${holdsPath}/:id`,
      {
        config: { policy: { action: 'read', subject: 'LegalHold' } },
        schema: { params: IdParams, response: { 200: LegalHoldSchema, ...errorResponses } },
      },
      async (req) => holds.getHold(deps, actorOf(req), req.params.id),
    );

    app.post<{ Params: Static<typeof IdParams> }>(
      `${holdsPath}/:id/release`,
      {
        config: { policy: { action: 'update', subject: 'LegalHold' } },
        schema: { params: IdParams, response: { 200: LegalHoldSchema, ...errorResponses } },
      },
      async (req) => holds.releaseHold(deps, actorOf(req), req.params.id),
    );
  };
}
