// Every request's data access runs inside one of these: a transaction that drops to
// the runtime role (not the table owner, so FORCEd row-level security applies) and
// pins the tenant id that every RLS policy compares against. A repository query that
// forgets its tenant filter still cannot see another tenant's rows.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import { isUuid } from '../ids.js';
import { CONTROL } from './scoped-connection.js';

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

/**
 * The connection as a transaction: a nested transaction() would COMMIT this one half-way
 * and run the rest as the owner with no tenant scope, so it throws, as Kysely's own
 * Transaction does.
 */
function asTransaction(conn: Kysely<Database>): Tx {
  return new Proxy(conn, {
    get(target, prop) {
      if (prop === 'isTransaction') return true;
      if (prop === 'transaction' || prop === 'connection' || prop === 'startTransaction') {
        return () => {
          throw new Error('a tenant transaction cannot open another transaction');
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      // Kysely's methods use private fields: call them on the instance, not the proxy
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Tx;
}

/** The statements that open a tenant transaction's frame (see scoped-connection.ts). */
function openingStatements(tenantId: string, readOnly: boolean): string[] {
  return [
    readOnly ? 'set transaction read only' : 'begin',
    `select set_config('app.tenant_id', '${tenantId.toLowerCase()}', true), set_config('role', '${RUNTIME_ROLE}', true)`,
  ];
}

export async function inTenantTx<T>(
  db: Kysely<Database>,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  opts: TenantTxOptions = {},
): Promise<T> {
  // The id is written into the statement below, so it must be exactly a uuid.
  if (!isUuid(tenantId)) throw new TypeError('the tenant id of a tenant transaction must be a uuid');
  const mode = opts.readOnly ? 'read' : 'write';
  return db.connection().execute(async (conn) => {
    let result: T;
    // Nothing is sent yet: the connection sends BEGIN and the scope with the first
    // statement (a read, with every statement), and COMMIT with the last deferred one.
    await sql
      .raw([`${CONTROL}open`, mode, ...openingStatements(tenantId, opts.readOnly === true)].join('\n'))
      .execute(conn);
    try {
      result = await fn(asTransaction(conn));
    } catch (e) {
      // The caller's error is the one that matters; a failed rollback means a dead connection
      // (the pool then destroys it: it is never handed out inside a transaction).
      await sql
        .raw(`${CONTROL}abort`)
        .execute(conn)
        .catch(() => undefined);
      throw e;
    }
    // COMMIT of a transaction in which a statement failed (and was caught) answers ROLLBACK
    // without an error: the caller must not report a write, or its audit events, as stored.
    // (A failed COMMIT batch is rolled back by the connection itself.)
    const { rows } = await sql.raw<{ command?: string }>(`${CONTROL}end`).execute(conn);
    if (rows[0]?.command === 'ROLLBACK')
      throw new Error('the tenant transaction was rolled back at commit (a statement in it had failed)');
    return result;
  });
}
