import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import * as tenants from './tenants.service.js';
import type { IssuerUrlRules } from './tenants.service.js';
import { actorOf } from '../http/actor.js';

export const TenantSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  status: Type.String(),
  requireMfaForPhi: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const UpdateTenant = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    requireMfaForPhi: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
const IssuerSchema = Type.Object({
  id: Type.String(),
  issuer: Type.String(),
  jwksUri: Type.String(),
  audience: Type.String(),
  rolesClaim: Type.String(),
  groupsClaim: Type.String(),
  createdAt: DateTime,
});
const CreateIssuer = Type.Object(
  {
    issuer: Type.String({ minLength: 1, maxLength: 2048 }),
    jwksUri: Type.String({ minLength: 1, maxLength: 2048 }),
    audience: Type.String({ minLength: 1, maxLength: 512 }),
    rolesClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    groupsClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

// No `issuer`: a different issuer string is a different IdP, registered anew.
const UpdateIssuer = Type.Object(
  {
    jwksUri: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    audience: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    rolesClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    groupsClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export function tenantsRoutes(deps: ServiceDeps & IssuerUrlRules) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/tenant',
      {
        config: { policy: { action: 'read', subject: 'Tenant' } },
        schema: { response: { 200: TenantSchema, ...errorResponses } },
      },
      async (req) => tenants.getCurrentTenant(deps, actorOf(req)),
    );

    app.patch<{ Body: Static<typeof UpdateTenant> }>(
      '/tenant',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { body: UpdateTenant, response: { 200: TenantSchema, ...errorResponses } },
      },
      async (req) => tenants.updateCurrentTenant(deps, actorOf(req), req.body),
    );

    app.get(
      '/tenant/issuers',
      {
        config: { policy: { action: 'read', subject: 'Tenant' } },
        schema: { response: { 200: Type.Object({ items: Type.Array(IssuerSchema) }), ...errorResponses } },
      },
      async (req) => ({ items: await tenants.listIssuers(deps, actorOf(req)) }),
    );

    app.post<{ Body: Static<typeof CreateIssuer> }>(
      '/tenant/issuers',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { body: CreateIssuer, response: { 201: IssuerSchema, ...errorResponses } },
      },
      async (req, reply) => reply.code(201).send(await tenants.addIssuer(deps, actorOf(req), req.body)),
    );

    // Last write wins: registrations carry no version to put in an ETag.
    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateIssuer> }>(
      '/tenant/issuers/:id',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { params: IdParams, body: UpdateIssuer, response: { 200: IssuerSchema, ...errorResponses } },
      },
      async (req) => tenants.updateIssuer(deps, actorOf(req), req.params.id, req.body),
    );

    app.delete<{ Params: Static<typeof IdParams> }>(
      '/tenant/issuers/:id',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
      },
      async (req, reply) => {
        await tenants.removeIssuer(deps, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };
}
