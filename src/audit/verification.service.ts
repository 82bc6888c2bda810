// Verification that does not grow with history (issue 14). GET /v1/audit/verify walks the
// tenant's chain from its verified position (the last signed checkpoint a walk matched,
// with the Merkle frontier there) to the head, checks the checkpoints signed since, and
// moves the position forward; a request never walks more than SYNC_MAX_EVENTS events, and
// says what it left unchecked. The full walk from seq 1 is the background job
// (verification-jobs.service.ts). Both share the walk (verification/walk.ts).
//
// The position is only a shortcut, never trusted blindly: before use, the checkpoint it
// names must be signed by a trusted key and stored in the sink, the frontier must give
// that checkpoint's Merkle root, the stored event at its seq must still have its hash,
// and the append-only triggers must be as they were (an owner who disables them to edit
// rows changes their catalogue rows). Otherwise the walk starts again at seq 1.
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import { readInTenant } from '../services/scope.js';
import type { AuditServiceDeps } from './audit.service.js';
import type { CheckpointSink } from './checkpoint/checkpoint-sink.js';
import { CheckpointFormatError, verifyCheckpointSignature, type SignedCheckpoint } from './checkpoint/checkpoint.js';
import { MerkleAccumulator } from './checkpoint/merkle.js';
import { keyIdOf, publicKeyObject } from './checkpoint/signing-key.js';
import { ChainRangeWalk } from './verification/chain-range.js';
import { GenesisWalk, type FrontierSeed } from './verification/genesis-walk.js';
import type { TenantVerification } from './export/verify.js';
import { viewOf, type AuditVerificationView, type StartContext } from './verification/verification-view.js';
import { walkRows, walkVerbatim, type ReadRows, type ReadSlices } from './verification/walk.js';
import * as auditRepo from './audit.repository.js';
import * as repo from './verification.repository.js';

/** Events one request verifies at most (well under a second's work); the rest is left to the next call or a job. */
export const SYNC_MAX_EVENTS = 20_000;
const SYNC_BATCH = 5_000;

export async function listCheckpoints(
  sink: CheckpointSink,
  tenantId: string,
): Promise<{ checkpoints: SignedCheckpoint[]; problem: string | null }> {
  try {
    return { checkpoints: await sink.list(tenantId), problem: null };
  } catch (error) {
    if (!(error instanceof CheckpointFormatError)) throw error;
    return { checkpoints: [], problem: 'a stored checkpoint of this tenant is malformed' };
  }
}

function trustedKeys(publicKeys: readonly Uint8Array[]): Map<string, KeyObject> {
  return new Map(publicKeys.map((key) => [keyIdOf(key), publicKeyObject(key)]));
}

export interface Start {
  position: repo.VerifiedPositionRow | undefined;
  problem: string | null;
  /** the event verified at the position no longer has its hash: damage, unless the walk finds it itself */
  brokenAt: number | undefined;
}

/** The stored position, if it still holds (see the header); otherwise why not. */
async function trustedStart(
  tx: Tx,
  tenantId: string,
  guard: string,
  checkpoints: readonly SignedCheckpoint[],
  keys: ReadonlyMap<string, KeyObject>,
): Promise<Start> {
  const position = await repo.verifiedPosition(tx, tenantId);
  if (position === undefined) return { position, problem: null, brokenAt: undefined };
  const at = `seq ${position.seq} (verified ${position.verified_at.toISOString()})`;
  const refuse = (problem: string, brokenAt?: number): Start => ({
    position: undefined,
    problem: `${problem}; verifying again from seq 1`,
    brokenAt,
  });
  if (position.guard !== guard)
    return refuse(`the append-only triggers of the trail were disabled or replaced since ${at}`);
  const checkpoint = checkpoints.find(
    (c) =>
      c.treeSize === position.seq &&
      c.headHash === position.hash &&
      c.keyId === position.checkpoint_key_id &&
      c.issuedAt === position.checkpoint_issued_at,
  );
  const key = checkpoint && keys.get(checkpoint.keyId);
  if (checkpoint === undefined || key === undefined || !verifyCheckpointSignature(checkpoint, key))
    return refuse(`no trusted signed checkpoint vouches for the verified position at ${at}`);
  let root: string | undefined;
  try {
    root = MerkleAccumulator.fromFrontier({ size: position.seq, subtreeRoots: position.merkle_frontier }).root();
  } catch {
    root = undefined;
  }
  if (root !== checkpoint.merkleRoot)
    return refuse(`the Merkle frontier stored for ${at} does not give its checkpoint's root`);
  if ((await auditRepo.eventHashAt(tx, tenantId, position.seq)) !== position.hash)
    return refuse(`the event at ${at} no longer has the hash it was verified with`, position.seq);
  return { position, problem: null, brokenAt: undefined };
}

/**
 * The stored position's frontier, when it gives the root of the signed checkpoint it names:
 * a walk from seq 1 then keeps its own Merkle tree (for the next position) only past it.
 */
export function frontierSeed(
  position: repo.VerifiedPositionRow | undefined,
  checkpoints: readonly SignedCheckpoint[],
): FrontierSeed | undefined {
  if (position === undefined) return undefined;
  const checkpoint = checkpoints.find((c) => c.treeSize === position.seq && c.headHash === position.hash);
  const seed = { size: position.seq, subtreeRoots: position.merkle_frontier };
  try {
    return checkpoint !== undefined && MerkleAccumulator.fromFrontier(seed).root() === checkpoint.merkleRoot
      ? seed
      : undefined;
  } catch {
    return undefined;
  }
}

