// Key lifecycle operations for operators (the `phidesk keys ...` commands): master-key
// rotation, tenant-key rotation and retirement, crypto-shredding, status. They run on
// the owner connection as a named system actor, and each one is audited in the
// tenant's own trail (which holds no PHI values, so it outlives a shred).
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import type { MasterKeyProvider } from '../crypto/master-key.js';
import { PgTenantKeyStore } from '../crypto/pg-tenant-key-store.js';
import { AppError } from '../errors.js';
import type { AuditEventInput } from '../services/audit-port.js';
import type { ServiceDeps } from '../services/scope.js';
import * as repo from './keys.repository.js';
import { sealedTables } from './sealed-tables.js';

export interface KeysDeps extends ServiceDeps {
  keyring: Keyring;
  store: PgTenantKeyStore;
  /** KEY_CACHE_SECONDS in ms: how long a running server may act on key rows it cached */
  cacheMaxAgeMs: number;
  /** the system actor recorded in a tenant's trail (the CLI's, see src/cli/system-actor.ts) */
  actorFor(tenantId: string): Actor;
  clock?: () => number;
}

export interface TenantRef {
  id: string;
  slug: string;
  status: string;
}

const now = (deps: KeysDeps) => deps.clock?.() ?? Date.now();

async function record(deps: KeysDeps, tenantId: string, event: AuditEventInput): Promise<void> {
  await deps.audit.writeDetached(tenantId, deps.actorFor(tenantId), [event]);
}

export async function resolveTenant(deps: Pick<KeysDeps, 'db'>, slug: string): Promise<TenantRef> {
  const tenant = await repo.findTenant(deps.db, slug);
  if (!tenant) throw new AppError('NOT_FOUND', `There is no tenant ${slug}.`);
  return tenant;
}

export interface MasterRotationResult {
  tenants: number;
  rewrapped: number;
  alreadyCurrent: number;
  /** live key rows per master key id after the rotation */
  byMasterKey: Record<string, number>;
}

/**
 * Re-wraps every live tenant key under `newKey`; sealed data is not touched. Resumable
 * (rows already under the new key are skipped). Servers must know the new key (as
 * MASTER_KEY_FILE, with the old one in MASTER_KEY_PREVIOUS_FILES) before their cached
 * key rows expire, so deploy that configuration first, then run this.
 */
export async function rotateMasterKey(deps: KeysDeps, newKey: MasterKeyProvider): Promise<MasterRotationResult> {
  const result: MasterRotationResult = { tenants: 0, rewrapped: 0, alreadyCurrent: 0, byMasterKey: {} };
  for (const tenantId of await deps.store.tenantsWithLiveKeys()) {
    const summary = await deps.keyring.rewrapAll(newKey, [tenantId]);
    result.tenants += 1;
    result.rewrapped += summary.rewrapped;
    result.alreadyCurrent += summary.alreadyCurrent;
    if (summary.rewrapped > 0) {
      await record(deps, tenantId, {
        action: 'tenant_keys.rewrap',
        resourceType: 'Tenant',
        resourceId: tenantId,
        outcome: 'allowed',
      });
    }
  }
  result.byMasterKey = await deps.store.countByMasterKey();
  return result;
}

/** A new active key version for new writes; the previous one stays readable (decrypt_only). */
export async function rotateTenantKey(
  deps: KeysDeps,
  tenant: TenantRef,
): Promise<{ previousVersion: number; activeVersion: number; settledAt: Date }> {
  if (tenant.status === 'shredded')
    throw new AppError('CONFLICT', 'The tenant was shredded; it has no keys to rotate.');
  await deps.keyring.ensureTenantKey(tenant.id);
  const rotated = await deps.keyring.rotateTenantKey(tenant.id);
  await record(deps, tenant.id, {
    action: 'tenant_key.rotate',
    resourceType: 'TenantKey',
    resourceId: `v${rotated.activeVersion}`,
    outcome: 'allowed',
  });
  // until then, servers that cached the old rows may still seal under the previous version
  return { ...rotated, settledAt: await settledAt(deps, tenant.id) };
}

/** How long a request may still hold a key it fetched just before its cache entry expired. */
const IN_FLIGHT_MARGIN_MS = 10_000;

/**
 * When every server has seen the newest data key version and no request still holds
 * the previous one: its creation, plus the cache age, plus a margin for requests in
 * flight (bounded by the cache age itself, so short test caches settle quickly).
 */
