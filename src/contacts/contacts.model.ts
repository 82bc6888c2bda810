// Contacts: the people tickets are about (patients, members, callers). Every field
// below except the ids, version and timestamps is PHI and is stored sealed.
import { normaliseForBlindIndex, type BlindIndexKind } from '../crypto/blind-index.js';
import { AppError } from '../errors.js';

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** An identifier in another system, e.g. { system: 'fhir', value: 'Patient/123' }. */
export interface ExternalId {
  system: string;
  value: string;
}

export interface ContactFields {
  name: string;
  email: string | null;
  phone: string | null;
  /** yyyy-mm-dd */
  dateOfBirth: string | null;
  address: Address | null;
  mrn: string | null;
  healthPlanMemberId: string | null;
  externalIds: ExternalId[];
}

export type PhiField = keyof ContactFields;

export const phiFields: readonly PhiField[] = [
  'name',
  'email',
  'phone',
  'dateOfBirth',
  'address',
  'mrn',
  'healthPlanMemberId',
  'externalIds',
];

/** The sealed column of each field. */
export const columnOf = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  address: 'address',
  mrn: 'mrn',
  healthPlanMemberId: 'health_plan_member_id',
  externalIds: 'external_ids',
} as const satisfies Record<PhiField, string>;

export type SealedContactColumn = (typeof columnOf)[PhiField];

/** What the re-seal job and the key-retirement check need to know about this table. */
export const contactsSealing = {
  table: 'contacts',
  columns: Object.values(columnOf) as SealedContactColumn[],
  resourceType: 'Contact',
  readAction: 'contact.read',
  fieldNames: Object.fromEntries(phiFields.map((f) => [columnOf[f], [`contact.${f}`]])),
} as const;

/** Audit names of PHI fields: names only, never values. */
export const auditFieldNames = (fields: Iterable<PhiField>): string[] => [...fields].map((f) => `contact.${f}`);

/** How each searchable field is indexed; a search must use the same kind as writes. */
export const searchIndexes = {
  mrn: { column: 'mrn_bidx', indexName: 'mrn', kind: 'identifier' },
  email: { column: 'email_bidx', indexName: 'email', kind: 'email' },
  phone: { column: 'phone_bidx', indexName: 'phone', kind: 'digits' },
  dateOfBirthName: { column: 'dob_name_bidx', indexName: 'dob_name', kind: 'text' },
} as const satisfies Record<string, { column: string; indexName: string; kind: BlindIndexKind }>;

export type SearchIndex = keyof typeof searchIndexes;

/**
 * Relationship indexes (activity review's relationship_match): the surname is the name's last
 * word, the address its first line and postal code; a staff user's self-declared values go
 * through the same functions and the same keys, so equal values give equal indexes.
 */
export const relationshipIndexes = {
  surname: { column: 'surname_bidx', indexName: 'surname', kind: 'text' },
  address: { column: 'address_bidx', indexName: 'address', kind: 'text' },
} as const satisfies Record<string, { column: string; indexName: string; kind: BlindIndexKind }>;

export function surnameKey(name: string): string | null {
  const words = normaliseForBlindIndex('text', name).split(' ');
  const last = words[words.length - 1] ?? '';
  return last === '' ? null : last;
}

export function addressKey(address: Address | null): string | null {
  const line1 = normaliseForBlindIndex('text', address?.line1 ?? '');
  const postal = normaliseForBlindIndex('identifier', address?.postalCode ?? '');
  return line1 === '' || postal === '' ? null : `${line1} ${postal}`;
}

/** The value indexed for (date of birth, name): both normalised, so either spelling finds it. */
export function dobNameKey(dateOfBirth: string, name: string): string {
  return `${normaliseForBlindIndex('date', dateOfBirth)} ${normaliseForBlindIndex('text', name)}`;
}

