// The chain sequencer: moves a tenant's captured events from audit_inbox into
// audit_events, giving each the next seq and its chain hash, and keeps the chain head
// and Merkle frontier in audit_chain_heads. One transaction per batch, on the owner
// connection, under a per-tenant advisory lock:
// - two sequencers (two server processes, or a timer and a nudge) never work one chain
//   at once, so there are no forks, gaps or duplicates; tenants never wait on each other;
// - the inbox rows are deleted in the transaction that chains them, so an event is
//   chained exactly once even if the process dies mid-batch (the batch rolls back);
// - the primary key (tenant_id, seq) backs this up in the schema: a fork fails loudly.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { chainAfter, EMPTY_CHAIN } from './chain-writer.service.js';
import type { AuditEventBody } from '../capture/event.js';
import { assertAuditEventBody } from '../capture/event-validation.js';
import type { InboxBody } from '../capture/inbox.service.js';
import * as repo from '../audit.repository.js';

export const DEFAULT_BATCH_SIZE = 500;

export interface TenantBatch {
  /** events chained by this call */
  chained: number;
  /** another sequencer holds this tenant's chain; try again later */
  busy: boolean;
}

function capturedBody(text: string, tenantId: string, seq: number): AuditEventBody {
  const captured = JSON.parse(text) as InboxBody;
  const body = { ...captured, seq };
  assertAuditEventBody(body);
  // A row filed under one tenant but naming another would fork both chains' meaning.
  if (body.tenantId !== tenantId) throw new Error('an inbox row names a different tenant than it is filed under');
  return body;
}

/** Chains up to `batchSize` of the tenant's oldest captured events. */
export async function sequenceTenantBatch(
  db: Kysely<Database>,
  tenantId: string,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<TenantBatch> {
  return db.transaction().execute(async (tx) => {
    if (!(await repo.tryLockChain(tx, tenantId))) return { chained: 0, busy: true };
    // Read after taking the lock: under READ COMMITTED each statement sees what the
    // previous holder committed before it released the lock.
    const inbox = await repo.takeInbox(tx, tenantId, batchSize);
    if (inbox.length === 0) return { chained: 0, busy: false };
    const head = (await repo.readHead(tx, tenantId)) ?? EMPTY_CHAIN;
    const { rows, head: moved } = chainAfter(
      head,
      inbox.map((row, index) => capturedBody(row.body, tenantId, head.seq + index + 1)),
    );
    await repo.appendChained(
      tx,
      rows,
      [{ tenantId, ...moved }],
      inbox.map((row) => row.id),
    );
    return { chained: rows.length, busy: false };
  });
}

export interface PassResult {
  chained: number;
  /** tenants left for another sequencer (or a later pass) because their lock was held */
  busyTenants: number;
  /** tenants whose batch failed (a malformed inbox row, a head that disagrees with the chain): they wait, the others do not */
  failed: Array<{ tenantId: string; error: unknown }>;
}

export interface PassOptions {
  /** only these tenants (their events were just committed); default: every tenant with pending events */
  tenants?: readonly string[] | undefined;
  batchSize?: number | undefined;
  maxTenants?: number | undefined;
}

/**
 * Chains everything pending (tenant by tenant, batch by batch) that no other sequencer
 * is working on. A tenant whose batch fails is reported and skipped: one tenant's broken
 * chain must not hold up every other tenant's.
 */
export async function sequencePass(db: Kysely<Database>, opts: PassOptions = {}): Promise<PassResult> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const result: PassResult = { chained: 0, busyTenants: 0, failed: [] };
  for (const tenantId of opts.tenants ?? (await repo.tenantsWithPending(db, opts.maxTenants ?? 1000))) {
    try {
      for (;;) {
        const batch = await sequenceTenantBatch(db, tenantId, batchSize);
        result.chained += batch.chained;
        if (batch.busy) result.busyTenants++;
        if (batch.busy || batch.chained < batchSize) break;
      }
    } catch (error) {
      result.failed.push({ tenantId, error });
    }
  }
  return result;
}
