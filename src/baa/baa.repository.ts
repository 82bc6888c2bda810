// Business Associate Agreements in SQL. Dates are pg `date` columns, read back as
// 'YYYY-MM-DD' text: an agreement's days are calendar days, not instants in a time zone.
import { sql } from 'kysely';
import type { Tx } from '../db/tenant-tx.js';

const baaColumns = [
  'business_associate_agreements.id',
  'business_associate_agreements.counterparty',
  'business_associate_agreements.scope',
  sql<string>`business_associate_agreements.effective_on::text`.as('effective_on'),
  sql<string | null>`business_associate_agreements.expires_on::text`.as('expires_on'),
  'business_associate_agreements.document_ref',
  'business_associate_agreements.terminated_at',
  'business_associate_agreements.created_at',
  'business_associate_agreements.updated_at',
] as const;

export function selectAgreements(tx: Tx) {
  return tx.selectFrom('business_associate_agreements').select(baaColumns);
}

export async function getAgreement(tx: Tx, id: string) {
  return selectAgreements(tx).where('business_associate_agreements.id', '=', id).executeTakeFirst();
}

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

export interface AgreementFields {
  counterparty: string;
  scope: string;
  effective_on: string;
  expires_on: string | null;
  document_ref: string | null;
}

export async function insertAgreement(
  tx: Tx,
  row: AgreementFields & { tenant_id: string; created_by: string },
): Promise<AgreementRow> {
  const { id } = await tx
    .insertInto('business_associate_agreements')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getAgreement(tx, id))!;
}

export async function updateAgreement(
  tx: Tx,
  id: string,
  patch: Partial<AgreementFields> & { terminated_at?: Date },
): Promise<AgreementRow> {
  await tx
    .updateTable('business_associate_agreements')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getAgreement(tx, id))!;
}
