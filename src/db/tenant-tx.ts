// Every request's data access runs inside one of these: a transaction that drops to
// the runtime role (not the table owner, so FORCEd row-level security applies) and
// pins the tenant id that every RLS policy compares against. A repository query that
// forgets its tenant filter still cannot see another tenant's rows.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

export const RUNTIME_ROLE = 'phidesk_app';

export type Tx = Transaction<Database>;

export async function inTenantTx<T>(db: Kysely<Database>, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${RUNTIME_ROLE}, true)`.execute(tx);
    return fn(tx);
  });
}
