// SIEM test kit: the real app with an injectable DNS lookup for the URL guard, a
// loopback OTLP/HTTP receiver that can refuse, go down and come back (the webhook
// receiver, answering as scripted), and readers of what arrived and of the chain itself.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { TestApp } from '../helpers/app.js';
import { startWebhookApp, type AppOptions, type Arrival } from '../webhooks/helpers.js';

export { Receiver, receiverPool, until, webhookEnv } from '../webhooks/helpers.js';

/** The real app as the webhook tests start it, but over exactly the environment given (no webhookEnv). */
export const startSiemApp = (opts: Omit<AppOptions, 'baseEnv'> = {}): Promise<TestApp> =>
  startWebhookApp({ ...opts, baseEnv: {} });

/** One OTLP log record as the receiver saw it: the resource's tenant and the event's chain attributes. */
export interface ReceivedRecord {
  tenantId: string;
  seq: number;
  eventId: string;
  hash: string;
  action: string;
}

type KeyValue = { key: string; value: { stringValue?: string; intValue?: string } };

export function recordsOf(a: Arrival): ReceivedRecord[] {
  const body = JSON.parse(a.body) as {
    resourceLogs: Array<{
      resource: { attributes: KeyValue[] };
      scopeLogs: Array<{ logRecords: Array<{ body: { stringValue: string }; attributes: KeyValue[] }> }>;
    }>;
  };
  const attr = (list: KeyValue[], key: string) => list.find((kv) => kv.key === key)?.value;
  return body.resourceLogs.flatMap((rl) => {
    const tenantId = attr(rl.resource.attributes, 'phidesk.tenant.id')?.stringValue ?? '';
    return rl.scopeLogs.flatMap((sl) =>
      sl.logRecords.map((r) => ({
        tenantId,
        seq: Number(attr(r.attributes, 'phidesk.audit.seq')?.intValue),
        eventId: attr(r.attributes, 'phidesk.audit.event_id')?.stringValue ?? '',
        hash: attr(r.attributes, 'phidesk.audit.hash')?.stringValue ?? '',
        action: r.body.stringValue,
      })),
    );
  });
}

/** Records of the arrivals the receiver acknowledged (2xx), in arrival order. */
export const acknowledged = (arrivals: readonly Arrival[]): ReceivedRecord[] =>
  arrivals.filter((a) => a.answered >= 200 && a.answered < 300).flatMap(recordsOf);

/** The tenant's chain as stored (seq order), and how many of its events are still unchained. */
export async function chainOf(db: Kysely<Database>, tenantId: string) {
  const { rows } = await sql<{ seq: number; id: string; hash: string }>`
    select seq, id, hash from audit_events where tenant_id = ${tenantId} order by seq`.execute(db);
  const { rows: pending } = await sql<{ n: number }>`
    select count(*)::int as n from audit_inbox where tenant_id = ${tenantId}`.execute(db);
  return { events: rows.map((r) => ({ seq: Number(r.seq), eventId: r.id, hash: r.hash })), pending: pending[0]!.n };
}
