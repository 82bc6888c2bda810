// REST adapter for the tenant's minimum-necessary lists: GET and PUT /v1/minimum-necessary.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import { actorOf } from '../http/actor.js';
import * as minimumNecessary from './minimum-necessary.service.js';

const FieldLists = Type.Record(Type.String(), Type.Array(Type.String()));
const MinimumNecessary = Type.Object({
  allowlists: Type.Record(Type.String(), FieldLists),
  recordFields: FieldLists,
  roles: Type.Array(Type.String()),
});
// Only the outline here: the names inside (record types, roles, fields) the service checks,
// for GraphQL too, answering 422 with every bad entry's pointer and the values allowed there.
const PutMinimumNecessary = Type.Object(
  { allowlists: Type.Record(Type.String(), Type.Unknown(), { maxProperties: 20 }) },
  { additionalProperties: false },
);
const responses = { 200: MinimumNecessary, ...errorResponses };

export function minimumNecessaryRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/minimum-necessary',
      {
        config: { policy: { action: 'read', subject: 'MinimumNecessary' } },
        schema: { response: responses },
      },
      async (req) => minimumNecessary.getMinimumNecessary(deps, actorOf(req)),
    );

    app.put<{ Body: Static<typeof PutMinimumNecessary> }>(
      '/minimum-necessary',
      {
        config: { policy: { action: 'update', subject: 'MinimumNecessary' } },
        schema: { body: PutMinimumNecessary, response: { ...responses, 422: { $ref: 'Problem#' } } },
      },
      async (req) => minimumNecessary.putMinimumNecessary(deps, actorOf(req), req.body),
    );
  };
}
