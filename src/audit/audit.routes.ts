// REST adapter for the audit trail: queries, NDJSON export and verification under /v1,
// and the checkpoint public key at a well-known, public URL.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, errorResponses } from '../http/schemas.js';
import { auditPublicJwks } from './checkpoint/signing-key.js';
import * as audit from './audit.service.js';
import * as jobs from './verification-jobs.service.js';
import { actorOf } from '../http/actor.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });
export const AuditEventSchema = Type.Object({
  tenantId: Type.String(),
  seq: Type.Integer(),
  id: Type.String(),
  occurredAt: DateTime,
  actor: Type.Object({
    id: Type.String(),
    kind: Type.String(),
    authMethod: Type.String(),
    sessionId: Nullable(Type.String()),
    keyId: Nullable(Type.String()),
  }),
  action: Type.String(),
  resource: Type.Object({ type: Type.String(), id: Type.String() }),
  phiFields: Type.Array(Type.String()),
  subjectContactId: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  clientAddrHash: Nullable(Type.String()),
  userAgentFamily: Nullable(Type.String()),
  purposeOfUse: Nullable(Type.String()),
  breakGlassReason: Nullable(Type.String()),
  outcome: Type.String(),
  reasonCode: Nullable(Type.String()),
  prevHash: Type.String(),
  hash: Type.String(),
});
const Finding = Type.Object({
  damage: Type.String(),
  seq: Type.Optional(Type.Integer()),
  lastSuspectSeq: Type.Optional(Type.Integer()),
  checkpointTreeSize: Type.Optional(Type.Integer()),
  detail: Type.String(),
});
export const VerificationSchema = Type.Object({
  ok: Type.Boolean(),
  tenantId: Type.String(),
  checked: Type.Integer(),
  headSeq: Type.Integer(),
  headHash: Hash,
  checkpointsVerified: Type.Integer(),
  checkpointedSize: Type.Integer(),
  damage: Type.Optional(Type.String()),
  firstBadSeq: Type.Optional(Type.Integer()),
  findings: Type.Array(Finding),
  pending: Type.Object({ count: Type.Integer(), oldestAgeSeconds: Nullable(Type.Number()) }),
  keyIds: Type.Array(Type.String()),
  checkpoints: Type.Integer(),
  checkpointStoreProblem: Nullable(Type.String()),
  retentionYears: Type.Integer(),
  verifiedAt: DateTime,
  startedFrom: Nullable(
    Type.Object({
      seq: Type.Integer(),
      checkpointTreeSize: Type.Integer(),
      verifiedAt: DateTime,
      verifiedBy: Type.String(),
    }),
  ),
  positionProblem: Nullable(Type.String()),
  checkedRange: Nullable(Type.Object({ fromSeq: Type.Integer(), toSeq: Type.Integer() })),
  eventsChecked: Type.Integer(),
  newCheckpointsVerified: Type.Integer(),
  complete: Type.Boolean(),
  uncheckedEvents: Type.Integer(),
});
export const VerificationJobSchema = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
  ]),
  requestedBy: Type.String(),
  totalEvents: Type.Integer(),
  eventsChecked: Type.Integer(),
  eventsPerSecond: Type.Integer(),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  updatedAt: DateTime,
  finishedAt: Nullable(DateTime),
  error: Nullable(Type.String()),
  result: Nullable(VerificationSchema),
});
const JobParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
type JobParams = Static<typeof JobParams>;
const EventsQuery = Type.Object(
  {
    contactId: Type.Optional(Type.String({ format: 'uuid' })),
    actorId: Type.Optional(Text(200)),
    resourceType: Type.Optional(Text(100)),
    resourceId: Type.Optional(Text(200)),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    outcome: Type.Optional(Type.Union([Type.Literal('allowed'), Type.Literal('denied'), Type.Literal('error')])),
    action: Type.Optional(Text(100)),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
type EventsQuery = Static<typeof EventsQuery>;

export function toFilter(q: Omit<EventsQuery, 'order' | 'limit' | 'cursor'>): audit.AuditFilter {
  return {
    contactId: q.contactId,
    actorId: q.actorId,
    resourceType: q.resourceType,
    resourceId: q.resourceId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    outcome: q.outcome,
    action: q.action,
  };
}

export function auditRoutes(deps: audit.AuditServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: EventsQuery }>(
      '/audit/events',
      {
        config: { policy: { action: 'read', subject: 'AuditEvent' } },
        schema: {
          querystring: EventsQuery,
          response: {
            200: Type.Object({ items: Type.Array(AuditEventSchema), nextCursor: Nullable(Type.String()) }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { order, limit, cursor, ...filter } = req.query;
        return audit.searchAuditEvents(deps, actorOf(req), toFilter(filter), { order, limit, cursor });
      },
    );

    app.get(
      '/audit/events/export',
      {
        config: { policy: { action: 'read', subject: 'AuditEvent' } },
        schema: { response: errorResponses },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const lines = await audit.exportAuditTrail(deps, actor);
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="phidesk-audit-${actor.tenantId}.ndjson"`)
          .send(Readable.from(lines));
      },
    );

    const verify = {
      config: { policy: { action: 'verify', subject: 'AuditEvent' } },
      schema: { response: { 200: VerificationSchema, ...errorResponses } },
    } as const;
    app.get('/audit/verify', verify, async (req) => audit.verifyAuditTrail(deps, actorOf(req)));
    app.post('/audit/verify', verify, async (req) => audit.verifyAuditTrail(deps, actorOf(req)));

    // Full re-verification from seq 1 as a background job (verification-jobs.service.ts).
    app.post(
      '/audit/verifications',
      {
        config: { policy: { action: 'verify', subject: 'AuditEvent' } },
        schema: { response: { 200: VerificationJobSchema, 202: VerificationJobSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const { job, created } = await jobs.startVerificationJob(deps, actorOf(req));
        return reply
          .code(created ? 202 : 200)
          .header('location', `/v1/audit/verifications/${job.id}`)
          .send(job);
      },
    );
    app.get<{ Params: JobParams }>(
      '/audit/verifications/:id',
      {
        config: { policy: { action: 'verify', subject: 'AuditEvent' } },
        schema: { params: JobParams, response: { 200: VerificationJobSchema, ...errorResponses } },
      },
      async (req) => jobs.getVerificationJob(deps, actorOf(req), req.params.id),
    );
    // A job still running when the server stops is marked failed, to be started again.
    app.addHook('onClose', async () => jobs.stopVerificationJobs(deps.db));
  };
}

export const AUDIT_KEY_PATH = '/.well-known/phidesk-audit-key';

/** The checkpoint public key(s) as a JWK set: all an offline verifier needs besides the export. */
export function auditKeyRoutes(publicKeys: readonly Uint8Array[]) {
  const body = auditPublicJwks(publicKeys);
  return async (app: FastifyInstance): Promise<void> => {
    app.get(AUDIT_KEY_PATH, { config: { public: true } }, async (_req, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(body),
    );
  };
}
