// The Idempotency-Keys of the create use cases (idempotency.service.ts) and their purge
// (idempotency-purge.service.ts): a key per actor, with the request it was first used for.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';

export async function findIdempotencyKey(tx: Tx, actorId: string, key: string) {
  return tx
    .selectFrom('idempotency_keys')
    .select(['operation', 'request_hash', 'resource_id', 'expires_at'])
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

/**
 * Claims an Idempotency-Key, in one statement: a new key is inserted; an expired one is
 * taken over (so a key can be used again after it expires); a live one is left alone and
 * the claim fails. Concurrent claims of one key serialise on the primary key: the loser
 * waits for the winner's transaction, then finds a live key and returns false. (A key
 * taken over keeps its first created_at, which the database stamps on insert only.)
 */
export async function claimIdempotencyKey(
  tx: Tx,
  row: {
    tenant_id: string;
    actor_id: string;
    key: string;
    operation: string;
    request_hash: string;
    resource_id: string;
    expires_at: Date;
  },
): Promise<boolean> {
  const { tenant_id: _tenant, actor_id: _actor, key: _key, ...claim } = row;
  const inserted = await tx
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'actor_id', 'key'])
        .doUpdateSet(claim)
        .where('idempotency_keys.expires_at', '<=', new Date()),
    )
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Deletes Idempotency-Keys that expired before `now` (owner connection: every tenant's). */
export async function deleteExpiredIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