export interface WalkResult {
  report: TenantVerification;
  walker: ChainRangeWalk | GenesisWalk;
  fromSeq: number;
  uptoSeq: number;
  complete: boolean;
}

/**
 * Walks the chain from `position` (from seq 1 without one) to `headSeq`, at most
 * `maxEvents`. Checkpoints past the head are given to the walker only when it will read to
 * the head, where they show a cut tail.
 */
export async function walkFrom(
  read: ReadRows,
  readSlices: ReadSlices | undefined,
  tenantId: string,
  position: repo.VerifiedPositionRow | undefined,
  headSeq: number,
  checkpoints: readonly SignedCheckpoint[],
  publicKeys: readonly Uint8Array[],
  options: {
    maxEvents?: number;
    batchSize: number;
    onBatch?: (rowsRead: number) => Promise<void> | void;
    /** for a walk from seq 1: the Merkle frontier to take over from (see frontierSeed) */
    seed?: FrontierSeed | undefined;
  },
): Promise<WalkResult> {
  const fromSeq = position?.seq ?? 0;
  const longest = Math.max(headSeq, ...checkpoints.map((c) => c.treeSize));
  const complete = options.maxEvents === undefined || longest - fromSeq <= options.maxEvents;
  // A bounded walk ends on the last checkpoint within its bound when there is one, so the
  // position moves there and the next call goes on from it.
  const bound = fromSeq + (options.maxEvents as number);
  const lastWithin = Math.max(
    0,
    ...checkpoints.map((c) => c.treeSize).filter((size) => size > fromSeq && size <= bound),
  );
  const uptoSeq = complete ? longest : lastWithin > 0 ? lastWithin : bound;
  const given = complete ? checkpoints : checkpoints.filter((c) => c.treeSize <= uptoSeq);
  const walker =
    position === undefined
      ? new GenesisWalk(tenantId, given, publicKeys, options.seed)
      : new ChainRangeWalk(
          tenantId,
          {
            seq: position.seq,
            hash: position.hash,
            merkleFrontier: position.merkle_frontier,
            checkpointsVerified: position.checkpoints_verified,
          },
          given,
          trustedKeys(publicKeys),
        );
  const walk = { fromSeq, uptoSeq, batchSize: options.batchSize, onBatch: options.onBatch };
  if (walker instanceof GenesisWalk && readSlices !== undefined) await walkVerbatim(readSlices, read, walker, walk);
  else await walkRows(read, walker, walk);
  return { report: walker.finish(complete), walker, fromSeq, uptoSeq, complete };
}

/** Moves the tenant's verified position to the newest checkpoint a clean walk matched (owner connection). */
export async function advancePosition(
  owner: Kysely<Database>,
  result: WalkResult,
  guard: string,
  verifiedBy: string,
): Promise<void> {
  const matched = result.walker.lastMatched;
  if (matched === undefined || result.report.findings.length > 0) return;
  await repo.saveVerifiedPosition(owner, {
    tenant_id: result.report.tenantId,
    seq: matched.checkpoint.treeSize,
    hash: matched.checkpoint.headHash,
    merkle_frontier: matched.frontier.subtreeRoots,
    checkpoint_issued_at: matched.checkpoint.issuedAt,
    checkpoint_key_id: matched.checkpoint.keyId,
    checkpoints_verified: result.report.checkpointsVerified,
    guard,
    verified_by: verifiedBy,
  });
}

/** What a view says of where the walk started (verification/verification-view.ts). */
export function startOf(start: Start): StartContext {
  const position = start.position;
  return {
    startedFrom: position
      ? {
          seq: position.seq,
          checkpointTreeSize: position.seq,
          verifiedAt: position.verified_at.toISOString(),
          verifiedBy: position.verified_by,
        }
      : null,
    positionProblem: start.problem,
    brokenAt: start.brokenAt,
  };
}

/** GET /v1/audit/verify: from the verified position to the head, at most SYNC_MAX_EVENTS. */
export async function verifyIncrementally(deps: AuditServiceDeps, actor: Actor): Promise<AuditVerificationView> {
  const tenantId = actor.tenantId;
  // Checkpoints first: each covers events committed before it was signed, so all of
  // them are within the chain as read below.
  const { checkpoints, problem } = await listCheckpoints(deps.sink, tenantId);
  const keys = trustedKeys(deps.publicKeys);
  const { view, result, guard } = await readInTenant(deps, actor, async (s) => {
    s.assertCan('verify', 'AuditEvent');
    const guard = await repo.appendOnlyGuard(s.tx);
    const start = await trustedStart(s.tx, tenantId, guard, checkpoints, keys);
    const headSeq = await auditRepo.lastSeq(s.tx, tenantId);
    const read: ReadRows = (after, limit, upto) => auditRepo.eventsAfter(s.tx, tenantId, after, limit, upto);
    const readSlices: ReadSlices = (after, limit, upto) => repo.chainSlices(s.tx, tenantId, after, limit, upto);
    const result = await walkFrom(read, readSlices, tenantId, start.position, headSeq, checkpoints, deps.publicKeys, {
      maxEvents: SYNC_MAX_EVENTS,
      batchSize: SYNC_BATCH,
    });
    const pending = await auditRepo.pendingStats(s.tx);
    s.record({ action: 'audit.verify', resourceType: 'AuditEvent', outcome: 'allowed' });
    const view = viewOf(deps, result, {
      pending,
      checkpoints: checkpoints.length,
      checkpointStoreProblem: problem,
      ...startOf(start),
      headSeq,
    });
    return { view, result, guard };
  });
  if (view.ok) await advancePosition(deps.db, result, guard, 'request');
  return view;
}

export type { AuditVerificationView, VerifiedFrom } from './verification/verification-view.js';
