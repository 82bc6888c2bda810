// Contact schemas (TypeBox): REST validates bodies with them through Fastify, GraphQL
// inputs are checked against the same schemas (checkInput), so both transports accept
// exactly the same values. Error details name the failing path and rule, never the value.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../errors.js';
import { DateTime, Nullable } from '../http/schemas.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Email = Type.String({ format: 'email', maxLength: 320 });
const Phone = Type.String({ minLength: 3, maxLength: 40, pattern: '^[+0-9 ().\\-/]*[0-9][+0-9 ().\\-/]*$' });
const DateOnly = Type.String({ pattern: '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$', description: 'yyyy-mm-dd' });

export const AddressSchema = Type.Object(
  {
    line1: Type.Optional(Text(200)),
    line2: Type.Optional(Text(200)),
    city: Type.Optional(Text(100)),
    region: Type.Optional(Text(100)),
    postalCode: Type.Optional(Text(20)),
    country: Type.Optional(Text(56)),
  },
  { additionalProperties: false },
);
/** Merge patch of an address: a part set to null is removed. */
const AddressPatch = Type.Object(
  {
    line1: Type.Optional(Nullable(Text(200))),
    line2: Type.Optional(Nullable(Text(200))),
    city: Type.Optional(Nullable(Text(100))),
    region: Type.Optional(Nullable(Text(100))),
    postalCode: Type.Optional(Nullable(Text(20))),
    country: Type.Optional(Nullable(Text(56))),
  },
  { additionalProperties: false },
);
export const ExternalIdSchema = Type.Object({ system: Text(100), value: Text(256) }, { additionalProperties: false });
const ExternalIds = Type.Array(ExternalIdSchema, { maxItems: 20 });

export const CreateContactSchema = Type.Object(
  {
    name: Text(200),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    dateOfBirth: Type.Optional(DateOnly),
    address: Type.Optional(AddressSchema),
    mrn: Type.Optional(Text(64)),
    healthPlanMemberId: Type.Optional(Text(64)),
    externalIds: Type.Optional(ExternalIds),
  },
  { additionalProperties: false },
);

/** JSON merge patch: a field set to null is cleared; absent fields stay as they are. */
export const UpdateContactSchema = Type.Object(
  {
    name: Type.Optional(Text(200)),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    dateOfBirth: Type.Optional(Nullable(DateOnly)),
    address: Type.Optional(Nullable(AddressPatch)),
    mrn: Type.Optional(Nullable(Text(64))),
    healthPlanMemberId: Type.Optional(Nullable(Text(64))),
    externalIds: Type.Optional(Nullable(ExternalIds)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SearchContactsSchema = Type.Object(
  {
    mrn: Type.Optional(Text(64)),
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
    phone: Type.Optional(Phone),
    dateOfBirth: Type.Optional(DateOnly),
    name: Type.Optional(Text(200)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ContactSchema = Type.Object({
  id: Type.String(),
  masked: Type.Boolean({ description: 'true when the caller may not read PHI; every PHI field is then null' }),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  dateOfBirth: Nullable(Type.String()),
  address: Nullable(AddressSchema),
  mrn: Nullable(Type.String()),
  healthPlanMemberId: Nullable(Type.String()),
  externalIds: Nullable(Type.Array(ExternalIdSchema)),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export type CreateContactBody = Static<typeof CreateContactSchema>;
export type UpdateContactBody = Static<typeof UpdateContactSchema>;
export type SearchContactsBody = Static<typeof SearchContactsSchema>;

/** Validates a GraphQL input against the REST schema; throws VALIDATION_FAILED naming paths only. */
export function checkInput<T extends TSchema>(schema: T, input: unknown): Static<T> {
  const errors = [...Value.Errors(schema, input)].slice(0, 10);
  if (errors.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The input does not match the schema.',
      errors.map((e) => ({ pointer: e.path, detail: e.message })), // '' is the whole input (RFC 6901)
    );
  }
  return input as Static<T>;
}

/** GET /v1/contacts: a page, in one of contactSorts (checked by the service, whose refusal lists them). */
export const ListContactsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
