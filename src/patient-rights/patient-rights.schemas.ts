// TypeBox schemas of the patient-rights REST routes (validation and response shapes).
import { Type } from '@sinclair/typebox';
import { DateTime, Nullable, PageQuery, Uuid } from '../http/schemas.js';
import { denialGroundNames, exclusions, purposes, timingFilters, verificationMethods } from './patient-rights.model.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Timing = literals(['on_time', 'due_soon', 'overdue', 'closed']);

export const ListQuery = Type.Object(
  {
    ...PageQuery.properties,
    timing: Type.Optional(literals(timingFilters)),
    contactId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const AccessRequestSchema = Type.Object({
  id: Type.String(),
  contactId: Type.String(),
  verificationMethod: Type.String(),
  verificationNote: Nullable(Type.String()),
  status: literals(['open', 'fulfilled', 'denied']),
  openedAt: DateTime,
  dueAt: DateTime,
  extendedAt: Nullable(DateTime),
  extensionReason: Nullable(Type.String()),
  timing: Timing,
  fulfilledAt: Nullable(DateTime),
  deniedAt: Nullable(DateTime),
  denial: Nullable(
    Type.Object({
      ground: Type.String(),
      rule: Type.String(),
      reviewable: Type.Boolean(),
      note: Nullable(Type.String()),
    }),
  ),
  masked: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const OpenAccessRequest = Type.Object(
  {
    contactId: Uuid,
    verificationMethod: literals(verificationMethods),
    verificationNote: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);
export const Extend = Type.Object({ reason: Text(2000) }, { additionalProperties: false });
export const Deny = Type.Object(
  { ground: literals(denialGroundNames), note: Type.Optional(Nullable(Text(2000))) },
  { additionalProperties: false },
);
export const FulfilmentSchema = Type.Object({
  request: AccessRequestSchema,
  download: Type.Object({ url: Type.String(), expiresAt: DateTime }),
});
export const DownloadQuery = Type.Object({ token: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
/** The bundle as stored at fulfilment (access-bundle.ts): passed through as it is. */
export const BundleSchema = Type.Object(
  {
    format: Type.String(),
    requestId: Type.String(),
    generatedAt: DateTime,
    scope: Type.String(),
    record: Type.Object({}, { additionalProperties: true }),
    fhir: Type.Object({}, { additionalProperties: true }),
    html: Type.String(),
  },
  { additionalProperties: true },
);

export const DisclosureSchema = Type.Object({
  id: Type.String(),
  contactId: Type.String(),
  disclosedAt: DateTime,
  source: literals(['webhook', 'access_request', 'export', 'manual']),
  purpose: Type.String(),
  exclusion: Nullable(Type.String()),
  recipient: Nullable(Type.String()),
  recipientAddress: Nullable(Type.String()),
  description: Nullable(Type.String()),
  masked: Type.Boolean(),
  createdAt: DateTime,
});
export const RecordDisclosure = Type.Object(
  {
    contactId: Uuid,
    disclosedAt: DateTime,
    recipient: Text(500),
    recipientAddress: Type.Optional(Nullable(Text(1000))),
    description: Text(4000),
    purpose: literals(purposes),
    exclusion: Type.Optional(Nullable(literals(exclusions))),
  },
  { additionalProperties: false },
);
export const DisclosureQuery = Type.Object(
  { ...PageQuery.properties, contactId: Uuid },
  { additionalProperties: false },
);

export const AccountingRequestSchema = Type.Object({
  id: Type.String(),
  contactId: Type.String(),
  status: literals(['open', 'fulfilled']),
  requestedAt: DateTime,
  dueAt: DateTime,
  extendedAt: Nullable(DateTime),
  extensionReason: Nullable(Type.String()),
  timing: Timing,
  fulfilledAt: Nullable(DateTime),
  chargeable: Type.Boolean(),
  masked: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export const OpenAccountingRequest = Type.Object({ contactId: Uuid }, { additionalProperties: false });
export const ReportSchema = Type.Object({
  requestId: Type.String(),
  contactId: Type.String(),
  periodStart: DateTime,
  periodEnd: DateTime,
  generatedAt: DateTime,
  chargeable: Type.Boolean(),
  disclosures: Type.Array(DisclosureSchema),
  excluded: Type.Array(
    Type.Object({
      id: Type.String(),
      disclosedAt: DateTime,
      source: Type.String(),
      purpose: Type.String(),
      exclusion: Type.String(),
    }),
  ),
});
