// One tenant's chain walk: the checks of verify.ts for one chain, its findings and
// its Merkle frontier. The first break stops the walk (nothing after it can be trusted
// to link); a seq reported missing that turns up later is re-labelled as reordered.

import type { KeyObject } from 'node:crypto';
import { verifyCheckpointSignature, type SignedCheckpoint } from '../checkpoint/checkpoint.js';
import { GENESIS_HASH, type AuditEvent } from '../capture/event.js';
import { eventHashAfterTrustedPrev, hashCanonicalEvent } from '../chain/event-hash.js';
import type { ExportLineParts } from './export-line.js';
import { MerkleAccumulator } from '../checkpoint/merkle.js';

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

export class TenantChain {
  readonly report: TenantVerification;
  #expectedSeq = 1;
  #merkle = new MerkleAccumulator();
  #checkpoints: SignedCheckpoint[] = [];
  #nextCheckpoint = 0;
  #stopped = false;
  #chainFinding: AuditFinding | undefined;

  constructor(tenantId: string, checkpoints: readonly SignedCheckpoint[], keys: ReadonlyMap<string, KeyObject>) {
    this.report = {
      tenantId,
      checked: 0,
      headSeq: 0,
      headHash: GENESIS_HASH,
      checkpointsVerified: 0,
      checkpointedSize: 0,
      findings: [],
    };
    for (const checkpoint of checkpoints) {
      const key = keys.get(checkpoint.keyId);
      if (key !== undefined && verifyCheckpointSignature(checkpoint, key)) {
        this.#checkpoints.push(checkpoint);
      } else {
        this.#find({
          damage: 'checkpoint_signature_invalid',
          checkpointTreeSize: checkpoint.treeSize,
          detail:
            key === undefined
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
        this.#stop({
          damage: 'gap',
          seq: this.#expectedSeq,
          detail: `seq ${this.#expectedSeq} is missing (next event has seq ${seq})`,
        });
      } else {
        this.#stop({
          damage: 'duplicate_or_reordered',
          seq,
          detail: `seq ${seq} appears again after seq ${report.headSeq}`,
        });
      }
      return;
    }
    if (event.prevHash !== report.headHash) {
      this.#stop({ damage: 'broken_link', seq, detail: `prevHash of seq ${seq} is not the hash of seq ${seq - 1}` });
      return;
    }
    // prevHash equals the verified head hash here, so it is well-formed.
    if (eventHashAfterTrustedPrev(event.prevHash, event) !== event.hash) {
      this.#stop({
        damage: 'hash_mismatch',
        seq,
        detail: `seq ${seq} does not hash to its stored hash (content altered)`,
      });
      return;
    }
    this.#accept(seq, event.hash);
  }

  /**
   * Accepts an export line's parts when they verify and a signed checkpoint lies
   * ahead, and says whether it did; otherwise changes nothing, and the caller parses
   * the line in full and calls add(). Past the newest checkpoint nothing but the
   * chain vouches for a line, so there every line is parsed and its shape checked.
   */
  acceptVerbatim(parts: ExportLineParts): boolean {
    if (
      this.#stopped ||
      this.#nextCheckpoint >= this.#checkpoints.length ||
      parts.seq !== this.#expectedSeq ||
      parts.prevHash !== this.report.headHash ||
      hashCanonicalEvent(parts.prevHash, parts.canonical) !== parts.hash
    ) {
      return false;
    }
    this.#accept(parts.seq, parts.hash);
    return true;
  }

  #accept(seq: number, hash: string): void {
    const report = this.report;
    // Past the last checkpoint no root will be compared, so the tree is not grown.
    if (this.#nextCheckpoint < this.#checkpoints.length) this.#merkle.push(hash);
    report.checked++;
    report.headSeq = seq;
    report.headHash = hash;
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
      if (
        checkpoint.headHash === report.headHash &&
        checkpoint.headSeq === report.headSeq &&
        checkpoint.merkleRoot === this.#merkle.root()
      ) {
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
