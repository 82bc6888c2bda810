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
import { verifyCheckpointSignature, type SignedCheckpoint } from './checkpoint.js';
import { GENESIS_HASH, type AuditEvent } from './event.js';
import { eventHashAfterTrustedPrev } from './event-hash.js';
import { MerkleAccumulator } from './merkle.js';
import { keyIdOf, publicKeyObject } from './signing-key.js';

export type AuditDamage =
  | 'hash_mismatch'
  | 'broken_link'
  | 'gap'
  | 'duplicate_or_reordered'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_mismatch'
  | 'truncated';

export interface AuditFinding {
  damage: AuditDamage;
  /** first sequence number that cannot be trusted (absent for a bad signature) */
  seq?: number;
  /** checkpoint_mismatch: the altered event lies somewhere in seq..lastSuspectSeq */
  lastSuspectSeq?: number;
  /** tree size of the checkpoint involved, for checkpoint findings */
  checkpointTreeSize?: number;
  /** one line for humans; holds no event content */
  detail: string;
}

export interface TenantVerification {
  tenantId: string;
  /** events whose seq, link and hash were verified */
  checked: number;
  /** seq of the last verified event (0 when none) */
  headSeq: number;
  /** hash of the last verified event (GENESIS_HASH when none) */
  headHash: string;
  checkpointsVerified: number;
  /** events 1..checkpointedSize are covered by a matching signed checkpoint; later ones by the chain alone */
  checkpointedSize: number;
  /** the first finding, repeated here for convenience */
  damage?: AuditDamage;
  firstBadSeq?: number;
  findings: AuditFinding[];
}

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

class TenantChain {
  readonly report: TenantVerification;
  #expectedSeq = 1;
  #merkle = new MerkleAccumulator();
  #checkpoints: SignedCheckpoint[] = [];
  #nextCheckpoint = 0;
  #stopped = false;
  #chainFinding: AuditFinding | undefined;

  constructor(tenantId: string, checkpoints: readonly SignedCheckpoint[], keys: ReadonlyMap<string, KeyObject>) {
    this.report = { tenantId, checked: 0, headSeq: 0, headHash: GENESIS_HASH, checkpointsVerified: 0, checkpointedSize: 0, findings: [] };
    for (const checkpoint of checkpoints) {
      const key = keys.get(checkpoint.keyId);
      if (key !== undefined && verifyCheckpointSignature(checkpoint, key)) {
        this.#checkpoints.push(checkpoint);
      } else {
        this.#find({
          damage: 'checkpoint_signature_invalid',
          checkpointTreeSize: checkpoint.treeSize,
          detail: key === undefined
            ? `checkpoint at tree size ${checkpoint.treeSize} names key ${checkpoint.keyId}, which is not a trusted key`
            : `checkpoint at tree size ${checkpoint.treeSize} has a signature that does not verify`,
        });
      }
    }
    this.#checkpoints.sort((a, b) => a.treeSize - b.treeSize);
    this.#checkDueCheckpoints();
  }

  add(event: AuditEvent): void {
    const seq = event.seq;
    if (this.#stopped) {
      this.#reclassifyGap(seq);
      return;
    }
    const report = this.report;
    if (seq !== this.#expectedSeq) {
      if (typeof seq === 'number' && seq > this.#expectedSeq) {
        this.#stop({ damage: 'gap', seq: this.#expectedSeq, detail: `seq ${this.#expectedSeq} is missing (next event has seq ${seq})` });
      } else {
        this.#stop({ damage: 'duplicate_or_reordered', seq, detail: `seq ${seq} appears again after seq ${report.headSeq}` });
      }
      return;
    }
    if (event.prevHash !== report.headHash) {
      this.#stop({ damage: 'broken_link', seq, detail: `prevHash of seq ${seq} is not the hash of seq ${seq - 1}` });
      return;
    }
    // prevHash equals the verified head hash here, so it is well-formed.
    if (eventHashAfterTrustedPrev(event.prevHash, event) !== event.hash) {
      this.#stop({ damage: 'hash_mismatch', seq, detail: `seq ${seq} does not hash to its stored hash (content altered)` });
      return;
    }
    // Past the last checkpoint no root will be compared, so the tree is not grown.
    if (this.#nextCheckpoint < this.#checkpoints.length) this.#merkle.push(event.hash);
    report.checked++;
    report.headSeq = seq;
    report.headHash = event.hash;
    this.#expectedSeq = seq + 1;
    this.#checkDueCheckpoints();
  }

  finish(): TenantVerification {
    const remaining = this.#checkpoints.length - this.#nextCheckpoint;
    if (!this.#stopped && remaining > 0) {
      const longest = (this.#checkpoints[this.#checkpoints.length - 1] as SignedCheckpoint).treeSize;
      this.#find({
        damage: 'truncated',
        seq: this.report.headSeq + 1,
        checkpointTreeSize: longest,
        detail: `the chain ends at seq ${this.report.headSeq} but a signed checkpoint covers ${longest} events`,
      });
    }
    return this.report;
  }

  #checkDueCheckpoints(): void {
    const report = this.report;
    while (this.#nextCheckpoint < this.#checkpoints.length) {
      const checkpoint = this.#checkpoints[this.#nextCheckpoint] as SignedCheckpoint;
      if (checkpoint.treeSize !== report.headSeq) return;
      this.#nextCheckpoint++;
      if (checkpoint.headHash === report.headHash && checkpoint.headSeq === report.headSeq && checkpoint.merkleRoot === this.#merkle.root()) {
        report.checkpointsVerified++;
        report.checkpointedSize = checkpoint.treeSize;
        continue;
      }
      if (checkpoint.treeSize === report.checkpointedSize) {
        // The chain matched one signed checkpoint of this size already: the signer forked.
        this.#stop({
          damage: 'checkpoint_mismatch',
          checkpointTreeSize: checkpoint.treeSize,
          detail: `two signed checkpoints at tree size ${checkpoint.treeSize} disagree; the chain matches one of them`,
        });
        return;
      }
      this.#stop({
        damage: 'checkpoint_mismatch',
        seq: report.checkpointedSize + 1,
        lastSuspectSeq: checkpoint.treeSize,
        checkpointTreeSize: checkpoint.treeSize,
        detail: `events ${report.checkpointedSize + 1}..${checkpoint.treeSize} do not match the signed checkpoint at tree size ${checkpoint.treeSize} (altered and re-hashed)`,
      });
      return;
    }
  }

  // A seq reported missing that turns up later was moved, not deleted.
  #reclassifyGap(seq: number): void {
    const finding = this.#chainFinding;
    if (finding?.damage !== 'gap' || typeof seq !== 'number' || seq > (finding.seq as number)) return;
    finding.damage = 'duplicate_or_reordered';
    finding.detail = `seq ${finding.seq} is out of order (it appears later in the export)`;
    if (this.report.findings[0] === finding) this.report.damage = finding.damage;
  }

  #stop(finding: AuditFinding): void {
    this.#stopped = true;
    this.#chainFinding = finding;
    this.#find(finding);
  }

  #find(finding: AuditFinding): void {
    const report = this.report;
    report.findings.push(finding);
    if (report.damage === undefined) {
      report.damage = finding.damage;
      if (finding.seq !== undefined) report.firstBadSeq = finding.seq;
    }
  }
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
