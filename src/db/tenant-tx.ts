// Every request's data access runs inside one of these: a transaction that drops to
// the runtime role (not the table owner, so FORCEd row-level security applies) and
// pins the tenant id that every RLS policy compares against. A repository query that
// forgets its tenant filter still cannot see another tenant's rows.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

export const RUNTIME_ROLE = 'phidesk_app';

export type Tx = Transaction<Database>;

export interface TenantTxOptions {
  /**
   * READ ONLY: the use case only reads, so its audit events are group-committed after
   * the transaction instead of inside it; PostgreSQL then refuses any write, so a use
   * case cannot be misfiled as a read.
   */
  readOnly?: boolean;
}

export async function inTenantTx<T>(db: Kysely<Database>, tenantId: string, fn: (tx: Tx) => Promise<T>, opts: TenantTxOptions = {}): Promise<T> {
  return db.transaction().execute(async (tx) => {
    // One round trip either way: going read-only is allowed at any point of a transaction.
    const readOnly = opts.readOnly ? sql`, set_config('transaction_read_only', 'on', true)` : sql``;
    await sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${RUNTIME_ROLE}, true)${readOnly}`.execute(tx);
    return fn(tx);
  });
}
