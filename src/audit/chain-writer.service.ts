// Appending to the chains. Two writers use it: the sequencer, which moves events that
// write transactions left in audit_inbox, and the group commit of reads and other
// detached events, which chains them straight away (no inbox row, no second pass) while
// the requests that caused them wait. Both hold the tenant's advisory lock (see
// audit.repository.ts) from reading the head to committing, so whatever mix of them runs
// in however many processes, each chain grows by one writer at a time: no forks, gaps or
// duplicates.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import { chainEventCanonical } from './event-hash.js';
import { GENESIS_HASH, type AuditEventBody } from './event.js';
import type { InboxBody } from './inbox.js';
import { MerkleAccumulator } from './merkle.js';
import { rowFromEvent, type StoredEventRow } from './stored-event.js';
import * as repo from './audit.repository.js';

export type ChainHead = repo.ChainHead;

export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH, merkleFrontier: [] };

/**
 * Places captured bodies, in order, after `head`: each gets the next seq, its canonical
 * JSON and chain hash, and the Merkle frontier moves along. Pure: nothing is written.
 */
export function chainAfter(head: ChainHead, bodies: ReadonlyArray<InboxBody | AuditEventBody>): { rows: StoredEventRow[]; head: ChainHead } {
  const merkle = MerkleAccumulator.fromFrontier({ size: head.seq, subtreeRoots: head.merkleFrontier });
  let previous = head.hash;
  const rows = bodies.map((body, index) => {
    const { event, canonical } = chainEventCanonical(previous, { ...body, seq: head.seq + index + 1 });
    merkle.push(event.hash);
    previous = event.hash;
    return rowFromEvent(event, canonical);
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