export async function settledAt(deps: KeysDeps, tenantId: string): Promise<Date> {
  const rows = await deps.store.listVersions(tenantId);
  const newest = rows
    .filter((r) => r.version >= 1)
    .reduce((a, b) => (b.version > a.version ? b : a), { version: 0, createdAt: new Date(0) } as {
      version: number;
      createdAt: Date;
    });
  return new Date(newest.createdAt.getTime() + deps.cacheMaxAgeMs + Math.min(IN_FLIGHT_MARGIN_MS, deps.cacheMaxAgeMs));
}

/**
 * Refuses reads under an old data key version once nothing uses it. Checked against
 * the ciphertext headers themselves, not bookkeeping: refused while any sealed value
 * still names the version, or while servers may still be sealing with it.
 */
export async function retireTenantKeyVersion(deps: KeysDeps, tenant: TenantRef, version: number): Promise<void> {
  const resource = { resourceType: 'TenantKey', resourceId: `v${version}` };
  const refuse = async (reason: string, message: string): Promise<never> => {
    await record(deps, tenant.id, {
      action: 'tenant_key.retire',
      ...resource,
      outcome: 'denied',
      reasonCode: `CONFLICT:${reason}`,
    });
    throw new AppError('CONFLICT', message);
  };
  const settled = await settledAt(deps, tenant.id);
  if (now(deps) < settled.getTime()) {
    await refuse(
      'not_settled',
      `Servers may still seal under version ${version} until ${settled.toISOString()}; run keys reseal after that, then retire.`,
    );
  }
  const inUse = await repo.countValuesUnderVersion(deps.db, sealedTables, tenant.id, version);
  if (inUse > 0)
    await refuse('in_use', `${inUse} sealed value(s) still use version ${version}; run keys reseal first.`);
  await deps.keyring.retireVersion(tenant.id, version);
  await record(deps, tenant.id, { action: 'tenant_key.retire', ...resource, outcome: 'allowed' });
}

/**
 * Crypto-shredding: destroys every key of the tenant (tombstones stay), marks it
 * shredded and cancels its re-seal job, in one transaction with the audit event that
 * records it. Its ciphertext stays where it is and can never be opened again; its
 * credentials stop working because the tenant is no longer active.
 */
export async function shredTenant(deps: KeysDeps, tenant: TenantRef, confirmSlug: string): Promise<void> {
  if (confirmSlug !== tenant.slug) {
    throw new AppError('VALIDATION_FAILED', 'Confirm by repeating the tenant slug.', [
      { parameter: '--confirm', detail: 'must equal --tenant' },
    ]);
  }
  await deps.db.transaction().execute(async (tx) => {
    const locked = await repo.lockTenant(tx, tenant.id);
    if (!locked) throw new AppError('NOT_FOUND', 'The tenant does not exist.');
    if (locked.status === 'shredded') throw new AppError('CONFLICT', 'The tenant was shredded already.');
    await new PgTenantKeyStore(tx).destroyAll(tenant.id);
    await repo.markTenantShredded(tx, tenant.id);
    await repo.cancelRunningJobs(tx, tenant.id);
    await deps.audit.writeInTx(tx, deps.actorFor(tenant.id), [
      { action: 'tenant.shred', resourceType: 'Tenant', resourceId: tenant.id, outcome: 'allowed' },
    ]);
  });
  deps.audit.committed(tenant.id);
  await deps.keyring.shredTenant(tenant.id); // wipes this process's cached copies too
}

export interface KeyStatus {
  tenant: TenantRef;
  versions: Array<{ version: number; status: string; masterKeyId: string; createdAt: Date; sealedValues: number }>;
  job: { id: string; targetVersion: number; rowsDone: number; totalRows: number; rowsFailed: number } | null;
}

export async function keyStatus(deps: KeysDeps, tenant: TenantRef): Promise<KeyStatus> {
  const [rows, values, job] = await Promise.all([
    deps.store.listVersions(tenant.id),
    repo.valuesByVersion(deps.db, sealedTables, tenant.id),
    repo.runningJob(deps.db, tenant.id),
  ]);
  return {
    tenant,
    versions: rows
      .sort((a, b) => a.version - b.version)
      .map((r) => ({
        version: r.version,
        status: r.status,
        masterKeyId: r.masterKeyId,
        createdAt: r.createdAt,
        sealedValues: values.get(r.version) ?? 0,
      })),
    job: job
      ? {
          id: job.id,
          targetVersion: job.target_version,
          rowsDone: job.rows_done,
          totalRows: job.total_rows,
          rowsFailed: job.rows_failed,
        }
      : null,
  };
}
