// The SIEM streamer: every poll it claims the sinks that are due (SKIP LOCKED and a lease,
// so any number of processes share them and none sends a sink's batch while another
// does) and pushes each one's tenant's chained audit events after its cursor, in seq
// order, in batches. At least once: the cursor moves only after the receiver acknowledged
// the batch (compare-and-set on where it started); a refusal, a timeout or a receiver
// that is down leaves it where it was, and the sink is tried again after a backoff. The
// cursor is in the database, so a crash or a restart resumes from it: at worst the batch
// in flight is sent again. Audit events hold no PHI, and their sending is not audited in
// turn: each batch would add events that need sending (the sink row keeps the status).
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Database } from '../db/database.js';
import type { HostLookup, OutboundUrlPolicy } from '../net/url-guard.js';
import type { AuditEvent } from '../audit/index.js';
import { startPeriodicJob, type PeriodicJob } from '../services/periodic-job.js';
import { retryDelayMs } from '../webhooks/webhook-delivery.service.js';
import { exportBatch, type OtlpExportOutcome } from './otlp-export.js';
import { sendSyslogBatch } from './syslog-export.js';
import { headersPlace } from './siem-sinks.sealing.js';
import * as repo from './streamer.repository.js';

export interface StreamerDeps {
  db: Kysely<Database>;
  keyring: Keyring;
  urlPolicy: OutboundUrlPolicy;
  lookup?: HostLookup | undefined;
  /** longest one batch's POST may take, connecting included */
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** events per batch (default 200) */
  batchSize?: number | undefined;
  /** batches one sink sends per claim before others get their turn (default 20) */
  batchesPerClaim?: number | undefined;
}

const SINKS_PER_ROUND = 20;

/** The longest run of events that continues the chain from `cursor` (a gap stops it: nothing is skipped). */
function contiguous(events: readonly AuditEvent[], cursor: number): AuditEvent[] {
  let n = 0;
  while (n < events.length && events[n]!.seq === cursor + 1 + n) n++;
  return events.slice(0, n);
}

type Step = { sent: number; more: boolean } | { error: string };

async function openHeaders(deps: StreamerDeps, sink: repo.ClaimedSink): Promise<Record<string, string>> {
  const crypto = await TenantCrypto.forRead(deps.keyring, sink.tenant_id);
  return JSON.parse(await crypto.open(headersPlace(sink.id), sink.headers_sealed)) as Record<string, string>;
}

/** One batch from `cursor`: sent and acknowledged (the cursor moved), nothing to send, or an error code. */
async function sendBatch(
  deps: StreamerDeps,
  sink: repo.ClaimedSink,
  headers: Record<string, string>,
  cursor: number,
  leaseUntil: Date | undefined,
): Promise<Step> {
  const size = deps.batchSize ?? 200;
  const read = await repo.chainedEventsAfter(deps.db, sink.tenant_id, cursor, size);
  const events = contiguous(read, cursor);
  if (read.length > 0 && events.length === 0) return { error: 'chain_gap' };
  if (events.length === 0) {
    await repo.releaseSink(deps.db, sink.id, cursor);
    return { sent: 0, more: false };
  }
  const options = { policy: deps.urlPolicy, timeoutMs: deps.timeoutMs, lookup: deps.lookup };
  const outcome: OtlpExportOutcome =
    sink.kind === 'syslog_tls'
      ? await sendSyslogBatch({ endpoint: sink.endpoint, caPem: sink.tls_ca_pem }, sink.tenant_id, events, options)
      : await exportBatch({ endpoint: sink.endpoint, headers }, sink.tenant_id, events, options);
  if (!outcome.acknowledged)
    return { error: 'status' in outcome.outcome ? `http_${outcome.outcome.status}` : outcome.outcome.error };
  const more = events.length === size && leaseUntil !== undefined;
  const to = events[events.length - 1]!.seq;
  // false: the lease ran out and another process moved on, or the sink was removed
  const moved = await repo.advanceCursor(deps.db, sink.id, cursor, to, more ? leaseUntil : new Date());
  return { sent: events.length, more: moved && more };
}

/** Serves one claimed sink until it is caught up, fails, or has had its share of batches. */
export async function serveSink(deps: StreamerDeps, sink: repo.ClaimedSink, leaseMs: number): Promise<number> {
  let headers: Record<string, string>;
  try {
    headers = await openHeaders(deps, sink);
  } catch {
    return failed(deps, sink, sink.cursor_seq, 'headers_unreadable', 0);
  }
  const batches = deps.batchesPerClaim ?? 20;
  let cursor = sink.cursor_seq;
  let sent = 0;
  for (let i = 0; i < batches; i++) {
    const lease = i < batches - 1 ? new Date(Date.now() + leaseMs) : undefined;
    const step = await sendBatch(deps, sink, headers, cursor, lease);
    if ('error' in step) return failed(deps, sink, cursor, step.error, sent);
    sent += step.sent;
    cursor += step.sent;
    if (!step.more) return sent;
  }
  return sent;
}

async function failed(
  deps: StreamerDeps,
  sink: repo.ClaimedSink,
  cursor: number,
  error: string,
  sent: number,
): Promise<number> {
  // a batch acknowledged earlier in this claim reset the count (advanceCursor)
  const failures = (sent > 0 ? 0 : sink.consecutive_failures) + 1;
  const retryAt = new Date(Date.now() + retryDelayMs(failures, deps.retryBaseMs, deps.retryMaxMs));
  await repo.recordFailure(deps.db, sink.id, cursor, error, retryAt);
  return sent;
}

/** One round: every due sink (up to a bound) served concurrently; resolves with the events acknowledged. */
export async function streamOnce(deps: StreamerDeps, log?: FastifyBaseLogger): Promise<number> {
  // a batch's time plus a margin: the lease must outlast the send it covers
  const leaseMs = deps.timeoutMs + 5_000;
  const sinks = await repo.claimDueSinks(deps.db, SINKS_PER_ROUND, leaseMs);
  const counts = await Promise.all(
    sinks.map((s) =>
      serveSink(deps, s, leaseMs).catch((err: unknown) => {
        // ids only; the sink comes due again when its lease runs out
        log?.warn({ err, sinkId: s.id }, 'SIEM sink round failed; its lease will expire');
        return 0;
      }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Streams every `pollMs` until stopped. */
export function startSiemStreamer(deps: StreamerDeps & { pollMs: number }, log: FastifyBaseLogger): PeriodicJob {
  return startPeriodicJob(
    () => streamOnce(deps, log),
    deps.pollMs,
    (err) => log.warn({ err }, 'SIEM streamer round failed; retrying next round'),
  );
}

/** The furthest-behind enabled sink, for /readyz details (counts only: no tenant is named). */
export const siemLag = (db: Kysely<Database>) => repo.worstLag(db);
