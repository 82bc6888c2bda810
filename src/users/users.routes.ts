// REST adapter for users: schema + one service call per route.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import * as users from './users.service.js';
import { actorOf } from '../http/actor.js';

const RoleName = Type.String({ minLength: 1, maxLength: 40 });
export const UserSchema = Type.Object({
  id: Type.String(),
  email: Nullable(Type.String()),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  contactId: Nullable(Type.String()),
  status: Type.String(),
  issuer: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  sessionsRevokedAfter: Nullable(DateTime),
  lastSeenAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const CreateUser = Type.Object(
  {
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    roles: Type.Optional(Type.Array(RoleName, { maxItems: 10 })),
    issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    contactId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
const UpdateUser = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
    roles: Type.Optional(Type.Array(RoleName, { maxItems: 10 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    contactId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export function usersRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/users',
      {
        config: { policy: { action: 'read', subject: 'User' } },
        schema: { querystring: PageQuery, response: { 200: PageOf(UserSchema), ...errorResponses } },
      },
      async (req) => users.listUsers(deps, actorOf(req), req.query),
    );

    app.post<{ Body: Static<typeof CreateUser> }>(
      '/users',
      {
        config: { policy: { action: 'create', subject: 'User' } },
        schema: { body: CreateUser, response: { 201: UserSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const user = await users.createUser(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1/users/${user.id}`).send(user);
      },
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      '/users/:id',
      {
        config: { policy: { action: 'read', subject: 'User' } },
        schema: { params: IdParams, response: { 200: UserSchema, ...errorResponses } },
      },
      async (req) => users.getUser(deps, actorOf(req), req.params.id),
    );

    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateUser> }>(
      '/users/:id',
      {
        config: { policy: { action: 'update', subject: 'User' } },
        schema: { params: IdParams, body: UpdateUser, response: { 200: UserSchema, ...errorResponses } },
      },
      async (req) => users.updateUser(deps, actorOf(req), req.params.id, req.body),
    );

    app.post<{ Params: Static<typeof IdParams> }>(
      '/users/:id/revoke-sessions',
      {
        config: { policy: { action: 'revoke', subject: 'User' } },
        schema: { params: IdParams, response: { 200: UserSchema, ...errorResponses } },
      },
      async (req) => users.revokeUserSessions(deps, actorOf(req), req.params.id),
    );
  };
}
