import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import { actorOf } from '../http/actor.js';
import * as baa from './baa.service.js';

const Day = Type.String({ format: 'date' });
export const BaaSchema = Type.Object({
  id: Type.String(),
  counterparty: Type.String(),
  scope: Type.String(),
  effectiveOn: Day,
  expiresOn: Nullable(Day),
  documentRef: Nullable(Type.String()),
  terminatedAt: Nullable(DateTime),
  inForce: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const fields = {
  counterparty: Type.String({ minLength: 1, maxLength: 200 }),
  scope: Type.String({ minLength: 1, maxLength: 1000 }),
  effectiveOn: Day,
  expiresOn: Nullable(Day),
  documentRef: Nullable(Type.String({ minLength: 1, maxLength: 500 })),
};
const CreateBaa = Type.Object(
  {
    counterparty: fields.counterparty,
    scope: fields.scope,
    effectiveOn: fields.effectiveOn,
    expiresOn: Type.Optional(fields.expiresOn),
    documentRef: Type.Optional(fields.documentRef),
  },
  { additionalProperties: false },
);
const UpdateBaa = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });

const path = '/business-associate-agreements';

export function baaRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: Static<typeof PageQuery> }>(
      path,
      {
        config: { policy: { action: 'read', subject: 'BusinessAssociateAgreement' } },
        schema: { querystring: PageQuery, response: { 200: PageOf(BaaSchema), ...errorResponses } },
      },
      async (req) => baa.listAgreements(deps, actorOf(req), req.query),
    );

    app.post<{ Body: Static<typeof CreateBaa> }>(
      path,
      {
        config: { policy: { action: 'create', subject: 'BusinessAssociateAgreement' } },
        schema: { body: CreateBaa, response: { 201: BaaSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const created = await baa.createAgreement(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1${path}/${created.id}`).send(created);
      },
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      `${path}/:id`,
      {
        config: { policy: { action: 'read', subject: 'BusinessAssociateAgreement' } },
        schema: { params: IdParams, response: { 200: BaaSchema, ...errorResponses } },
      },
      async (req) => baa.getAgreement(deps, actorOf(req), req.params.id),
    );

    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateBaa> }>(
      `${path}/:id`,
      {
        config: { policy: { action: 'update', subject: 'BusinessAssociateAgreement' } },
        schema: { params: IdParams, body: UpdateBaa, response: { 200: BaaSchema, ...errorResponses } },
      },
      async (req) => baa.updateAgreement(deps, actorOf(req), req.params.id, req.body),
    );

    app.post<{ Params: Static<typeof IdParams> }>(
      `${path}/:id/terminate`,
      {
        config: { policy: { action: 'update', subject: 'BusinessAssociateAgreement' } },
        schema: { params: IdParams, response: { 200: BaaSchema, ...errorResponses } },
      },
      async (req) => baa.terminateAgreement(deps, actorOf(req), req.params.id),
    );
  };
}
