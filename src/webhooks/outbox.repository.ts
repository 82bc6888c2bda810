// The outbox in SQL: an event and one delivery per subscribed, enabled endpoint, written
// by ONE statement. In a tenant transaction it travels with the COMMIT (WITH_COMMIT, see
// src/db/scoped-connection.ts), so it costs no round trip and commits or rolls back with
// the change. A tenant without a subscribed endpoint gets no rows at all.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import { WITH_COMMIT } from '../db/scoped-connection.js';
import type { WebhookEventData, WebhookEventType } from './webhook-events.js';

function outboxInsert(tenantId: string, type: WebhookEventType, data: WebhookEventData) {
  // tenant_id is named as well as left to RLS: the dispatcher runs this as the owner
  return sql`with subscribed as (
      select id from webhook_endpoints
      where tenant_id = ${tenantId}::uuid and enabled and ${type}::text = any(event_types)
    ), event as (
      insert into webhook_events (tenant_id, type, payload)
      select ${tenantId}::uuid, ${type}::text, ${JSON.stringify(data)}::jsonb where exists (select 1 from subscribed)
      returning id
    )
    insert into webhook_deliveries (tenant_id, event_id, endpoint_id)
    select ${tenantId}::uuid, event.id, subscribed.id from event cross join subscribed`;
}

/** Inside a tenant transaction: sent with its COMMIT. */
export async function enqueueWithCommit(
  tx: Tx,
  tenantId: string,
  type: WebhookEventType,
  data: WebhookEventData,
): Promise<void> {
  await sql`${sql.raw(WITH_COMMIT)}${outboxInsert(tenantId, type, data)}`.execute(tx);
}

/** Outside a request (the dispatcher, as the owner): one statement of its own. */
export async function enqueueNow(
  db: Kysely<Database>,
  tenantId: string,
  type: WebhookEventType,
  data: WebhookEventData,
): Promise<void> {
  await outboxInsert(tenantId, type, data).execute(db);
}
