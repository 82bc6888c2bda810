// TypeBox schemas of the ticket REST surface (one source for validation and types).
import { ReplyDisclosureFields } from '../disclosure/disclosure.schemas.js';
import { Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../http/schemas.js';
import { channels, priorities, statuses, ticketTypes } from './ticket-rules.js';

// A string enum as plain JSON Schema (enum), typed as the union it stands for.
const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Status = StringEnum(statuses);
const Priority = StringEnum(priorities);
const TicketTypeSchema = StringEnum(ticketTypes);
const Channel = StringEnum(channels);
const Uuid = Type.String({ format: 'uuid' });
const ExternalRef = Type.Object(
  { system: Type.String({ minLength: 1, maxLength: 100 }), value: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
// Request bodies are validated with ajv's type coercion on (src/app.ts, for query strings).
// Inside anyOf it coerces in the first branch that can take the value: 5 and true became "5"
// and "true" in a string branch, and a merge patch's null became "" (so it set instead of
// cleared). A list of types is checked before anything is coerced, so nullable and
// multi-typed body fields are written that way.
const CustomFieldValue = Type.Unsafe<string | number | boolean | null>({
  type: ['string', 'number', 'boolean', 'null'],
});
const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });
const CustomFields = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), CustomFieldValue, {
  maxProperties: 100,
});

export const TicketSchema = Type.Object({
  id: Type.String(),
  masked: Type.Boolean(),
  subject: Nullable(Type.String()),
  description: Nullable(Type.String()),
  status: Type.String(),
  priority: Type.String(),
  type: Type.String(),
  channel: Type.String(),
  requesterId: Nullable(Type.String()),
  assigneeId: Nullable(Type.String()),
  groupId: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  customFields: Type.Record(Type.String(), Type.Unknown()),
  externalRefs: Nullable(Type.Array(ExternalRef)),
  version: Type.Integer(),
  sla: Type.Object({
    firstResponseDueAt: Nullable(DateTime),
    resolutionDueAt: Nullable(DateTime),
    firstRespondedAt: Nullable(DateTime),
    firstResponseBreached: Type.Boolean(),
    resolutionBreached: Type.Boolean(),
  }),
  createdAt: DateTime,
  updatedAt: DateTime,
  solvedAt: Nullable(DateTime),
});

export const CreateTicket = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Type.String({ maxLength: 65_536 })),
    status: Type.Optional(Status),
    priority: Type.Optional(Priority),
    type: Type.Optional(TicketTypeSchema),
    channel: Type.Optional(Channel),
    requesterId: Type.Optional(Uuid),
    assigneeId: Type.Optional(Uuid),
    groupId: Type.Optional(Uuid),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 })),
    customFields: Type.Optional(CustomFields),
    externalRefs: Type.Optional(Type.Array(ExternalRef, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const PatchTicket = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    description: Type.Optional(NullableText(65_536)),
    status: Type.Optional(Status),
    priority: Type.Optional(Priority),
    type: Type.Optional(TicketTypeSchema),
    requesterId: Type.Optional(Nullable(Uuid)),
    assigneeId: Type.Optional(Nullable(Uuid)),
    groupId: Type.Optional(Nullable(Uuid)),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 })),
    customFields: Type.Optional(CustomFields),
    externalRefs: Type.Optional(Nullable(Type.Array(ExternalRef, { maxItems: 20 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ListTicketsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    // one of ticketSorts (src/tickets/ticket-sort.ts): checked by the service, whose
    // refusal lists the allowed values (GraphQL's orderBy reaches the same check)
    sort: Type.Optional(Type.String({ maxLength: 20 })),
    status: Type.Optional(Type.Array(Status, { maxItems: 6 })),
    priority: Type.Optional(Type.Array(Priority, { maxItems: 4 })),
    assigneeId: Type.Optional(Uuid),
    groupId: Type.Optional(Uuid),
    requesterId: Type.Optional(Uuid),
    tag: Type.Optional(Type.String({ maxLength: 50 })),
    updatedSince: Type.Optional(Type.String({ format: 'date-time' })),
    sla: Type.Optional(Type.Union([Type.Literal('breached'), Type.Literal('at_risk')])),
    withinMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_080 })),
  },
  { additionalProperties: false },
);

export const CommentSchema = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  authorId: Type.String(),
  authorKind: Type.String(),
  public: Type.Boolean(),
  body: Nullable(Type.String()),
  masked: Type.Boolean(),
  revision: Type.Integer(),
  redacted: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export const CreateComment = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 65_536 }),
    public: Type.Optional(Type.Boolean()),
    // who else receives a public reply, and what it is about (src/disclosure)
    ...ReplyDisclosureFields,
  },
  { additionalProperties: false },
);
export const EditComment = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 65_536 }) },
  { additionalProperties: false },
);
export const RedactComment = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);
export const TimelineEntrySchema = Type.Object({
  id: Type.String(),
  actorId: Type.String(),
  type: Type.String(),
  changes: Type.Record(Type.String(), Type.Unknown()),
  createdAt: DateTime,
});
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' })),
});
export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100 })) });
export const IfNoneMatchHeaders = Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 1000 })) });
