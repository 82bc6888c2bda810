// A TenantKeyStore in memory, honouring the same contract as the PostgreSQL one:
// unique (tenantId, version), tombstones on destroyAll, atomic updateWrapped.
// Rows are copied in and out so the Keyring cannot alias stored bytes.

import type {
  RewrappedTenantKey,
  TenantKeyStatus,
  TenantKeyStore,
  WrappedTenantKey,
} from '../../src/crypto/tenant-key-store.js';

function copy(row: WrappedTenantKey): WrappedTenantKey {
  return { ...row, wrapped: new Uint8Array(row.wrapped), createdAt: new Date(row.createdAt) };
}

export class InMemoryTenantKeyStore implements TenantKeyStore {
  readonly #rows = new Map<string, Map<number, WrappedTenantKey>>();
  /** how many times listVersions was called, to observe caching */
  listCalls = 0;

  #tenant(tenantId: string): Map<number, WrappedTenantKey> {
    let rows = this.#rows.get(tenantId);
    if (rows === undefined) {
      rows = new Map();
      this.#rows.set(tenantId, rows);
    }
    return rows;
  }

  #row(tenantId: string, version: number): WrappedTenantKey {
    const row = this.#rows.get(tenantId)?.get(version);
    if (row === undefined) throw new Error(`no key ${tenantId} v${version}`);
    return row;
  }

  async listVersions(tenantId: string): Promise<WrappedTenantKey[]> {
    this.listCalls += 1;
    return [...(this.#rows.get(tenantId)?.values() ?? [])].map(copy);
  }

  async insertVersion(row: WrappedTenantKey): Promise<void> {
    const rows = this.#tenant(row.tenantId);
    if (rows.has(row.version)) throw new Error('duplicate key value violates unique constraint');
    rows.set(row.version, copy(row));
  }

  async updateWrapped(updates: RewrappedTenantKey[]): Promise<void> {
    for (const u of updates) this.#row(u.tenantId, u.version); // all or nothing
    for (const u of updates) {
      const row = this.#row(u.tenantId, u.version);
      row.wrapped = new Uint8Array(u.wrapped);
      row.masterKeyId = u.masterKeyId;
    }
  }

  async setStatus(tenantId: string, version: number, status: TenantKeyStatus): Promise<void> {
    this.#row(tenantId, version).status = status;
  }

  async destroyAll(tenantId: string): Promise<void> {
    for (const row of this.#rows.get(tenantId)?.values() ?? []) {
      row.status = 'destroyed';
      row.wrapped = new Uint8Array(0);
    }
  }

  /** Test access to the stored row (a copy). */
  peek(tenantId: string, version: number): WrappedTenantKey | undefined {
    const row = this.#rows.get(tenantId)?.get(version);
    return row === undefined ? undefined : copy(row);
  }
}
