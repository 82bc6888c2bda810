// TenantKeyStore over the tenant_keys table. It runs on the owner connection (or an
// owner transaction handed in by the caller), never inside a request's runtime-role
// transaction: the runtime role has no privilege on tenant_keys at all, so a query
// that goes wrong in a request can neither read wrapped keys nor change their status.
//
// Contract (see tenant-key-store.ts): (tenant_id, version) is the primary key, so a
// duplicate insert throws; destroyAll leaves tombstones; updateWrapped is atomic.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { RewrappedTenantKey, TenantKeyStatus, TenantKeyStore, WrappedTenantKey } from './tenant-key-store.js';

/** Marks a tombstone inserted for a tenant that was shredded before it ever had keys. */
export const NO_MASTER_KEY = 'none';

function bytes(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

export class PgTenantKeyStore implements TenantKeyStore {
  readonly #db: Kysely<Database>;

  /** `db` is the owner pool, or an owner transaction whose outcome the caller controls. */
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async listVersions(tenantId: string): Promise<WrappedTenantKey[]> {
    const rows = await this.#db
      .selectFrom('tenant_keys')
      .select(['tenant_id', 'version', 'wrapped', 'master_key_id', 'status', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .execute();
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      version: r.version,
      wrapped: new Uint8Array(r.wrapped),
      masterKeyId: r.master_key_id,
      status: r.status,
      createdAt: r.created_at,
    }));
  }

  async insertVersion(row: WrappedTenantKey): Promise<void> {
    await this.#db
      .insertInto('tenant_keys')
      .values({
        tenant_id: row.tenantId,
        version: row.version,
        wrapped: bytes(row.wrapped),
        master_key_id: row.masterKeyId,
        status: row.status,
        created_at: row.createdAt,
      })
      .execute();
  }

  async updateWrapped(rows: RewrappedTenantKey[]): Promise<void> {
    if (rows.length === 0) return;
    const apply = async (db: Kysely<Database>) => {
      for (const row of rows) {
        const result = await db
          .updateTable('tenant_keys')
          .set({ wrapped: bytes(row.wrapped), master_key_id: row.masterKeyId, updated_at: new Date() })
          .where('tenant_id', '=', row.tenantId)
          .where('version', '=', row.version)
          .where('status', '<>', 'destroyed')
          .executeTakeFirst();
        // a row shredded meanwhile must not come back to life with a fresh wrapping
        if (Number(result.numUpdatedRows) !== 1)
          throw new AppError('CONFLICT', 'A tenant key changed during the rewrap; run it again.');
      }
    };
    if (this.#db.isTransaction) await apply(this.#db);
    else await this.#db.transaction().execute(apply);
  }

  async setStatus(tenantId: string, version: number, status: TenantKeyStatus): Promise<void> {
    if (status === 'destroyed') throw new AppError('INTERNAL', 'Destroy keys with destroyAll, which also erases them.');
    const result = await this.#db
      .updateTable('tenant_keys')
      .set({ status, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('version', '=', version)
      .where('status', '<>', 'destroyed')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new AppError('NOT_FOUND', 'The tenant key version does not exist or was destroyed.');
  }

  async destroyAll(tenantId: string): Promise<void> {
    const now = new Date();
    await this.#db
      .updateTable('tenant_keys')
      .set({ status: 'destroyed', wrapped: Buffer.alloc(0), updated_at: now })
      .where('tenant_id', '=', tenantId)
      .execute();
    // A tenant shredded before its first key gets a tombstone too, or its next use would mint fresh keys.
    await this.#db
      .insertInto('tenant_keys')
      .values({
        tenant_id: tenantId,
        version: 0,
        wrapped: Buffer.alloc(0),
        master_key_id: NO_MASTER_KEY,
        status: 'destroyed',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'version']).doNothing())
      .execute();
  }

  /** Tenants that hold live (not destroyed) keys: the set a master-key rewrap must cover. */
  async tenantsWithLiveKeys(): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('tenant_keys')
      .select('tenant_id')
      .distinct()
      .where('status', '<>', 'destroyed')
      .orderBy('tenant_id')
      .execute();
    return rows.map((r) => r.tenant_id);
  }

  /** How many live key rows are wrapped under each master key id (rotation progress). */
  async countByMasterKey(): Promise<Record<string, number>> {
    const rows = await this.#db
      .selectFrom('tenant_keys')
      .select(['master_key_id', sql<number>`count(*)::int`.as('n')])
      .where('status', '<>', 'destroyed')
      .groupBy('master_key_id')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.master_key_id, r.n]));
  }
}
