// A tenant's chain generated in bulk, for benchmarks that need a trail of a million
// events in the database in well under a minute: rows chained and hashed here in chunks
// (never all held at once), signed checkpoints at a fixed interval and at the end, and
// the head (seq, hash, Merkle frontier) to store in audit_chain_heads, so the server
// appends after it. Event bodies are chain-fixture.ts's, placed in the given tenant.
import { canonicalEventJson, hashCanonicalEvent } from '../../src/audit/chain/event-hash.js';
import { GENESIS_HASH } from '../../src/audit/capture/event.js';
import { signCheckpoint, type SignedCheckpoint } from '../../src/audit/checkpoint/checkpoint.js';
import { MerkleAccumulator } from '../../src/audit/checkpoint/merkle.js';
import type { CheckpointSigningKey } from '../../src/audit/checkpoint/signing-key.js';
import { eventBody } from './chain-fixture.js';

export interface BulkHead {
  seq: number;
  hash: string;
  merkleFrontier: string[];
}

/** One chunk of audit_events rows, column by column (for an unnest insert). */
export interface BulkRows {
  tenant_id: string[];
  seq: number[];
  id: string[];
  occurred_at: string[];
  actor_id: string[];
  action: string[];
  resource_type: string[];
  resource_id: string[];
  subject_contact_id: Array<string | null>;
  outcome: string[];
  body: string[];
  prev_hash: string[];
  hash: string[];
}

function emptyRows(): BulkRows {
  return {
    tenant_id: [],
    seq: [],
    id: [],
    occurred_at: [],
    actor_id: [],
    action: [],
    resource_type: [],
    resource_id: [],
    subject_contact_id: [],
    outcome: [],
    body: [],
    prev_hash: [],
    hash: [],
  };
}

export const EMPTY_HEAD: BulkHead = { seq: 0, hash: GENESIS_HASH, merkleFrontier: [] };

/**
 * Appends `count` events to the chain whose head is `from`, handing rows to `write` in
 * chunks; signs a checkpoint every `every` events and at the end. Ids are made unique
 * across runs by `salt` (0..65535).
 */
export async function bulkChain(
  tenantId: string,
  count: number,
  options: {
    from?: BulkHead;
    every: number;
    key: CheckpointSigningKey;
    chunk?: number;
    salt?: number;
    write: (rows: BulkRows) => Promise<void>;
  },
): Promise<{ head: BulkHead; checkpoints: SignedCheckpoint[] }> {
  const from = options.from ?? EMPTY_HEAD;
  const merkle = MerkleAccumulator.fromFrontier({ size: from.seq, subtreeRoots: from.merkleFrontier });
  const checkpoints: SignedCheckpoint[] = [];
  const chunk = options.chunk ?? 5000;
  const salt = (options.salt ?? 0).toString(16).padStart(4, '0');
  let prev = from.hash;
  let rows = emptyRows();
  const end = from.seq + count;
  for (let seq = from.seq + 1; seq <= end; seq++) {
    const body = { ...eventBody(1, seq), tenantId };
    body.id = body.id.slice(0, 9) + salt + body.id.slice(13);
    const canonical = canonicalEventJson(body);
    const hash = hashCanonicalEvent(prev, canonical);
    merkle.push(hash);
    rows.tenant_id.push(tenantId);
    rows.seq.push(seq);
    rows.id.push(body.id);
    rows.occurred_at.push(body.occurredAt);
    rows.actor_id.push(body.actor.id);
    rows.action.push(body.action);
    rows.resource_type.push(body.resource.type);
    rows.resource_id.push(body.resource.id);
    rows.subject_contact_id.push(body.subjectContactId ?? null);
    rows.outcome.push(body.outcome);
    rows.body.push(canonical);
    rows.prev_hash.push(prev);
    rows.hash.push(hash);
    prev = hash;
    if (seq % options.every === 0 || seq === end) {
      checkpoints.push(
        signCheckpoint(
          { tenantId, treeSize: seq, headHash: hash, merkleRoot: merkle.root(), issuedAt: new Date().toISOString() },
          options.key,
        ),
      );
    }
    if (rows.seq.length === chunk || seq === end) {
      await options.write(rows);
      rows = emptyRows();
    }
  }
  return { head: { seq: end, hash: prev, merkleFrontier: merkle.frontier().subtreeRoots }, checkpoints };
}
