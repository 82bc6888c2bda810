import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, errorResponses } from '../http/schemas.js';
import * as breakGlass from './break-glass.service.js';
import { actorOf } from '../http/actor.js';

// reason and note are sealed free text: null for callers who may not read them (auditors
// see only that a reason exists and its length).
export const BreakGlassSchema = Type.Object({
  id: Type.String(),
  actorId: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.String(),
  reason: Nullable(Type.String()),
  reasonLength: Type.Integer(),
  openedAt: DateTime,
  expiresAt: DateTime,
  closedAt: Nullable(DateTime),
  active: Type.Boolean(),
  review: Nullable(
    Type.Object({
      reviewedBy: Type.String(),
      reviewedAt: DateTime,
      outcome: Type.String(),
      note: Nullable(Type.String()),
      noteLength: Nullable(Type.Integer()),
    }),
  ),
});
const OpenBreakGlass = Type.Object(
  {
    resourceType: Type.Union([Type.Literal('Contact'), Type.Literal('Ticket')]),
    resourceId: Type.String({ format: 'uuid' }),
    reason: Type.String({ minLength: 10, maxLength: 1000 }),
    durationMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const Review = Type.Object(
  {
    outcome: Type.Union([Type.Literal('justified'), Type.Literal('unjustified')]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export function breakGlassRoutes(deps: breakGlass.BreakGlassDeps & { maxMinutes: number }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: Static<typeof OpenBreakGlass> }>(
      '/break-glass',
      {
        config: { policy: { action: 'open', subject: 'BreakGlass' } },
        schema: { body: OpenBreakGlass, response: { 201: BreakGlassSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const grant = await breakGlass.openBreakGlass(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1/break-glass/${grant.id}`).send(grant);
      },
    );

    app.get<{ Querystring: Static<typeof ListQuery> }>(
      '/break-glass',
      {
        config: { policy: { action: 'read', subject: 'BreakGlass' } },
        schema: { querystring: ListQuery, response: { 200: PageOf(BreakGlassSchema), ...errorResponses } },
      },
      async (req) => breakGlass.listBreakGlass(deps, actorOf(req), { ...req.query, activeOnly: req.query.active }),
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      '/break-glass/:id',
      {
        config: { policy: { action: 'read', subject: 'BreakGlass' } },
        schema: { params: IdParams, response: { 200: BreakGlassSchema, ...errorResponses } },
      },
      async (req) => breakGlass.getBreakGlass(deps, actorOf(req), req.params.id),
    );

    app.post<{ Params: Static<typeof IdParams> }>(
      '/break-glass/:id/close',
      {
        config: { policy: { action: 'revoke', subject: 'BreakGlass' } },
        schema: { params: IdParams, response: { 200: BreakGlassSchema, ...errorResponses } },
      },
      async (req) => breakGlass.closeBreakGlass(deps, actorOf(req), req.params.id),
    );

    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof Review> }>(
      '/break-glass/:id/review',
      {
        config: { policy: { action: 'review', subject: 'BreakGlass' } },
        schema: { params: IdParams, body: Review, response: { 200: BreakGlassSchema, ...errorResponses } },
      },
      async (req) => breakGlass.reviewBreakGlass(deps, actorOf(req), req.params.id, req.body),
    );
  };
}
