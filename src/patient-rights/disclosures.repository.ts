// Disclosure records (164.528) in SQL. Recipient, address and description arrive sealed.
// A record with a source_ref (a webhook delivery, an access request) is written once per
// patient: a retried delivery finds its record already there.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, DisclosuresTable } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';

const columns = [
  'disclosures.id',
  'disclosures.contact_id',
  'disclosures.disclosed_at',
  'disclosures.source',
  'disclosures.source_ref',
  'disclosures.purpose',
  'disclosures.exclusion',
  'disclosures.recipient_sealed',
  'disclosures.recipient_address_sealed',
  'disclosures.description_sealed',
  'disclosures.created_at',
] as const;

/** A disclosure as inserted: every column but the stamp the database sets. */
export type NewDisclosure = Omit<Insertable<DisclosuresTable>, 'created_at'>;

/** One patient's disclosures, `from` (inclusive) to `to` (inclusive), oldest first. */
export function selectDisclosures(tx: Tx, contactId: string, range?: { from: Date; to: Date }) {
  let q = tx.selectFrom('disclosures').select(columns).where('disclosures.contact_id', '=', contactId);
  if (range)
    q = q.where('disclosures.disclosed_at', '>=', range.from).where('disclosures.disclosed_at', '<=', range.to);
  return q;
}

export async function disclosuresInPeriod(tx: Tx, contactId: string, from: Date, to: Date) {
  return selectDisclosures(tx, contactId, { from, to })
    .orderBy('disclosures.disclosed_at')
    .orderBy('disclosures.id')
    .execute();
}

export type DisclosureRow = Awaited<ReturnType<typeof disclosuresInPeriod>>[number];

export async function getDisclosure(tx: Tx, id: string) {
  return tx.selectFrom('disclosures').select(columns).where('disclosures.id', '=', id).executeTakeFirst();
}

export async function insertDisclosure(tx: Tx, row: NewDisclosure): Promise<void> {
  await tx.insertInto('disclosures').values(row).execute();
}

/**
 * A disclosure the webhook dispatcher makes (owner connection, tenant named explicitly);
 * nothing happens when this delivery's record for this patient already exists.
 */
export async function insertSystemDisclosure(db: Kysely<Database>, row: NewDisclosure): Promise<void> {
  await sql`insert into disclosures (id, tenant_id, contact_id, disclosed_at, source, source_ref, purpose,
      exclusion, recipient_sealed, recipient_address_sealed, description_sealed, key_version, created_by)
    values (${row.id}, ${row.tenant_id}, ${row.contact_id}, ${row.disclosed_at}, ${row.source}, ${row.source_ref},
      ${row.purpose}, ${row.exclusion}, ${row.recipient_sealed}, ${row.recipient_address_sealed},
      ${row.description_sealed}, ${row.key_version}, ${row.created_by})
    on conflict (tenant_id, source, source_ref, contact_id) where source_ref is not null do nothing`.execute(db);
}

/** The counterparty an agreement names (recipient of a webhook disclosure). */
export async function agreementCounterparty(
  db: Kysely<Database>,
  tenantId: string,
  baaId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('business_associate_agreements')
    .select('counterparty')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', baaId)
    .executeTakeFirst();
  return row?.counterparty;
}
