// Signed checkpoints: for every chain that grew since its last checkpoint, sign (tenant,
// size, head hash, Merkle root) with the Ed25519 key from configuration and hand it to
// the checkpoint sink, which keeps it out of the database's reach. A verifier holding
// the checkpoints catches a cut tail and a chain recomputed after an edit, which the
// hash chain alone cannot show.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { CheckpointConflictError, type CheckpointSink } from './checkpoint-sink.js';
import { signCheckpointOf, type SignedCheckpoint } from './checkpoint.js';
import { MerkleAccumulator } from './merkle.js';
import type { CheckpointSigningKey } from './signing-key.js';
import * as repo from '../audit.repository.js';

export interface CheckpointPassResult {
  signed: SignedCheckpoint[];
  /** chains not signed, and why (no event content) */
  refused: Array<{ tenantId: string; reason: string }>;
}

/** Signs and stores a checkpoint of every chain that grew since its last one. */
export async function checkpointPass(
  db: Kysely<Database>,
  key: CheckpointSigningKey,
  sink: CheckpointSink,
  now: Date = new Date(),
): Promise<CheckpointPassResult> {
  const result: CheckpointPassResult = { signed: [], refused: [] };
  for (const head of await repo.headsToCheckpoint(db)) {
    // The head row is the sequencer's bookkeeping; sign it only if the chain agrees.
    const stored = await repo.eventHashAt(db, head.tenantId, head.seq);
    if (stored !== head.hash) {
      result.refused.push({
        tenantId: head.tenantId,
        reason: `the chain head at seq ${head.seq} does not match the stored event`,
      });
      continue;
    }
    let merkle: MerkleAccumulator;
    try {
      merkle = MerkleAccumulator.fromFrontier({ size: head.seq, subtreeRoots: head.merkleFrontier });
    } catch {
      result.refused.push({
        tenantId: head.tenantId,
        reason: `the Merkle frontier of the chain head at seq ${head.seq} is malformed`,
      });
      continue;
    }
    const checkpoint = signCheckpointOf(head.tenantId, merkle, head.hash, now, key);
    try {
      await sink.write(checkpoint);
    } catch (error) {
      if (!(error instanceof CheckpointConflictError)) throw error;
      result.refused.push({ tenantId: head.tenantId, reason: error.message });
      continue;
    }
    await repo.markCheckpointed(db, head.tenantId, head.seq);
    result.signed.push(checkpoint);
  }
  return result;
}
