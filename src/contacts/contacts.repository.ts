// Contacts in SQL. PHI goes in and out only through TenantCrypto: every write seals
// every field under the tenant's active key (so a row's key_version is true for all
// its columns, which the re-seal job relies on) and computes the blind indexes;
// reads open only the fields asked for.
import { sql } from 'kysely';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { BlindIndex, Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';
import { narrowedBy, rowsWithIds, type Where } from '../db/where.js';
import { AppError } from '../errors.js';
import type { SortOrder } from '../services/pagination.js';
import {
  columnOf,
  dobNameKey,
  phiFields,
  relationshipIndexes,
  searchIndexes,
  addressKey,
  surnameKey,
  type Address,
  type ContactFields,
  type ExternalId,
  type PhiField,
  type SearchIndex,
} from './contacts.model.js';

const TABLE = 'contacts';

const metaColumns = [
  'contacts.id',
  'contacts.version',
  'contacts.key_version',
  'contacts.created_at',
  'contacts.updated_at',
] as const;
const sealedColumns = phiFields.map((f) => `contacts.${columnOf[f]}` as const);

/**
 * The orders of `GET /v1/contacts?sort=`: by time only, since every other contact field is
 * PHI (sealed, and an order by it would leak it). Each ends with the id (total order);
 * served by the indexes (tenant_id, created_at, id) of migration 0004 and (tenant_id,
 * updated_at, id) of 0024.
 */
export const contactSorts = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type ContactSort = (typeof contactSorts)[number];
export const DEFAULT_CONTACT_SORT: ContactSort = 'createdAt';

export function contactSortOrder(sort: ContactSort): SortOrder {
  const descending = sort.startsWith('-');
  const column = sort.endsWith('createdAt') ? 'contacts.created_at' : 'contacts.updated_at';
  return {
    name: sort,
    direction: descending ? 'desc' : 'asc',
    keys: [{ expr: sql`${sql.ref(column)}`, type: 'timestamptz' }],
    acceptsV1Cursor: sort === DEFAULT_CONTACT_SORT,
  };
}

/** Live contacts with their sealed columns (never blind indexes: nothing reads them back); only those `where` allows when given. */
export function selectContacts(tx: Tx, where?: Where) {
  return narrowedBy(
    tx
      .selectFrom('contacts')
      .select([...metaColumns, ...sealedColumns])
      .where('contacts.deleted_at', 'is', null),
    where,
  );
}

export const getContactsByIds = (tx: Tx, ids: readonly string[], where: Where): Promise<ContactRow[]> =>
  rowsWithIds(selectContacts(tx, where), 'contacts.id', ids);

export type ContactRow = Awaited<ReturnType<ReturnType<typeof selectContacts>['executeTakeFirstOrThrow']>>;

export async function getContact(
  tx: Tx,
  id: string,
  where: Where,
  opts: { forUpdate?: boolean } = {},
): Promise<ContactRow | undefined> {
  const query = selectContacts(tx).where('contacts.id', '=', id).where(where);
  return (opts.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** Whether a live contact with this id exists in the tenant, whoever may see it (RLS still holds). */
export async function contactExists(tx: Tx, id: string): Promise<boolean> {
  return (
    (await tx
      .selectFrom('contacts')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

/** Candidate rows whose blind index equals `index`; callers confirm them after opening. */
export async function findByBlindIndex(
  tx: Tx,
  by: SearchIndex,
  index: BlindIndex,
  where: Where,
  limit: number,
): Promise<ContactRow[]> {
  return selectContacts(tx)
    .where(`contacts.${searchIndexes[by].column}`, '=', index)
    .where(where)
    .orderBy('contacts.created_at')
    .orderBy('contacts.id')
    .limit(limit)
    .execute();
}

async function sealAll(crypto: TenantCrypto, id: string, f: ContactFields) {
  const seal = (field: PhiField, text: string | null): Sealed<string> | null =>
    text === null ? null : crypto.seal({ table: TABLE, column: columnOf[field], rowId: id }, text);
  const index = (by: SearchIndex, value: string | null): Promise<BlindIndex | null> | null =>
    value === null ? null : crypto.blindIndex(TABLE, searchIndexes[by].indexName, searchIndexes[by].kind, value);
  const relationIndex = (by: keyof typeof relationshipIndexes, value: string | null) =>
    value === null
      ? null
      : crypto.blindIndex(TABLE, relationshipIndexes[by].indexName, relationshipIndexes[by].kind, value);
  return {
    name: seal('name', f.name),
    email: seal('email', f.email),
    phone: seal('phone', f.phone),
    date_of_birth: seal('dateOfBirth', f.dateOfBirth),
    address: seal('address', f.address ? JSON.stringify(f.address) : null),
    mrn: seal('mrn', f.mrn),
    health_plan_member_id: seal('healthPlanMemberId', f.healthPlanMemberId),
    external_ids: seal('externalIds', f.externalIds.length > 0 ? JSON.stringify(f.externalIds) : null),
    email_bidx: await index('email', f.email),
    phone_bidx: await index('phone', f.phone),
    mrn_bidx: await index('mrn', f.mrn),
    dob_name_bidx: await index('dateOfBirthName', f.dateOfBirth === null ? null : dobNameKey(f.dateOfBirth, f.name)),
    surname_bidx: await relationIndex('surname', surnameKey(f.name)),
    address_bidx: await relationIndex('address', addressKey(f.address)),
    key_version: crypto.activeVersion,
  };
}

export async function insertContact(tx: Tx, crypto: TenantCrypto, id: string, tenantId: string, fields: ContactFields) {
  const sealed = await sealAll(crypto, id, fields);
  return tx
    .insertInto('contacts')
    .values({ id, tenant_id: tenantId, ...sealed })
    .returning(metaColumns)
    .executeTakeFirstOrThrow();
}

/** Re-seals every field (so the whole row moves to the active key) and bumps the version. */
export async function updateContact(tx: Tx, crypto: TenantCrypto, row: ContactRow, fields: ContactFields) {
  const sealed = await sealAll(crypto, row.id, fields);
  return tx
    .updateTable('contacts')
    .set({ ...sealed, version: row.version + 1, updated_at: new Date() })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning(metaColumns)
    .executeTakeFirstOrThrow();
}

/** Deleting erases the PHI: sealed columns and blind indexes become NULL; the row stays for references. */
export async function eraseContact(tx: Tx, id: string): Promise<void> {
  await tx
    .updateTable('contacts')
    .set({
      name: null,
      email: null,
      phone: null,
      date_of_birth: null,
      address: null,
      mrn: null,
      health_plan_member_id: null,
      external_ids: null,
      email_bidx: null,
      phone_bidx: null,
      mrn_bidx: null,
      dob_name_bidx: null,
      surname_bidx: null,
      address_bidx: null,
      deleted_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    // authenticated ciphertext that is not our JSON means a bug, not tampering; no value in the message
    throw new AppError('INTERNAL', 'A stored contact field has an unexpected shape.', undefined, { cause: e });
  }
}

/** Opens the requested fields of a row (all by default); a field that fails throws UnsealError. */
export async function openContact(
  crypto: TenantCrypto,
  row: ContactRow,
  fields: readonly PhiField[] = phiFields,
): Promise<Partial<ContactFields>> {
  const out: Partial<ContactFields> = {};
  for (const field of fields) {
    const column = columnOf[field];
    const sealed = row[column] as Sealed<string> | null;
    const text = sealed === null ? null : await crypto.open({ table: TABLE, column, rowId: row.id }, sealed);
    switch (field) {
      case 'address':
        out.address = text === null ? null : parseJson<Address>(text);
        break;
      case 'externalIds':
        out.externalIds = text === null ? [] : parseJson<ExternalId[]>(text);
        break;
      case 'name':
        out.name = text ?? '';
        break;
      default:
        out[field] = text;
    }
  }
  return out;
}
