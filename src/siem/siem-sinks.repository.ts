// SIEM sinks in SQL inside a tenant transaction (RLS scopes every statement), and the
// reads behind a sink's lag: the tenant's chain head and the age of the oldest event the
// receiver has not acknowledged. Headers arrive sealed.
import type { Sealed } from '../crypto/sealed.js';
import type { SiemSinkKind } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import { lastSeq } from '../audit/audit.repository.js';

const sinkColumns = [
  'siem_sinks.id',
  'siem_sinks.kind',
  'siem_sinks.endpoint',
  'siem_sinks.description',
  'siem_sinks.header_names',
  'siem_sinks.tls_ca_pem',
  'siem_sinks.enabled',
  'siem_sinks.cursor_seq',
  'siem_sinks.last_ack_at',
  'siem_sinks.last_attempt_at',
  'siem_sinks.last_error',
  'siem_sinks.consecutive_failures',
  'siem_sinks.next_attempt_at',
  'siem_sinks.created_at',
  'siem_sinks.updated_at',
] as const;

export const selectSinks = (tx: Tx) => tx.selectFrom('siem_sinks').select(sinkColumns);

export async function getSink(tx: Tx, id: string) {
  return selectSinks(tx).where('siem_sinks.id', '=', id).executeTakeFirst();
}

export type SinkRow = NonNullable<Awaited<ReturnType<typeof getSink>>>;

export interface SinkFields {
  endpoint: string;
  description: string | null;
  header_names: string[];
  headers_sealed: Sealed<string>;
  key_version: number;
  tls_ca_pem: string | null;
}

export async function insertSink(
  tx: Tx,
  row: SinkFields & { id: string; tenant_id: string; kind: SiemSinkKind; created_by: string },
): Promise<SinkRow> {
  await tx.insertInto('siem_sinks').values(row).execute();
  return (await getSink(tx, row.id))!;
}

export async function updateSink(
  tx: Tx,
  id: string,
  patch: Partial<SinkFields> & { enabled?: boolean },
): Promise<SinkRow> {
  // a changed endpoint or re-enabled sink is tried at once, its failure count afresh
  const retry =
    patch.endpoint !== undefined || patch.enabled === true || patch.headers_sealed !== undefined
      ? { consecutive_failures: 0, next_attempt_at: new Date() }
      : {};
  await tx
    .updateTable('siem_sinks')
    .set({ ...patch, ...retry, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getSink(tx, id))!;
}

export async function deleteSink(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('siem_sinks').where('id', '=', id).execute();
}

/** The last seq of the tenant's chain (0 when it has none). */
export async function chainHead(tx: Tx, tenantId: string): Promise<number> {
  return lastSeq(tx, tenantId);
}

/** When the first event after `cursor` was chained; undefined when the sink is caught up. */
export async function firstUnsentAt(tx: Tx, tenantId: string, cursor: number): Promise<Date | undefined> {
  const row = await tx
    .selectFrom('audit_events')
    .select('chained_at')
    .where('tenant_id', '=', tenantId)
    .where('seq', '=', cursor + 1)
    .executeTakeFirst();
  return row?.chained_at;
}
