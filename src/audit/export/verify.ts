// Offline verification of audit chains: needs only the events (an export), the
// checkpoint public key(s) and, to catch truncation and recomputed chains, the signed
// checkpoints. Events stream through; memory per tenant is a Merkle frontier.
//
// Per tenant, in the order events arrive:
//   seq must be the next one (1, 2, 3, ...)     -> gap / duplicate_or_reordered
//   prevHash must be the previous event's hash  -> broken_link
//   hash must recompute                         -> hash_mismatch
//   at each checkpoint's treeSize, head hash and Merkle root must match -> checkpoint_mismatch
//   a checkpoint beyond the end of the export   -> truncated
//   a checkpoint whose signature fails          -> checkpoint_signature_invalid
// A tenant's walk stops at its first break in the chain: nothing after it can be
// trusted to link, so "first bad seq" is where to start looking, not a full list.
// An export must hold each tenant's chain from seq 1; events after the newest
// checkpoint are protected by the chain alone (a forged tail there needs a later
// checkpoint to be caught), which the report shows as checkpointedSize < headSeq.

import type { KeyObject } from 'node:crypto';
import type { SignedCheckpoint } from '../checkpoint/checkpoint.js';
import type { AuditEvent } from '../capture/event.js';
import { splitExportLine } from './export-line.js';
import { keyIdOf, publicKeyObject } from '../checkpoint/signing-key.js';
import { TenantChain, type TenantVerification } from './tenant-chain.js';

export type { AuditDamage, AuditFinding, TenantVerification } from './tenant-chain.js';

export interface VerificationReport {
  ok: boolean;
  /** events read, all tenants */
  events: number;
  /** sorted by tenantId */
  tenants: TenantVerification[];
}

export interface VerifyOptions {
  /** raw Ed25519 public key(s); several when the signing key was rotated */
  publicKey: Uint8Array | readonly Uint8Array[];
  checkpoints?: readonly SignedCheckpoint[];
}

function trustedKeys(publicKey: VerifyOptions['publicKey']): Map<string, KeyObject> {
  const list = publicKey instanceof Uint8Array ? [publicKey] : publicKey;
  return new Map(list.map((key) => [keyIdOf(key), publicKeyObject(key)]));
}

/**
 * Incremental form of verifyChain, for callers that already hold events one at a
 * time (the sequencer's self-check, a paginated database read).
 */
export class AuditChainVerifier {
  #keys: Map<string, KeyObject>;
  #checkpointsByTenant = new Map<string, SignedCheckpoint[]>();
  #tenants = new Map<string, TenantChain>();
  #events = 0;
  #lastTenantId: string | undefined;
  #lastTenant: TenantChain | undefined;

  constructor(options: VerifyOptions) {
    this.#keys = trustedKeys(options.publicKey);
    for (const checkpoint of options.checkpoints ?? []) {
      const list = this.#checkpointsByTenant.get(checkpoint.tenantId) ?? [];
      list.push(checkpoint);
      this.#checkpointsByTenant.set(checkpoint.tenantId, list);
    }
    // A tenant known only from its checkpoints had its whole chain removed.
    for (const tenantId of this.#checkpointsByTenant.keys()) this.#tenant(tenantId);
  }

  add(event: AuditEvent): void {
    this.#events++;
    const tenantId = event.tenantId;
    // Exports are grouped by tenant, so the last tenant almost always hits.
    const tenant = tenantId === this.#lastTenantId ? (this.#lastTenant as TenantChain) : this.#tenant(tenantId);
    tenant.add(event);
  }

  /**
   * Verifies an export line (see export-line.ts) from its bytes, without parsing it.
   * False means "parse this line and add() the event": the line is not in export-line
   * form, does not verify as is (add() then finds and reports why), or lies past its
   * tenant's newest checkpoint, where only a full parse and shape check will do.
   */
  addExportLine(line: string): boolean {
    const parts = splitExportLine(line);
    if (parts === undefined) return false;
    // Only tenants with checkpoints exist before their first event, and only those
    // qualify; so a line can never conjure up a tenant here.
    const tenant = parts.tenantId === this.#lastTenantId ? this.#lastTenant : this.#tenants.get(parts.tenantId);
    if (tenant === undefined || !tenant.acceptVerbatim(parts)) return false;
    this.#events++;
    this.#lastTenantId = parts.tenantId;
    this.#lastTenant = tenant;
    return true;
  }

  finish(): VerificationReport {
    const tenants = [...this.#tenants.values()]
      .map((tenant) => tenant.finish())
      .sort((a, b) => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0));
    return { ok: tenants.every((tenant) => tenant.findings.length === 0), events: this.#events, tenants };
  }

  #tenant(tenantId: string): TenantChain {
    let tenant = this.#tenants.get(tenantId);
    if (tenant === undefined) {
      tenant = new TenantChain(tenantId, this.#checkpointsByTenant.get(tenantId) ?? [], this.#keys);
      this.#tenants.set(tenantId, tenant);
    }
    this.#lastTenantId = tenantId;
    this.#lastTenant = tenant;
    return tenant;
  }
}

function isSyncIterable<T>(value: Iterable<T> | AsyncIterable<T>): value is Iterable<T> {
  return typeof (value as Iterable<T>)[Symbol.iterator] === 'function';
}

/**
 * Verifies every tenant chain in `events` (any order across tenants, seq order
 * within each). Events from outside the process should come through parseNdjson,
 * which checks their shape; this function trusts the AuditEvent type.
 */
export async function verifyChain(
  events: AsyncIterable<AuditEvent> | Iterable<AuditEvent>,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const verifier = new AuditChainVerifier(options);
  // A for-await over an in-memory array costs a microtask per event; avoid it.
  if (isSyncIterable(events)) {
    for (const event of events) verifier.add(event);
  } else {
    for await (const event of events) verifier.add(event);
  }
  return verifier.finish();
}

export { parseNdjson, parseNdjsonBatches } from './ndjson.js';
