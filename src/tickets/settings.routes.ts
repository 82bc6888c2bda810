// REST adapter for ticket settings: SLA policies (per priority) and custom-field definitions.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import { priorities } from './ticket-rules.js';
import * as settings from './settings.service.js';
import { actorOf } from '../http/actor.js';

const Priority = Type.Unsafe<(typeof priorities)[number]>({ type: 'string', enum: [...priorities] });
const BusinessHours = Type.Object(
  {
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 }),
    start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
    end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  },
  { additionalProperties: false },
);
const SlaPolicy = Type.Object({
  priority: Type.String(),
  firstResponseMinutes: Type.Integer(),
  resolutionMinutes: Type.Integer(),
  businessHours: Nullable(BusinessHours),
  updatedAt: DateTime,
});
const PutSlaPolicy = Type.Object(
  {
    firstResponseMinutes: Type.Integer({ minimum: 1, maximum: 525_600 }),
    resolutionMinutes: Type.Integer({ minimum: 1, maximum: 525_600 }),
    businessHours: Type.Optional(Nullable(BusinessHours)),
  },
  { additionalProperties: false },
);
const FieldType = Type.Unsafe<'text' | 'number' | 'date' | 'enum' | 'boolean'>({
  type: 'string',
  enum: ['text', 'number', 'date', 'enum', 'boolean'],
});
const FieldDefinition = Type.Object({
  id: Type.String(),
  key: Type.String(),
  label: Type.String(),
  type: Type.String(),
  options: Nullable(Type.Array(Type.String())),
  phi: Type.Boolean(),
  createdAt: DateTime,
});
const CreateFieldDefinition = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: FieldType,
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 100 })),
    phi: Type.Boolean({ description: 'PHI fields are sealed at rest and masked without read_phi' }),
  },
  { additionalProperties: false },
);
const PriorityParams = Type.Object({ priority: Priority });

export function settingsRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/sla-policies',
      {
        config: { policy: { action: 'read', subject: 'Tenant' } },
        schema: { response: { 200: Type.Object({ items: Type.Array(SlaPolicy) }), ...errorResponses } },
      },
      async (req) => ({ items: await settings.listSlaPolicies(deps, actorOf(req)) }),
    );

    app.put<{ Params: Static<typeof PriorityParams>; Body: Static<typeof PutSlaPolicy> }>(
      '/sla-policies/:priority',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { params: PriorityParams, body: PutSlaPolicy, response: { 200: SlaPolicy, ...errorResponses } },
      },
      async (req) => settings.putSlaPolicy(deps, actorOf(req), req.params.priority, req.body),
    );

    app.delete<{ Params: Static<typeof PriorityParams> }>(
      '/sla-policies/:priority',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { params: PriorityParams, response: { 204: Type.Null(), ...errorResponses } },
      },
      async (req, reply) => {
        await settings.deleteSlaPolicy(deps, actorOf(req), req.params.priority);
        return reply.code(204).send();
      },
    );

    app.get(
      '/custom-fields',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: { response: { 200: Type.Object({ items: Type.Array(FieldDefinition) }), ...errorResponses } },
      },
      async (req) => ({ items: await settings.listFieldDefinitions(deps, actorOf(req)) }),
    );

    app.post<{ Body: Static<typeof CreateFieldDefinition> }>(
      '/custom-fields',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { body: CreateFieldDefinition, response: { 201: FieldDefinition, ...errorResponses } },
      },
      async (req, reply) => reply.code(201).send(await settings.createFieldDefinition(deps, actorOf(req), req.body)),
    );
  };
}
