import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, Uuid, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import * as groups from './groups.service.js';
import { actorOf } from '../http/actor.js';

export const GroupSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  memberIds: Type.Array(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const CreateGroup = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
const UpdateGroup = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
const MemberParams = Type.Object({ id: Uuid, userId: Uuid });

export function groupsRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/groups',
      {
        config: { policy: { action: 'read', subject: 'Group' } },
        schema: { querystring: PageQuery, response: { 200: PageOf(GroupSchema), ...errorResponses } },
      },
      async (req) => groups.listGroups(deps, actorOf(req), req.query),
    );

    app.post<{ Body: Static<typeof CreateGroup> }>(
      '/groups',
      {
        config: { policy: { action: 'create', subject: 'Group' } },
        schema: { body: CreateGroup, response: { 201: GroupSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const group = await groups.createGroup(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1/groups/${group.id}`).send(group);
      },
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      '/groups/:id',
      {
        config: { policy: { action: 'read', subject: 'Group' } },
        schema: { params: IdParams, response: { 200: GroupSchema, ...errorResponses } },
      },
      async (req) => groups.getGroup(deps, actorOf(req), req.params.id),
    );

    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateGroup> }>(
      '/groups/:id',
      {
        config: { policy: { action: 'update', subject: 'Group' } },
        schema: { params: IdParams, body: UpdateGroup, response: { 200: GroupSchema, ...errorResponses } },
      },
      async (req) => groups.updateGroup(deps, actorOf(req), req.params.id, req.body),
    );

    app.delete<{ Params: Static<typeof IdParams> }>(
      '/groups/:id',
      {
        config: { policy: { action: 'delete', subject: 'Group' } },
        schema: { params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
      },
      async (req, reply) => {
        await groups.deleteGroup(deps, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );

    app.put<{ Params: Static<typeof MemberParams> }>(
      '/groups/:id/members/:userId',
      {
        config: { policy: { action: 'update', subject: 'Group' } },
        schema: { params: MemberParams, response: { 200: GroupSchema, ...errorResponses } },
      },
      async (req) => groups.setMembership(deps, actorOf(req), req.params.id, req.params.userId, true),
    );

    app.delete<{ Params: Static<typeof MemberParams> }>(
      '/groups/:id/members/:userId',
      {
        config: { policy: { action: 'update', subject: 'Group' } },
        schema: { params: MemberParams, response: { 200: GroupSchema, ...errorResponses } },
      },
      async (req) => groups.setMembership(deps, actorOf(req), req.params.id, req.params.userId, false),
    );
  };
}
