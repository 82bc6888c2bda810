// The SIEM streamer's SQL. It runs as the table owner across tenants (as the audit
// sequencer and the webhook dispatcher do), so every statement names the sink or the
// tenant it works on explicitly; the events read are always the sink's own tenant's.
import { sql, type Kysely } from 'kysely';
import type { Database, SiemSinkKind } from '../db/database.js';
import type { Sealed } from '../crypto/sealed.js';
import { eventFromRow, type AuditEvent } from '../audit/index.js';
import { eventsAfter } from '../audit/audit.repository.js';

type Db = Kysely<Database>;

export interface ClaimedSink {
  id: string;
  tenant_id: string;
  kind: SiemSinkKind;
  endpoint: string;
  headers_sealed: Sealed<string>;
  tls_ca_pem: string | null;
  cursor_seq: number;
  consecutive_failures: number;
}

/**
 * Claims up to `limit` enabled sinks that are due. SKIP LOCKED lets several processes
 * claim at once without waiting; moving next_attempt_at past the batch's time is the
 * lease, so no other process takes the sink while this one sends, and a sink whose
 * process died comes due again by itself.
 */
export async function claimDueSinks(db: Db, limit: number, leaseMs: number): Promise<ClaimedSink[]> {
  const { rows } = await sql<ClaimedSink>`update siem_sinks s
    set next_attempt_at = now() + ${leaseMs} * interval '1 millisecond', last_attempt_at = now()
    from (select id from siem_sinks where enabled and next_attempt_at <= now()
          order by next_attempt_at limit ${limit} for update skip locked) due
    where s.id = due.id
    returning s.id, s.tenant_id, s.kind, s.endpoint, s.headers_sealed, s.tls_ca_pem, s.cursor_seq, s.consecutive_failures`.execute(
    db,
  );
  return rows.map((r) => ({ ...r, cursor_seq: Number(r.cursor_seq) }));
}

/** The sink's tenant's chained events after `afterSeq`, in seq order. */
export async function chainedEventsAfter(
  db: Db,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditEvent[]> {
  return (await eventsAfter(db, tenantId, afterSeq, limit)).map(eventFromRow);
}

/**
 * Acknowledged through `toSeq`: the cursor moves only if it still stands where this
 * process read from (compare-and-set), so two processes never advance one sink twice
 * nor move it back. `nextAttemptAt` renews the lease (more to send) or releases it.
 */
export async function advanceCursor(
  db: Db,
  sinkId: string,
  fromSeq: number,
  toSeq: number,
  nextAttemptAt: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('siem_sinks')
    .set({
      cursor_seq: toSeq,
      last_ack_at: new Date(),
      last_error: null,
      consecutive_failures: 0,
      next_attempt_at: nextAttemptAt,
    })
    .where('id', '=', sinkId)
    .where('cursor_seq', '=', fromSeq)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Nothing new to send: the lease is released (due again on the next round). */
export async function releaseSink(db: Db, sinkId: string, fromSeq: number): Promise<void> {
  await db
    .updateTable('siem_sinks')
    .set({ next_attempt_at: new Date() })
    .where('id', '=', sinkId)
    .where('cursor_seq', '=', fromSeq)
    .execute();
}

/** Not acknowledged: the cursor stays, the sink is due again at `retryAt` (backoff). */
export async function recordFailure(
  db: Db,
  sinkId: string,
  fromSeq: number,
  error: string,
  retryAt: Date,
): Promise<void> {
  await db
    .updateTable('siem_sinks')
    .set((eb) => ({
      last_error: error,
      consecutive_failures: eb('consecutive_failures', '+', 1),
      next_attempt_at: retryAt,
    }))
    .where('id', '=', sinkId)
    .where('cursor_seq', '=', fromSeq)
    .execute();
}

/** Lag of every enabled sink, for /readyz: how many events and seconds the furthest behind is. */
export async function worstLag(db: Db): Promise<{ sinks: number; events: number; seconds: number }> {
  const { rows } = await sql<{ sinks: number; events: number | null; seconds: number | null }>`
    select count(*)::int as sinks,
      max(greatest(coalesce(h.seq, 0) - s.cursor_seq, 0))::int as events,
      max(extract(epoch from now() - e.chained_at))::float8 as seconds
    from siem_sinks s
    left join audit_chain_heads h on h.tenant_id = s.tenant_id
    left join audit_events e on e.tenant_id = s.tenant_id and e.seq = s.cursor_seq + 1
    where s.enabled`.execute(db);
  const r = rows[0];
  return { sinks: r?.sinks ?? 0, events: r?.events ?? 0, seconds: Math.max(0, Math.round(r?.seconds ?? 0)) };
}
