// Accounting requests (164.528) in SQL. The extension reason arrives sealed.
import type { Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';
import { DUE_SOON_DAYS, type TimingFilter } from './patient-rights.model.js';

const columns = [
  'accounting_requests.id',
  'accounting_requests.contact_id',
  'accounting_requests.status',
  'accounting_requests.requested_at',
  'accounting_requests.due_at',
  'accounting_requests.extended_at',
  'accounting_requests.extension_reason_sealed',
  'accounting_requests.fulfilled_at',
  'accounting_requests.chargeable',
  'accounting_requests.key_version',
  'accounting_requests.created_at',
  'accounting_requests.updated_at',
] as const;

export function selectAccountingRequests(
  tx: Tx,
  filter: { timing?: TimingFilter | undefined; contactId?: string | undefined },
  now: Date,
) {
  let q = tx.selectFrom('accounting_requests').select(columns);
  if (filter.contactId) q = q.where('accounting_requests.contact_id', '=', filter.contactId);
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 24 * 60 * 60 * 1000);
  switch (filter.timing) {
    case 'open':
      return q.where('accounting_requests.status', '=', 'open');
    case 'overdue':
      return q.where('accounting_requests.status', '=', 'open').where('accounting_requests.due_at', '<', now);
    case 'due_soon':
      return q
        .where('accounting_requests.status', '=', 'open')
        .where('accounting_requests.due_at', '>=', now)
        .where('accounting_requests.due_at', '<', soon);
    default:
      return q;
  }
}

export async function getAccountingRequest(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx.selectFrom('accounting_requests').select(columns).where('accounting_requests.id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export type AccountingRequestRow = NonNullable<Awaited<ReturnType<typeof getAccountingRequest>>>;

/** How many accounting requests the patient made in [since, until). */
export async function accountingsSince(tx: Tx, contactId: string, since: Date, until: Date): Promise<number> {
  const row = await tx
    .selectFrom('accounting_requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('contact_id', '=', contactId)
    .where('requested_at', '>', since)
    .where('requested_at', '<=', until)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccountingRequest(
  tx: Tx,
  row: {
    id: string;
    tenant_id: string;
    contact_id: string;
    requested_at: Date;
    due_at: Date;
    chargeable: boolean;
    key_version: number;
    created_by: string;
  },
): Promise<AccountingRequestRow> {
  await tx.insertInto('accounting_requests').values(row).execute();
  return (await getAccountingRequest(tx, row.id))!;
}

export async function updateAccountingRequest(
  tx: Tx,
  id: string,
  patch: {
    due_at?: Date;
    extended_at?: Date;
    extension_reason_sealed?: Sealed<string>;
    key_version?: number;
    status?: 'fulfilled';
    fulfilled_at?: Date;
  },
): Promise<AccountingRequestRow> {
  await tx
    .updateTable('accounting_requests')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getAccountingRequest(tx, id))!;
}
