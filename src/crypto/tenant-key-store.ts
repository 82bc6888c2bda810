// Persistence of wrapped tenant keys. Implemented over PostgreSQL in
// pg-tenant-key-store.ts (and in memory for tests); the Keyring depends only on this contract.
//
// Contract for implementations:
// - (tenantId, version) is unique; insertVersion must reject a duplicate (throw),
//   which is how two processes racing to create or rotate a key are told apart.
// - Version 0 is the tenant's blind-index root; data key versions start at 1.
// - destroyAll keeps the rows as tombstones: status 'destroyed' and `wrapped`
//   emptied. Tombstones let reads report "destroyed" rather than "unknown" and
//   stop ensureTenantKey from quietly minting new keys for a shredded tenant.
// - updateWrapped applies all its rows atomically (one transaction).
// - Keys must not live only in the same backups as the data if shredding is to
//   reach backups: see Keyring.shredTenant.

export type TenantKeyStatus = 'active' | 'decrypt_only' | 'retired' | 'destroyed';

export interface WrappedTenantKey {
  tenantId: string;
  /** 0 = blind-index root, >= 1 = data key versions */
  version: number;
  /** output of MasterKeyProvider.wrap; empty once destroyed */
  wrapped: Uint8Array;
  /** MasterKeyProvider.id of the master key that wrapped it */
  masterKeyId: string;
  status: TenantKeyStatus;
  createdAt: Date;
}

export interface RewrappedTenantKey {
  tenantId: string;
  version: number;
  wrapped: Uint8Array;
  masterKeyId: string;
}

export interface TenantKeyStore {
  /** Every version of the tenant's keys, tombstones included, in any order. */
  listVersions(tenantId: string): Promise<WrappedTenantKey[]>;
  /** Inserts one version; throws if (tenantId, version) already exists. */
  insertVersion(row: WrappedTenantKey): Promise<void>;
  /** Replaces wrapped bytes and master key id of the given versions, atomically. */
  updateWrapped(rows: RewrappedTenantKey[]): Promise<void>;
  setStatus(tenantId: string, version: number, status: TenantKeyStatus): Promise<void>;
  /** Crypto-shredding: marks every version destroyed and erases its wrapped bytes. */
  destroyAll(tenantId: string): Promise<void>;
}
