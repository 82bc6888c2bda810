// Between a chained event and its audit_events row. The row keeps the canonical JSON
// that was hashed (body) plus query columns copied from it. Readers take the event from
// the body, so what a query shows, what an export holds and what verification hashes are
// the hashed bytes themselves. The columns only steer searches; verification checks
// them against the body, so a column edited to hide an access from a search is caught.
//
// An event naming several records (entities, hash form v2) is the exception that keeps
// the trail small: its body is the event's JSON with each entity group's `ids` and
// `contactIds` replaced by their `count`, and the ids themselves live in the entity_ids
// and entity_contact_ids uuid arrays (16 bytes each instead of 38, and what the GIN
// indexes read). Readers splice them back in before anything else sees the event, so the
// arrays are hashed content: dropping one patient from entity_contact_ids changes the
// event the verifier hashes, and it reports hash_mismatch at that seq.
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../../db/database.js';
import { canonicalEventJson, isHashHex } from './event-hash.js';
import { formatExportLine } from '../export/export-line.js';
import type { AuditEvent, AuditEventBody } from '../capture/event.js';
import { findAuditEventProblem } from '../capture/event-validation.js';

/** An audit_events row as read and written (chained_at is the database's own stamp). */
export type StoredEventRow = Omit<Selectable<AuditEventsTable>, 'chained_at'>;

type EntityColumns = Pick<StoredEventRow, 'entity_ids' | 'entity_contact_ids'>;

/** What a row stores for `body`, whose canonical JSON (already built for its hash) is `canonical`. */
export function storedForm(
  body: Omit<AuditEventBody, 'seq'>,
  seq: number,
  canonical: string,
): { body: string } & EntityColumns {
  const groups = body.entities;
  if (groups === undefined || groups === null) return { body: canonical, entity_ids: null, entity_contact_ids: null };
  const ids: string[] = [];
  const contactIds: Array<string | null> = [];
  const skeleton = groups.map((g) => {
    ids.push(...g.ids);
    contactIds.push(...g.contactIds);
    return { action: g.action, type: g.type, phiFields: g.phiFields, count: g.ids.length };
  });
  return {
    body: JSON.stringify({ ...body, seq, entities: skeleton }),
    entity_ids: ids,
    entity_contact_ids: contactIds,
  };
}

/** The stored body with its entity groups' ids spliced back from the columns; undefined when they do not fit. */
function withEntities(value: Record<string, unknown>, row: EntityColumns): unknown {
  const skeleton = value['entities'];
  if (skeleton === undefined || skeleton === null) {
    return row.entity_ids === null && row.entity_contact_ids === null ? value : undefined;
  }
  const ids = row.entity_ids;
  const contactIds = row.entity_contact_ids;
  if (!Array.isArray(skeleton) || ids === null || contactIds === null || ids.length !== contactIds.length)
    return undefined;
  let offset = 0;
  const groups = [];
  for (const group of skeleton as Array<Record<string, unknown>>) {
    const { count, ...rest } = group ?? {};
    if (!Number.isSafeInteger(count) || (count as number) < 1) return undefined;
    const end = offset + (count as number);
    groups.push({ ...rest, ids: ids.slice(offset, end), contactIds: contactIds.slice(offset, end) });
    offset = end;
  }
  return offset === ids.length ? { ...value, entities: groups } : undefined;
}

function parseBody(row: StoredEventRow): AuditEventBody | undefined {
  try {
    const parsed: unknown = JSON.parse(row.body);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const value = withEntities(parsed as Record<string, unknown>, row);
    return findAuditEventProblem(value, false) === null ? (value as AuditEventBody) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The event a row stands for: its hashed body with the stored hashes. A body that no
 * longer parses as an event (tampering) gives an event built from the columns alone,
 * which cannot hash to the stored hash: the verifier reports hash_mismatch at that seq
 * rather than failing to read on.
 */
export function eventFromRow(row: StoredEventRow): AuditEvent {
  const body = parseBody(row) ?? {
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    outcome: 'error',
    phiFields: [],
    actor: { id: row.actor_id, kind: 'anonymous', authMethod: 'none' },
    resource: { type: row.resource_type, id: row.resource_id },
    reasonCode: 'unreadable_body',
  };
  return { ...body, prevHash: row.prev_hash, hash: row.hash };
}

/** Whether the row's query columns say what its hashed body says. */
export function columnsMatch(row: StoredEventRow, event: AuditEvent): boolean {
  return (
    row.tenant_id === event.tenantId &&
    Number(row.seq) === event.seq &&
    row.id === event.id &&
    row.occurred_at.getTime() === Date.parse(event.occurredAt) &&
    row.actor_id === event.actor.id &&
    row.action === event.action &&
    row.resource_type === event.resource.type &&
    row.resource_id === event.resource.id &&
    row.subject_contact_id === (event.subjectContactId ?? null) &&
    row.outcome === event.outcome
  );
}

/**
 * The event as the verifier must see it: when the columns disagree with the body, its
 * stored hash is replaced by one it cannot have, so the walk reports hash_mismatch
 * (content altered) at this seq.
 */
export function eventForVerification(row: StoredEventRow): AuditEvent {
  const event = eventFromRow(row);
  return columnsMatch(row, event)
    ? event
    : { ...event, hash: row.hash === ALTERED ? ALTERED.replace(/^f/, 'e') : ALTERED };
}

const ALTERED = 'f'.repeat(64);

/**
 * One line of an NDJSON export: the export-line form (export-line.ts: the canonical JSON
 * that was hashed, with prevHash and hash appended), what `phidesk audit verify` reads.
 * A row whose stored hashes are not hex (tampering) is still written, as plain JSON, so
 * the verifier reports it rather than the export failing half-way.
 */
export function exportLine(event: AuditEvent): string {
  if (isHashHex(event.prevHash) && isHashHex(event.hash)) return formatExportLine(event) + '\n';
  return (
    canonicalEventJson(event).slice(0, -1) +
    ',"prevHash":' +
    JSON.stringify(event.prevHash) +
    ',"hash":' +
    JSON.stringify(event.hash) +
    '}\n'
  );
}
