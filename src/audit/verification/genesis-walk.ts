// A walk from seq 1 through the offline verifier's own check of one chain (TenantChain,
// which AuditChainVerifier runs per tenant), so its findings are exactly those of the
// offline verifier and of GET /v1/audit/verify before it became incremental. It also
// keeps the Merkle frontier at each checkpoint's tree size beside the check: the
// frontier at the newest matched checkpoint becomes the tenant's verified position, from
// which the next incremental verification continues.
//
// Why TenantChain and not AuditChainVerifier: the fast path hands over the parts of an
// export line (ExportLineParts) taken from the row, where addExportLine would first need
// the line built as one string and split again, two copies of every body. The verifier's
// routing is kept as it is: it sends an event to the chain its body's tenantId names and
// gives each chain only its tenant's checkpoints; this walk reports only its own tenant,
// so an event naming another tenant is not added here, and checkpoints of other tenants
// are not given to the chain (the verifier would check them in chains nobody reads).
import type { KeyObject } from 'node:crypto';
import type { AuditEvent } from '../capture/event.js';
import type { SignedCheckpoint } from '../checkpoint/checkpoint.js';
import { MerkleAccumulator, type MerkleFrontier } from '../checkpoint/merkle.js';
import { keyIdOf, publicKeyObject } from '../checkpoint/signing-key.js';
import type { ExportLineParts } from '../export/export-line.js';
import { TenantChain, type TenantVerification } from '../export/tenant-chain.js';

export type FrontierSeed = MerkleFrontier;

export class GenesisWalk {
  readonly #tenantId: string;
  readonly #chain: TenantChain;
  readonly #checkpoints: readonly SignedCheckpoint[];
  readonly #sizes: Set<number>;
  /** past the newest checkpoint no frontier is kept, so the tree stops growing there */
  readonly #lastSize: number;
  readonly #frontiers = new Map<number, MerkleFrontier>();
  #merkle: MerkleAccumulator | undefined;
  /** a hash that is not even hex: the verifier reports it, and no position is kept */
  #broken = false;
  readonly #seed: FrontierSeed | undefined;
  #fed = 0;
  lastMatched: { checkpoint: SignedCheckpoint; frontier: MerkleFrontier } | undefined;
  eventsChecked = 0;
  checkpointsChecked = 0;

  /**
   * `seed`: the frontier at a signed checkpoint's tree size whose root it gives (the
   * tenant's verified position): the walk's own tree then starts there instead of at seq 1.
   * The verifier still checks every event and checkpoint from seq 1.
   */
  constructor(
    tenantId: string,
    checkpoints: readonly SignedCheckpoint[],
    keys: readonly Uint8Array[],
    seed?: FrontierSeed,
  ) {
    this.#tenantId = tenantId;
    this.#seed = seed;
    if (seed === undefined) this.#merkle = new MerkleAccumulator();
    else this.#frontiers.set(seed.size, seed);
    this.#checkpoints = checkpoints;
    const trusted = new Map<string, KeyObject>(keys.map((key) => [keyIdOf(key), publicKeyObject(key)]));
    this.#chain = new TenantChain(
      tenantId,
      checkpoints.filter((c) => c.tenantId === tenantId),
      trusted,
    );
    this.#sizes = new Set(checkpoints.map((c) => c.treeSize));
    this.#lastSize = Math.max(0, ...this.#sizes);
  }

  /** The verifier reads on after a break (to tell a gap from a reordering); so does this. */
  get stopped(): boolean {
    return false;
  }

  add(event: AuditEvent): void {
    this.#fed++;
    if (event.tenantId === this.#tenantId) this.#chain.add(event);
    this.#grow(event.hash);
  }

  /**
   * A row checked from its bytes (the parts of its export line, see verification/verbatim.ts),
   * as AuditChainVerifier.addExportLine checks a line; false: give the row to add() instead.
   */
  addVerbatim(parts: ExportLineParts): boolean {
    if (parts.tenantId !== this.#tenantId || !this.#chain.acceptVerbatim(parts)) return false;
    this.#fed++;
    this.#grow(parts.hash);
    return true;
  }

  #grow(hash: string): void {
    let merkle = this.#merkle;
    if (merkle === undefined) {
      // seeded: the tree takes over from the seed once the walk has passed it
      if (this.#broken || this.#seed === undefined || this.#fed !== this.#seed.size + 1) return;
      merkle = this.#merkle = MerkleAccumulator.fromFrontier(this.#seed);
    }
    if (merkle.size >= this.#lastSize) return;
    try {
      merkle.push(hash);
    } catch {
      this.#merkle = undefined;
      this.#broken = true;
      return;
    }
    if (this.#sizes.has(merkle.size)) this.#frontiers.set(merkle.size, merkle.frontier());
  }

  get fed(): number {
    return this.#fed;
  }

  /** Only checkpoints the walk reaches are given to it when it stops short of the head, so a cut tail is never assumed. */
  finish(_reachedHead: boolean): TenantVerification {
    const report = this.#chain.finish();
    this.eventsChecked = report.checked;
    this.checkpointsChecked = report.checkpointsVerified;
    const frontier = this.#frontiers.get(report.checkpointedSize);
    const checkpoint = this.#checkpoints.find(
      (c) => c.treeSize === report.checkpointedSize && report.checkpointedSize > 0,
    );
    if (report.findings.length === 0 && frontier !== undefined && checkpoint !== undefined)
      this.lastMatched = { checkpoint, frontier };
    return report;
  }
}
