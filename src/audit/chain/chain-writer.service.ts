// Appending to the chains. Two writers use it: the sequencer, which moves events that
// write transactions left in audit_inbox, and the group commit of reads and other
// detached events, which chains them straight away (no inbox row, no second pass) while
// the requests that caused them wait. Both hold the tenant's advisory lock (see
// audit.repository.ts) from reading the head to committing, so whatever mix of them runs
// in however many processes, each chain grows by one writer at a time: no forks, gaps or
// duplicates.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/tenant-tx.js';
import { canonicalEventJsonAt, hashCanonicalEvent, isHashHex } from './event-hash.js';
import { GENESIS_HASH, type AuditEventBody } from '../capture/event.js';
import type { InboxBody } from '../capture/inbox.service.js';
import { MerkleAccumulator } from '../checkpoint/merkle.js';
import { storedForm, type StoredEventRow } from './stored-event.js';
import * as repo from '../audit.repository.js';

export type ChainHead = repo.ChainHead;

export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH, merkleFrontier: [] };

/**
 * Places captured bodies, in order, after `head`: each gets the next seq, its canonical
 * JSON and chain hash, and the Merkle frontier moves along. Pure: nothing is written.
 * Runs for every audited record read, so it builds the rows directly (no event objects).
 */
export function chainAfter(
  head: ChainHead,
  bodies: ReadonlyArray<InboxBody | AuditEventBody>,
): { rows: StoredEventRow[]; head: ChainHead } {
  if (!isHashHex(head.hash)) throw new TypeError('the chain head hash must be 64 lowercase hex digits');
  const merkle = MerkleAccumulator.fromFrontier({ size: head.seq, subtreeRoots: head.merkleFrontier });
  let previous = head.hash;
  // the events of one request share their time: parse it once
  let occurredText = '';
  let occurredAt = new Date(0);
  const rows = bodies.map((body, index): StoredEventRow => {
    const seq = head.seq + index + 1;
    const canonical = canonicalEventJsonAt(body, seq);
    const hash = hashCanonicalEvent(previous, canonical);
    merkle.push(hash);
    if (body.occurredAt !== occurredText) {
      occurredText = body.occurredAt;
      occurredAt = new Date(occurredText);
    }
    const row: StoredEventRow = {
      tenant_id: body.tenantId,
      seq,
      id: body.id,
      occurred_at: occurredAt,
      actor_id: body.actor.id,
      action: body.action,
      resource_type: body.resource.type,
      resource_id: body.resource.id,
      subject_contact_id: body.subjectContactId ?? null,
      outcome: body.outcome,
      ...storedForm(body, seq, canonical),
      prev_hash: previous,
      hash,
    };
    previous = hash;
    return row;
  });
  return { rows, head: { seq: merkle.size, hash: previous, merkleFrontier: merkle.frontier().subtreeRoots } };
}

/** Groups bodies by tenant, keeping their order within each tenant. */
function byTenant(bodies: readonly InboxBody[]): Map<string, InboxBody[]> {
  const groups = new Map<string, InboxBody[]>();
  for (const body of bodies) {
    const list = groups.get(body.tenantId);
    if (list) list.push(body);
    else groups.set(body.tenantId, [body]);
  }
  return groups;
}

/**
 * Chains `bodies` (already checked with assertChainable) onto their tenants' chains in one
 * transaction: lock the chains, read their heads, append and move the heads in one
 * statement. Durable when this resolves; on failure nothing of the batch is written.
 */
export async function appendToChains(db: Kysely<Database>, bodies: readonly InboxBody[]): Promise<void> {
  if (bodies.length === 0) return;
  const groups = byTenant(bodies);
  const tenantIds = [...groups.keys()];
  await db.transaction().execute(async (tx: Tx) => {
    await repo.lockChains(tx, tenantIds);
    // read after the locks: under READ COMMITTED this statement sees the previous holder's commit
    const heads = await repo.readHeads(tx, tenantIds);
    const rows: StoredEventRow[] = [];
    const moved: Array<{ tenantId: string } & ChainHead> = [];
    for (const [tenantId, group] of groups) {
      const chained = chainAfter(heads.get(tenantId) ?? EMPTY_CHAIN, group);
      rows.push(...chained.rows);
      moved.push({ tenantId, ...chained.head });
    }
    await repo.appendChained(tx, rows, moved);
  });
}