export interface ContactView {
  id: string;
  /**
   * true when PHI was withheld: without read_phi every PHI field is then null; under the
   * tenant's minimum-necessary list (src/minimum-necessary) the fields not listed are null
   */
  masked: boolean;
  name: string | null;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  address: Address | null;
  mrn: string | null;
  healthPlanMemberId: string | null;
  externalIds: ExternalId[] | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ContactMeta {
  id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function present(meta: ContactMeta, fields: ContactFields | null): ContactView {
  const base = { id: meta.id, version: meta.version, createdAt: meta.created_at, updatedAt: meta.updated_at };
  if (fields === null) {
    return {
      ...base,
      masked: true,
      name: null,
      email: null,
      phone: null,
      dateOfBirth: null,
      address: null,
      mrn: null,
      healthPlanMemberId: null,
      externalIds: null,
    };
  }
  return { ...base, masked: false, ...fields };
}

/**
 * The view with only the `opened` fields shown (minimum necessary): every other PHI field is
 * null exactly as in the masked view, and the view says masked. All opened: the full view.
 */
export function presentOpened(
  meta: ContactMeta,
  fields: Partial<ContactFields>,
  opened: readonly PhiField[],
): ContactView {
  if (phiFields.every((f) => opened.includes(f))) return present(meta, fields as ContactFields);
  const shown = Object.fromEntries(opened.map((f) => [f, fields[f] ?? null]));
  return { ...present(meta, null), ...shown };
}

/** Fields that hold a value (what a read discloses, or a delete erases). */
export function filledFields(fields: Partial<ContactFields>): PhiField[] {
  return phiFields.filter((f) => {
    const v = fields[f];
    return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
  });
}

export type ContactInput = Partial<Omit<ContactFields, 'name'>> & { name: string };
/** JSON merge patch (RFC 7396): absent = unchanged, null = cleared, objects merge. */
export type ContactPatch = {
  [K in PhiField]?: K extends 'address' ? { [A in keyof Address]?: string | null } | null : ContactFields[K] | null;
};

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The contact is invalid.', [{ pointer: path, detail: message }]);

function checkDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    return normaliseForBlindIndex('date', value);
  } catch {
    throw invalid('/dateOfBirth', 'must be a calendar date written yyyy-mm-dd');
  }
}

function cleanAddress(address: Address | null | undefined): Address | null {
  if (!address) return null;
  const entries = Object.entries(address).filter(([, v]) => typeof v === 'string' && v.length > 0);
  return entries.length > 0 ? (Object.fromEntries(entries) as Address) : null;
}

/** Canonical fields from a create input (schema-validated already). */
export function fieldsFromInput(input: ContactInput): ContactFields {
  if (!input.name.trim()) throw invalid('/name', 'must not be blank');
  return {
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    dateOfBirth: checkDate(input.dateOfBirth),
    address: cleanAddress(input.address),
    mrn: input.mrn ?? null,
    healthPlanMemberId: input.healthPlanMemberId ?? null,
    externalIds: input.externalIds ?? [],
  };
}

/** Applies a merge patch to the current fields; returns the result and which fields changed. */
export function applyPatch(current: Partial<ContactFields>, patch: ContactPatch): ContactFields {
  const next = { ...current } as ContactFields;
  for (const field of phiFields) {
    if (!(field in patch)) continue;
    const value = patch[field];
    switch (field) {
      case 'name':
        if (value === null || typeof value !== 'string' || !value.trim())
          throw invalid('/name', 'a contact must keep a name');
        next.name = value;
        break;
      case 'address': {
        if (value === null) {
          next.address = null;
          break;
        }
        const merged: Record<string, string | null | undefined> = { ...(current.address ?? {}) };
        for (const [k, v] of Object.entries(value as Record<string, string | null>)) {
          if (v === null) delete merged[k];
          else merged[k] = v;
        }
        next.address = cleanAddress(merged as Address);
        break;
      }
      case 'externalIds':
        next.externalIds = (value as ExternalId[] | null) ?? [];
        break;
      case 'dateOfBirth':
        next.dateOfBirth = checkDate(value as string | null);
        break;
      default:
        next[field] = (value as string | null) ?? null;
    }
  }
  return next;
}
