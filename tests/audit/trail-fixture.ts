// Helpers for tests of the stored audit trail: drain the inbox through the real
// sequencer, read a chain back as the API does, verify it, and tamper with it the way
// someone with the database owner's credentials could.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { AuditEvent } from '../../src/audit/capture/event.js';
import { sequencePass } from '../../src/audit/chain/sequencer.service.js';
import { eventForVerification, type StoredEventRow } from '../../src/audit/chain/stored-event.js';
import { verifyChain, type VerificationReport } from '../../src/audit/export/verify.js';
import type { SignedCheckpoint } from '../../src/audit/checkpoint/checkpoint.js';

/** Runs the sequencer until the inbox is empty (other sequencers may hold a chain for a moment). */
export async function drainInbox(db: Kysely<Database>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await sequencePass(db);
    const { count } = await db
      .selectFrom('audit_inbox')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count) === 0) return;
    if (Date.now() > until) throw new Error(`audit inbox not drained: ${count} events left`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A tenant's chain as stored, in seq order, read the way the export and verification read it. */
export async function storedChain(db: Kysely<Database>, tenantId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('seq')
    .execute();
  return (rows as unknown as StoredEventRow[]).map(eventForVerification);
}

export async function verifyStored(
  db: Kysely<Database>,
  tenantId: string,
  publicKey: Uint8Array | readonly Uint8Array[],
  checkpoints?: SignedCheckpoint[],
): Promise<VerificationReport> {
  return verifyChain(await storedChain(db, tenantId), { publicKey, checkpoints });
}

/** Runs `fn` as the table owner with the append-only triggers of audit_events off, as an attacker could. */
export async function asAttacker<T>(db: Kysely<Database>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`alter table audit_events disable trigger user`.execute(tx);
    try {
      return await fn(tx);
    } finally {
      await sql`alter table audit_events enable trigger user`.execute(tx);
    }
  });
}

export async function inboxCount(db: Kysely<Database>, tenantId?: string): Promise<number> {
  let q = db.selectFrom('audit_inbox').select((eb) => eb.fn.countAll<string>().as('count'));
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return Number((await q.executeTakeFirstOrThrow()).count);
}
