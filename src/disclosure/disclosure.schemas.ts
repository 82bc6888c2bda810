// REST shapes of the disclosure safeguards (typebox; openapi.yaml mirrors them).
import { Type } from '@sinclair/typebox';
import {
  recipientCheckModes,
  replyTopics,
  representativeRelationships,
  representativeScopes,
  verificationMethods,
} from '../db/tables/disclosure.js';
import { DateTime, Nullable } from '../http/schemas.js';

const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Day = Type.String({ format: 'date' });
const Uuid = Type.String({ format: 'uuid' });

/** The disclosure fields of a public reply's input (tickets' CreateComment spreads these). */
export const ReplyDisclosureFields = {
  recipients: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  topic: Type.Optional(Nullable(oneOf(replyTopics))),
};

export const VerificationSchema = Type.Object({
  id: Type.String(),
  contactId: Type.String(),
  method: oneOf(verificationMethods),
  verifiedBy: Type.String(),
  verifiedAt: DateTime,
  expiresAt: DateTime,
  revokedAt: Nullable(DateTime),
  revokedBy: Nullable(Type.String()),
  valid: Type.Boolean(),
});
export const CreateVerification = Type.Object({ method: oneOf(verificationMethods) }, { additionalProperties: false });

export const RepresentativeSchema = Type.Object({
  id: Type.String(),
  patientContactId: Type.String(),
  representativeContactId: Type.String(),
  relationship: oneOf(representativeRelationships),
  scope: oneOf(representativeScopes),
  effectiveFrom: Day,
  effectiveTo: Nullable(Day),
  effective: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const representativeFields = {
  relationship: oneOf(representativeRelationships),
  scope: oneOf(representativeScopes),
  effectiveFrom: Day,
  effectiveTo: Nullable(Day),
};
export const CreateRepresentative = Type.Object(
  {
    patientContactId: Uuid,
    representativeContactId: Uuid,
    relationship: representativeFields.relationship,
    scope: representativeFields.scope,
    effectiveFrom: representativeFields.effectiveFrom,
    effectiveTo: Type.Optional(representativeFields.effectiveTo),
  },
  { additionalProperties: false },
);
export const UpdateRepresentative = Type.Partial(Type.Object(representativeFields), {
  additionalProperties: false,
  minProperties: 1,
});
export const RepresentativeQuery = Type.Object(
  {
    patientContactId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const DisclosureSettingsSchema = Type.Object({
  recipientCheck: oneOf(recipientCheckModes),
  verificationValidDays: Type.Integer(),
  isDefault: Type.Boolean(),
  updatedAt: Nullable(DateTime),
});
export const PutDisclosureSettings = Type.Object(
  { recipientCheck: oneOf(recipientCheckModes), verificationValidDays: Type.Integer({ minimum: 1, maximum: 3650 }) },
  { additionalProperties: false },
);

const Reason = Type.Object({ pointer: Type.String(), detail: Type.String() });
export const HeldReplySchema = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  authorId: Type.String(),
  recipientContactIds: Type.Array(Type.String()),
  topic: Nullable(oneOf(replyTopics)),
  reasons: Type.Array(Reason),
  status: oneOf(['held', 'released', 'rejected']),
  body: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  createdAt: DateTime,
});
export const HeldReplyQuery = Type.Object(
  {
    status: Type.Optional(oneOf(['held', 'released', 'rejected'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const RejectHeldReply = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
