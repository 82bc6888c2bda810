// GraphQL adapter for ticket settings (SLA policies, custom-field definitions): the same
// services, policies and audit as REST's /v1/sla-policies and /v1/custom-fields
// (settings.routes.ts). The SDL's Int and String are wider than REST's body schemas, so
// inputs are checked against the same limits before the service sees them.
import { Type } from '@sinclair/typebox';
import type { IResolvers } from 'mercurius';
import { checkInput } from '../contacts/contacts.schemas.js';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreateCustomFieldArgs,
  MutationDeleteSlaPolicyArgs,
  MutationPutSlaPolicyArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as settings from './settings.service.js';

// The limits of settings.routes.ts's PutSlaPolicy and CreateFieldDefinition bodies.
const Minutes = Type.Integer({ minimum: 1, maximum: 525_600 });
const SlaPolicyInput = Type.Object({
  firstResponseMinutes: Minutes,
  resolutionMinutes: Minutes,
  businessHours: Type.Optional(
    Type.Union([
      Type.Null(),
      Type.Object({
        timezone: Type.String({ minLength: 1, maxLength: 64 }),
        days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 }),
        start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
        end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
      }),
    ]),
  ),
});
const CreateCustomFieldInput = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
  label: Type.String({ minLength: 1, maxLength: 100 }),
  type: Type.Union(['text', 'number', 'date', 'enum', 'boolean'].map((t) => Type.Literal(t))),
  options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 100 })),
  phi: Type.Boolean(),
});

type Ctx = GraphqlContext;

export function ticketSettingsGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      slaPolicies: (_: unknown, __: unknown, ctx: Ctx) => settings.listSlaPolicies(deps, actorOf(ctx)),
      customFields: (_: unknown, __: unknown, ctx: Ctx) => settings.listFieldDefinitions(deps, actorOf(ctx)),
    },
    Mutation: {
      putSlaPolicy: (_: unknown, a: MutationPutSlaPolicyArgs, ctx: Ctx) =>
        settings.putSlaPolicy(deps, actorOf(ctx), a.priority, checkInput(SlaPolicyInput, definedOnly(a.input))),
      deleteSlaPolicy: async (_: unknown, a: MutationDeleteSlaPolicyArgs, ctx: Ctx) => {
        await settings.deleteSlaPolicy(deps, actorOf(ctx), a.priority);
        return true;
      },
      createCustomField: (_: unknown, a: MutationCreateCustomFieldArgs, ctx: Ctx) => {
        // null options means absent, as an omitted JSON member does in REST
        const input = checkInput(
          CreateCustomFieldInput,
          definedOnly({ ...a.input, options: a.input.options ?? undefined }),
        );
        return settings.createFieldDefinition(deps, actorOf(ctx), {
          ...input,
          type: input.type as MutationCreateCustomFieldArgs['input']['type'],
        });
      },
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    // as the REST routes declare them
    policies: {
      'Query.slaPolicies': { action: 'read', subject: 'Tenant' },
      'Query.customFields': { action: 'read', subject: 'Ticket' },
      'Mutation.putSlaPolicy': { action: 'update', subject: 'Tenant' },
      'Mutation.deleteSlaPolicy': { action: 'update', subject: 'Tenant' },
      'Mutation.createCustomField': { action: 'update', subject: 'Tenant' },
    },
  };
}
