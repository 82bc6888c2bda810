// REST adapter of the activity review: the tenant's settings and the findings queue.
// Opening an incident from a finding is POST /v1/review-findings/:id/incident (src/incidents).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';
import * as settings from './review-settings.service.js';
import * as findings from './review-findings.service.js';
import * as relationship from './relationship-hashes.service.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Kind = literals(['off_hours', 'volume', 'denied_burst', 'break_glass', 'relationship_match']);
const Status = literals(['open', 'acknowledged', 'dismissed', 'incident_opened']);
const HourMinute = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });

const SettingsFields = {
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  businessStart: HourMinute,
  businessEnd: HourMinute,
  businessDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, uniqueItems: true }),
  offHoursMinRecords: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  volumeMinRecords: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  volumeFactor: Type.Number({ minimum: 1, maximum: 1000 }),
  deniedBurstMin: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
};
const RelationshipMatch = Type.Object(
  { surname: Type.Boolean(), address: Type.Boolean() },
  { additionalProperties: false },
);
const SettingsBody = Type.Object(
  { ...SettingsFields, relationshipMatch: Type.Optional(RelationshipMatch) },
  { additionalProperties: false },
);
export const ReviewSettingsSchema = Type.Object({
  ...SettingsFields,
  relationshipMatch: RelationshipMatch,
  isDefault: Type.Boolean(),
});

export const FindingSchema = Type.Object({
  id: Type.String(),
  kind: Kind,
  actorId: Type.String(),
  actorKind: Type.String(),
  period: Type.String(),
  windowStart: DateTime,
  windowEnd: DateTime,
  records: Type.Integer(),
  baseline: Nullable(Type.Number()),
  status: Status,
  dismissReason: Nullable(Type.String()),
  masked: Type.Boolean(),
  incidentId: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const FindingQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(Status), kind: Type.Optional(Kind) },
  { additionalProperties: false },
);
const DismissBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

const RelationshipHashesBody = Type.Object(
  {
    surname: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    address: Type.Optional(
      Nullable(
        Type.Object(
          {
            line1: Type.String({ minLength: 1, maxLength: 200 }),
            postalCode: Type.String({ minLength: 1, maxLength: 20 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);
export const RelationshipHashesSchema = Type.Object({
  userId: Type.String(),
  surnameSet: Type.Boolean(),
  addressSet: Type.Boolean(),
});

export function activityReviewRoutes(deps: findings.ReviewDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/activity-review/settings',
      {
        config: { policy: { action: 'read', subject: 'ReviewFinding' } },
        schema: { response: { 200: ReviewSettingsSchema, ...errorResponses } },
      },
      async (req) => settings.getReviewSettings(deps, actorOf(req)),
    );
    app.put<{ Body: Static<typeof SettingsBody> }>(
      '/activity-review/settings',
      {
        config: { policy: { action: 'update', subject: 'ReviewFinding' } },
        schema: { body: SettingsBody, response: { 200: ReviewSettingsSchema, ...errorResponses } },
      },
      async (req) => settings.putReviewSettings(deps, actorOf(req), req.body),
    );
    // a staff user's self-declared surname / address for relationship_match, stored as blind indexes only
    app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof RelationshipHashesBody> }>(
      '/users/:id/relationship-hashes',
      {
        config: { policy: { action: 'update', subject: 'User' } },
        schema: {
          params: IdParams,
          body: RelationshipHashesBody,
          response: { 200: RelationshipHashesSchema, ...errorResponses },
        },
      },
      async (req) => relationship.setRelationshipHashes(deps, actorOf(req), req.params.id, req.body),
    );
    app.get<{ Querystring: Static<typeof FindingQuery> }>(
      '/review-findings',
      {
        config: { policy: { action: 'read', subject: 'ReviewFinding' } },
        schema: { querystring: FindingQuery, response: { 200: PageOf(FindingSchema), ...errorResponses } },
      },
      async (req) => findings.listFindings(deps, actorOf(req), req.query),
    );
    app.get<{ Params: Static<typeof IdParams> }>(
      '/review-findings/:id',
      {
        config: { policy: { action: 'read', subject: 'ReviewFinding' } },
        schema: { params: IdParams, response: { 200: FindingSchema, ...errorResponses } },
      },
      async (req) => findings.getFinding(deps, actorOf(req), req.params.id),
    );
    app.post<{ Params: Static<typeof IdParams> }>(
      '/review-findings/:id/acknowledge',
      {
        config: { policy: { action: 'update', subject: 'ReviewFinding' } },
        schema: { params: IdParams, response: { 200: FindingSchema, ...errorResponses } },
      },
      async (req) => findings.acknowledgeFinding(deps, actorOf(req), req.params.id),
    );
    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof DismissBody> }>(
      '/review-findings/:id/dismiss',
      {
        config: { policy: { action: 'update', subject: 'ReviewFinding' } },
        schema: { params: IdParams, body: DismissBody, response: { 200: FindingSchema, ...errorResponses } },
      },
      async (req) => findings.dismissFinding(deps, actorOf(req), req.params.id, req.body),
    );
  };
}
