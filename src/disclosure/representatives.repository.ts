// Personal representatives in SQL. Days are pg `date` columns read back as 'YYYY-MM-DD'
// text: a representation's days are calendar days, not instants in a time zone.
import { sql } from 'kysely';
import type { RepresentativeRelationship, RepresentativeScope } from '../db/tables/disclosure.js';
import type { Tx } from '../db/tenant-tx.js';

const columns = [
  'personal_representatives.id',
  'personal_representatives.patient_contact_id',
  'personal_representatives.representative_contact_id',
  'personal_representatives.relationship',
  'personal_representatives.scope',
  sql<string>`personal_representatives.effective_from::text`.as('effective_from'),
  sql<string | null>`personal_representatives.effective_to::text`.as('effective_to'),
  'personal_representatives.created_at',
  'personal_representatives.updated_at',
] as const;

export function selectRepresentatives(tx: Tx, patientContactId?: string) {
  const q = tx.selectFrom('personal_representatives').select(columns);
  return patientContactId === undefined ? q : q.where('patient_contact_id', '=', patientContactId);
}

export async function getRepresentative(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = selectRepresentatives(tx).where('personal_representatives.id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export type RepresentativeRow = NonNullable<Awaited<ReturnType<typeof getRepresentative>>>;

export interface RepresentativeFields {
  relationship: RepresentativeRelationship;
  scope: RepresentativeScope;
  effective_from: string;
  effective_to: string | null;
}

export async function insertRepresentative(
  tx: Tx,
  row: RepresentativeFields & {
    tenant_id: string;
    patient_contact_id: string;
    representative_contact_id: string;
    created_by: string;
  },
): Promise<RepresentativeRow> {
  const { id } = await tx.insertInto('personal_representatives').values(row).returning('id').executeTakeFirstOrThrow();
  return (await getRepresentative(tx, id))!;
}

export async function updateRepresentative(
  tx: Tx,
  id: string,
  patch: Partial<RepresentativeFields>,
): Promise<RepresentativeRow> {
  await tx
    .updateTable('personal_representatives')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getRepresentative(tx, id))!;
}

export async function deleteRepresentative(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('personal_representatives').where('id', '=', id).execute();
}
