// Contact identity verifications in SQL (RLS keeps them to the caller's tenant).
import type { VerificationMethod } from '../db/tables/disclosure.js';
import type { Tx } from '../db/tenant-tx.js';

const columns = [
  'id',
  'contact_id',
  'method',
  'verified_by',
  'verified_at',
  'revoked_at',
  'revoked_by',
  'created_at',
] as const;

export interface VerificationRow {
  id: string;
  contact_id: string;
  method: VerificationMethod;
  verified_by: string;
  verified_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

/** The contacts among `contactIds` with a verification not revoked and made after `since`. */
export async function contactsVerifiedSince(tx: Tx, contactIds: readonly string[], since: Date): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('contact_verifications')
    .select('contact_id')
    .where('contact_id', 'in', [...contactIds])
    .where('revoked_at', 'is', null)
    .where('verified_at', '>', since)
    .execute();
  return new Set(rows.map((r) => r.contact_id));
}

export async function contactExists(tx: Tx, contactId: string): Promise<boolean> {
  return (await tx.selectFrom('contacts').select('id').where('id', '=', contactId).executeTakeFirst()) !== undefined;
}

export async function insertVerification(
  tx: Tx,
  row: { tenant_id: string; contact_id: string; method: VerificationMethod; verified_by: string },
): Promise<VerificationRow> {
  return tx.insertInto('contact_verifications').values(row).returning(columns).executeTakeFirstOrThrow();
}

export function selectVerificationsOf(tx: Tx, contactId: string) {
  return tx.selectFrom('contact_verifications').select(columns).where('contact_id', '=', contactId);
}

export async function getVerificationForUpdate(tx: Tx, id: string): Promise<VerificationRow | undefined> {
  return tx.selectFrom('contact_verifications').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function revokeVerificationRow(tx: Tx, id: string, by: string): Promise<VerificationRow> {
  return tx
    .updateTable('contact_verifications')
    .set({ revoked_at: new Date(), revoked_by: by })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}
