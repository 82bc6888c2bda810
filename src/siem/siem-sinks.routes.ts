import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';
import * as siem from './siem-sinks.service.js';

export const SiemSinkSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  endpoint: Type.String(),
  description: Nullable(Type.String()),
  headerNames: Type.Array(Type.String()),
  caPem: Nullable(Type.String()),
  enabled: Type.Boolean(),
  delivery: Type.Object({
    cursorSeq: Type.Integer(),
    headSeq: Type.Integer(),
    lagEvents: Type.Integer(),
    lagSeconds: Type.Integer(),
    lastAckAt: Nullable(DateTime),
    lastAttemptAt: Nullable(DateTime),
    lastError: Nullable(Type.String()),
    consecutiveFailures: Type.Integer(),
    nextAttemptAt: DateTime,
  }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
// names and values are checked further in the service (siem-sinks.sealing.ts headersProblem)
const Headers = Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.String({ maxLength: 4096 }), {
  maxProperties: 10,
});
const fields = {
  endpoint: Type.String({ minLength: 1, maxLength: 2000 }),
  description: Nullable(Type.String({ maxLength: 500 })),
  headers: Headers,
  caPem: Nullable(Type.String({ minLength: 1, maxLength: 20_000 })),
};
const CreateSink = Type.Object(
  {
    kind: Type.Union([Type.Literal('otlp_http'), Type.Literal('syslog_tls')]),
    endpoint: fields.endpoint,
    description: Type.Optional(fields.description),
    headers: Type.Optional(fields.headers),
    caPem: Type.Optional(fields.caPem),
  },
  { additionalProperties: false },
);
const UpdateSink = Type.Partial(Type.Object({ ...fields, enabled: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});

const path = '/siem-sinks';
const policy = (action: 'read' | 'create' | 'update' | 'delete') => ({
  policy: { action, subject: 'SiemSink' as const },
});

export function siemSinksRoutes(deps: siem.SiemDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: Static<typeof PageQuery> }>(
      path,
      {
        config: policy('read'),
        schema: { querystring: PageQuery, response: { 200: PageOf(SiemSinkSchema), ...errorResponses } },
      },
      async (req) => siem.listSinks(deps, actorOf(req), req.query),
    );
    app.post<{ Body: Static<typeof CreateSink> }>(
      path,
      {
        config: policy('create'),
        schema: { body: CreateSink, response: { 201: SiemSinkSchema, 422: { $ref: 'Problem#' }, ...errorResponses } },
      },
      async (req, reply) => {
        const created = await siem.createSink(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1${path}/${created.id}`).send(created);
      },
    );
    app.get<{ Params: Static<typeof IdParams> }>(
      `${path}/:id`,
      { config: policy('read'), schema: { params: IdParams, response: { 200: SiemSinkSchema, ...errorResponses } } },
      async (req) => siem.getSink(deps, actorOf(req), req.params.id),
    );
    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateSink> }>(
      `${path}/:id`,
      {
        config: policy('update'),
        schema: {
          params: IdParams,
          body: UpdateSink,
          response: { 200: SiemSinkSchema, 422: { $ref: 'Problem#' }, ...errorResponses },
        },
      },
      async (req) => siem.updateSink(deps, actorOf(req), req.params.id, req.body),
    );
    app.delete<{ Params: Static<typeof IdParams> }>(
      `${path}/:id`,
      { config: policy('delete'), schema: { params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
      async (req, reply) => {
        await siem.deleteSink(deps, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };
}
