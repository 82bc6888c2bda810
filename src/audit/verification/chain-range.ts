// The walk of an incremental verification: one tenant's chain from a verified position
// (seq, hash and Merkle frontier at a signed checkpoint) to the head. The same checks,
// in the same order and with the same findings, as the full walk (export/tenant-chain.ts
// behind AuditChainVerifier), which can only start at seq 1: next seq, link to the
// previous hash, recomputed hash, and at each checkpoint's tree size its head hash and
// Merkle root; a checkpoint past the end is a cut tail. The first break stops the walk.
import type { KeyObject } from 'node:crypto';
import type { AuditEvent } from '../capture/event.js';
import { eventHashAfterTrustedPrev } from '../chain/event-hash.js';
import { verifyCheckpointSignature, type SignedCheckpoint } from '../checkpoint/checkpoint.js';
import { MerkleAccumulator, type MerkleFrontier } from '../checkpoint/merkle.js';
import type { AuditFinding, TenantVerification } from '../export/verify.js';

export interface ChainPosition {
  seq: number;
  hash: string;
  merkleFrontier: string[];
}

export class ChainRangeWalk {
  readonly report: TenantVerification;
  /** events checked by this walk (report.checked also counts the verified prefix) */
  eventsChecked = 0;
  /** signed checkpoints matched by this walk */
  checkpointsChecked = 0;
  /** the newest checkpoint matched and the frontier there: the next position */
  lastMatched: { checkpoint: SignedCheckpoint; frontier: MerkleFrontier } | undefined;
  #merkle: MerkleAccumulator;
  #checkpoints: SignedCheckpoint[] = [];
  #next = 0;
  #stopped = false;

  constructor(
    tenantId: string,
    from: ChainPosition & { checkpointsVerified: number },
    checkpoints: readonly SignedCheckpoint[],
    keys: ReadonlyMap<string, KeyObject>,
  ) {
    this.report = {
      tenantId,
      checked: from.seq,
      headSeq: from.seq,
      headHash: from.hash,
      checkpointsVerified: from.checkpointsVerified,
      checkpointedSize: from.seq,
      findings: [],
    };
    this.#merkle = MerkleAccumulator.fromFrontier({ size: from.seq, subtreeRoots: from.merkleFrontier });
    for (const checkpoint of checkpoints) {
      if (checkpoint.treeSize <= from.seq) continue;
      const key = keys.get(checkpoint.keyId);
      if (key !== undefined && verifyCheckpointSignature(checkpoint, key)) this.#checkpoints.push(checkpoint);
      else
        this.#find({
          damage: 'checkpoint_signature_invalid',
          checkpointTreeSize: checkpoint.treeSize,
          detail:
            key === undefined
              ? `checkpoint at tree size ${checkpoint.treeSize} names key ${checkpoint.keyId}, which is not a trusted key`
              : `checkpoint at tree size ${checkpoint.treeSize} has a signature that does not verify`,
        });
    }
    this.#checkpoints.sort((a, b) => a.treeSize - b.treeSize);
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  add(event: AuditEvent): void {
    if (this.#stopped) return;
    const report = this.report;
    const expected = report.headSeq + 1;
    const seq = event.seq;
    if (seq !== expected) {
      this.#stop(
        typeof seq === 'number' && seq > expected
          ? { damage: 'gap', seq: expected, detail: `seq ${expected} is missing (next event has seq ${seq})` }
          : { damage: 'duplicate_or_reordered', seq, detail: `seq ${seq} appears again after seq ${report.headSeq}` },
      );
      return;
    }
    if (event.prevHash !== report.headHash) {
      this.#stop({ damage: 'broken_link', seq, detail: `prevHash of seq ${seq} is not the hash of seq ${seq - 1}` });
      return;
    }
    if (eventHashAfterTrustedPrev(event.prevHash, event) !== event.hash) {
      this.#stop({
        damage: 'hash_mismatch',
        seq,
        detail: `seq ${seq} does not hash to its stored hash (content altered)`,
      });
      return;
    }
    if (this.#next < this.#checkpoints.length) this.#merkle.push(event.hash);
    this.eventsChecked++;
    report.checked++;
    report.headSeq = seq;
    report.headHash = event.hash;
    this.#checkDue();
  }

  /** `reachedHead`: the walk read the chain to its end, so checkpoints beyond it mean a cut tail. */
  finish(reachedHead: boolean): TenantVerification {
    const remaining = this.#checkpoints.length - this.#next;
    if (reachedHead && !this.#stopped && remaining > 0) {
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

  #checkDue(): void {
    const report = this.report;
    while (this.#next < this.#checkpoints.length) {
      const checkpoint = this.#checkpoints[this.#next] as SignedCheckpoint;
      if (checkpoint.treeSize !== report.headSeq) return;
      this.#next++;
      if (
        checkpoint.headHash === report.headHash &&
        checkpoint.headSeq === report.headSeq &&
        checkpoint.merkleRoot === this.#merkle.root()
      ) {
        report.checkpointsVerified++;
        report.checkpointedSize = checkpoint.treeSize;
        this.checkpointsChecked++;
        this.lastMatched = { checkpoint, frontier: this.#merkle.frontier() };
        continue;
      }
      this.#stop(
        checkpoint.treeSize === report.checkpointedSize
          ? {
              damage: 'checkpoint_mismatch',
              checkpointTreeSize: checkpoint.treeSize,
              detail: `two signed checkpoints at tree size ${checkpoint.treeSize} disagree; the chain matches one of them`,
            }
          : {
              damage: 'checkpoint_mismatch',
              seq: report.checkpointedSize + 1,
              lastSuspectSeq: checkpoint.treeSize,
              checkpointTreeSize: checkpoint.treeSize,
              detail: `events ${report.checkpointedSize + 1}..${checkpoint.treeSize} do not match the signed checkpoint at tree size ${checkpoint.treeSize} (altered and re-hashed)`,
            },
      );
      return;
    }
  }

  #stop(finding: AuditFinding): void {
    this.#stopped = true;
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
