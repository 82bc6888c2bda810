// Tickets in SQL. PHI (subject, description, and one sealed JSON of PHI custom fields and
// EHR references) goes in and out only through TenantCrypto, bound to (table, column, row).
import { sql, type Expression, type QueryCreator, type SqlBool } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';
import type { BusinessHours, Database, TicketPriority, TicketStatus } from '../db/database.js';
import { AppError } from '../errors.js';
import type { FieldDefinition } from './ticket-rules.js';
import { ticketPhiFields, type TicketMeta, type TicketPhi, type TicketPhiField } from './ticket-view.js';
import type { Where } from '../db/where.js';

const TABLE = 'tickets';
export type { Where };

/** Condition fields used by the ticket policies (src/policy/ability.ts) and their columns. */
export const ticketPolicyColumns = {
  id: 'tickets.id',
  assigneeId: 'tickets.assignee_id',
  groupId: 'tickets.group_id',
  requesterId: 'tickets.requester_id',
};

const columns = [
  'tickets.id',
  'tickets.status',
  'tickets.priority',
  'tickets.type',
  'tickets.channel',
  'tickets.requester_id',
  'tickets.assignee_id',
  'tickets.group_id',
  'tickets.tags',
  'tickets.custom_fields',
  'tickets.version',
  'tickets.key_version',
  'tickets.first_response_due_at',
  'tickets.resolution_due_at',
  'tickets.first_responded_at',
  'tickets.solved_at',
  'tickets.created_at',
  'tickets.updated_at',
  'tickets.subject',
  'tickets.description',
  'tickets.sealed_fields',
] as const;

export function selectTickets(tx: Tx) {
  return tx.selectFrom('tickets').select(columns).where('tickets.deleted_at', 'is', null);
}

export type TicketRow = Awaited<ReturnType<ReturnType<typeof selectTickets>['executeTakeFirstOrThrow']>>;

export async function getTicket(
  tx: Tx,
  id: string,
  where: Where,
  opts: { forUpdate?: boolean } = {},
): Promise<TicketRow | undefined> {
  const q = selectTickets(tx).where('tickets.id', '=', id).where(where);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Whether a live ticket with this id exists in the tenant, whoever may see it (RLS still holds). */
export async function ticketExists(tx: Tx, id: string): Promise<boolean> {
  return (
    (await tx
      .selectFrom('tickets')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

export async function getTicketsByIds(tx: Tx, ids: readonly string[], where: Where): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  return selectTickets(tx)
    .where('tickets.id', 'in', [...ids])
    .where(where)
    .execute();
}

/** No narrowing beyond RLS (the tenant): for rows the caller is already tied to otherwise (an Idempotency-Key record). */
export const anyRowInTenant: Where = () => sql<SqlBool>`true`;

/** What a ticket list is narrowed to; values already validated (checkTicketFilters), the tag normalised. */
export interface TicketFilters {
  status?: TicketStatus[] | undefined;
  priority?: TicketPriority[] | undefined;
  assigneeId?: string | undefined;
  groupId?: string | undefined;
  requesterId?: string | undefined;
  tag?: string | undefined;
  updatedSince?: Date | undefined;
  /** 'breached': a clock already missed; 'at_risk': a running clock due within `withinMinutes` (default 60) */
  sla?: 'breached' | 'at_risk' | undefined;
  withinMinutes?: number | undefined;
}

/** The tickets `where` allows, narrowed by `filters`; unordered (the caller paginates). */
export function selectFilteredTickets(tx: Tx, where: Where, filters: TicketFilters) {
  let q = selectTickets(tx).where(where);
  if (filters.status?.length) q = q.where('tickets.status', 'in', filters.status);
  if (filters.priority?.length) q = q.where('tickets.priority', 'in', filters.priority);
  if (filters.assigneeId) q = q.where('tickets.assignee_id', '=', filters.assigneeId);
  if (filters.groupId) q = q.where('tickets.group_id', '=', filters.groupId);
  if (filters.requesterId) q = q.where('tickets.requester_id', '=', filters.requesterId);
  if (filters.tag) q = q.where(sql<boolean>`${sql.ref('tickets.tags')} @> array[${filters.tag}]::text[]`);
  if (filters.updatedSince) q = q.where('tickets.updated_at', '>=', filters.updatedSince);
  const firstOpen = sql<boolean>`(tickets.first_responded_at is null and tickets.first_response_due_at is not null)`;
  const resolutionOpen = sql<boolean>`(tickets.solved_at is null and tickets.resolution_due_at is not null)`;
  if (filters.sla === 'breached') {
    q =
      q.where(sql<boolean>`((${firstOpen} and tickets.first_response_due_at < now()) or (${resolutionOpen} and tickets.resolution_due_at < now())
      or tickets.first_responded_at > tickets.first_response_due_at or tickets.solved_at > tickets.resolution_due_at)`);
  } else if (filters.sla === 'at_risk') {
    const horizon = sql`now() + make_interval(mins => ${filters.withinMinutes ?? 60})`;
    q = q.where(sql<boolean>`((${firstOpen} and tickets.first_response_due_at between now() and ${horizon})
      or (${resolutionOpen} and tickets.resolution_due_at between now() and ${horizon}))`);
  }
  return q;
}

function sealPhi(crypto: TenantCrypto, id: string, phi: TicketPhi) {
  const seal = (column: string, text: string): Sealed<string> => crypto.seal({ table: TABLE, column, rowId: id }, text);
  const extra =
    Object.keys(phi.phiCustomFields).length > 0 || phi.externalRefs.length > 0
      ? seal('sealed_fields', JSON.stringify({ customFields: phi.phiCustomFields, externalRefs: phi.externalRefs }))
      : null;
  return {
    subject: seal('subject', phi.subject),
    description: phi.description === null ? null : seal('description', phi.description),
    sealed_fields: extra,
    key_version: crypto.activeVersion,
  };
}

/** What a create or update writes besides the PHI: the ticket's non-PHI state. */
export type TicketState = Omit<TicketMeta, 'id' | 'version' | 'created_at' | 'updated_at'>;

/** A timeline row written by the same statement as the ticket change it describes. */
export interface TimelineEvent {
  tenant_id: string;
  actor_id: string;
  type: string;
  changes: Record<string, unknown>;
}

/** The timeline insert as a CTE step: one row per ticket row the statement's 't' step wrote. */
function timelineFrom(db: QueryCreator<Database & { t: TicketRow }>, event: TimelineEvent) {
  return db
    .insertInto('ticket_events')
    .columns(['tenant_id', 'ticket_id', 'actor_id', 'type', 'changes'])
    .expression(
      db
        .selectFrom('t')
        .select((eb) => [
          eb.val(event.tenant_id).as('tenant_id'),
          't.id',
          eb.val(event.actor_id).as('actor_id'),
          eb.val(event.type).as('type'),
          sql<string>`${JSON.stringify(event.changes)}::jsonb`.as('changes'),
        ]),
    );
}

/** Inserts the ticket and its timeline event in one statement (one round trip). */
export async function insertTicket(
  tx: Tx,
  crypto: TenantCrypto,
  row: { id: string; tenant_id: string; created_by: string } & TicketState,
  phi: TicketPhi,
  event: TimelineEvent,
): Promise<TicketRow> {
  return tx
    .with('t', (db) =>
      db
        .insertInto('tickets')
        .values({ ...row, custom_fields: JSON.stringify(row.custom_fields), ...sealPhi(crypto, row.id, phi) })
        .returning(columns),
    )
    .with('e', (db) => timelineFrom(db, event))
    .selectFrom('t')
    .selectAll()
    .executeTakeFirstOrThrow();
}

/**
 * Optimistic concurrency: the update applies only to the version that was read. With an
 * event, the timeline row is written by the same statement, and only if the update applied.
 */
export async function updateTicket(
  tx: Tx,
  crypto: TenantCrypto,
  current: TicketRow,
  state: TicketState,
  phi: TicketPhi | null,
  event: TimelineEvent | null,
): Promise<TicketRow> {
  const update = (db: QueryCreator<Database>) =>
    db
      .updateTable('tickets')
      .set({
        ...state,
        custom_fields: JSON.stringify(state.custom_fields),
        ...(phi ? sealPhi(crypto, current.id, phi) : {}),
        version: current.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .returning(columns);
  const updated = event
    ? await tx
        .with('t', update)
        .with('e', (db) => timelineFrom(db, event))
        .selectFrom('t')
        .selectAll()
        .executeTakeFirst()
    : await update(tx).executeTakeFirst();
  if (!updated)
    throw new AppError('PRECONDITION_FAILED', 'The ticket was changed by someone else; reload it and retry.');
  return updated;
}

export async function softDeleteTicket(tx: Tx, id: string): Promise<void> {
  await tx
    .updateTable('tickets')
    .set({ deleted_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function openTicket(crypto: TenantCrypto, row: TicketRow): Promise<TicketPhi> {
  return (await openTicketFields(crypto, row, ticketPhiFields)) as TicketPhi;
}

/**
 * Opens only the named PHI fields (minimum necessary); the others are not decrypted. PHI
 * custom fields and references share one sealed column: it is opened when either is named,
 * and only the named one is kept.
 */
export async function openTicketFields(
  crypto: TenantCrypto,
  row: TicketRow,
  fields: readonly TicketPhiField[],
): Promise<Partial<TicketPhi>> {
  const open = (column: string, sealed: Sealed<string>) => crypto.open({ table: TABLE, column, rowId: row.id }, sealed);
  const wants = (f: TicketPhiField) => fields.includes(f);
  const extra =
    row.sealed_fields && (wants('customFields') || wants('externalRefs'))
      ? (JSON.parse(await open('sealed_fields', row.sealed_fields)) as {
          customFields: Record<string, unknown>;
          externalRefs: TicketPhi['externalRefs'];
        })
      : null;
  const out: Partial<TicketPhi> = {};
  if (wants('subject')) out.subject = await open('subject', row.subject);
  if (wants('description')) out.description = row.description ? await open('description', row.description) : null;
  if (wants('customFields')) out.phiCustomFields = extra?.customFields ?? {};
  if (wants('externalRefs')) out.externalRefs = extra?.externalRefs ?? [];
  return out;
}

export async function insertTicketEvent(tx: Tx, row: TimelineEvent & { ticket_id: string }): Promise<void> {
  await tx
    .insertInto('ticket_events')
    .values({ ...row, changes: JSON.stringify(row.changes) })
    .execute();
}

/** A ticket's timeline events, oldest first. */
export async function listTicketEvents(tx: Tx, ticketId: string) {
  return tx
    .selectFrom('ticket_events')
    .select(['id', 'actor_id', 'type', 'changes', 'created_at'])
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface SlaPolicy {
  first_response_minutes: number;
  resolution_minutes: number;
  business_hours: BusinessHours | null;
}

export interface WriteContext {
  /** whether each referenced row exists in the tenant (an absent reference counts as found) */
  references: { contact: boolean; user: boolean; group: boolean };
  /** the SLA policy of the asked-for priority; null when none is set (or none was asked for) */
  sla: SlaPolicy | null;
  /** the tenant's custom-field definitions; empty unless asked for */
  definitions: FieldDefinition[];
}

/**
 * Everything a ticket write looks up before it writes, in one statement (one round trip
 * instead of one per lookup). RLS scopes every subquery to the tenant, so a row of another
 * tenant is "not found", exactly as a separate lookup would be.
 */
export async function writeContext(
  tx: Tx,
  want: {
    refs: {
      contactId?: string | null | undefined;
      userId?: string | null | undefined;
      groupId?: string | null | undefined;
    };
    slaPriority?: TicketPriority | undefined;
    definitions?: boolean | undefined;
  },
): Promise<WriteContext> {
  const { contactId, userId, groupId } = want.refs;
  const row = await tx
    .selectNoFrom((eb) => {
      // an absent reference is not looked up at all
      const found = (id: string | null | undefined, q: () => Expression<SqlBool>): Expression<SqlBool> =>
        id ? q() : sql<SqlBool>`true`;
      return [
        sql<boolean>`${found(contactId, () => eb.exists(eb.selectFrom('contacts').select('id').where('id', '=', contactId!).where('deleted_at', 'is', null)))}`.as(
          'contact',
        ),
        sql<boolean>`${found(userId, () => eb.exists(eb.selectFrom('users').select('id').where('id', '=', userId!)))}`.as(
          'user',
        ),
        sql<boolean>`${found(groupId, () => eb.exists(eb.selectFrom('groups').select('id').where('id', '=', groupId!)))}`.as(
          'group',
        ),
        (want.slaPriority
          ? jsonObjectFrom(
              eb
                .selectFrom('sla_policies')
                .select(['first_response_minutes', 'resolution_minutes', 'business_hours'])
                .where('priority', '=', want.slaPriority),
            )
          : sql<SlaPolicy | null>`null`
        ).as('sla'),
        (want.definitions
          ? jsonArrayFrom(eb.selectFrom('custom_field_definitions').select(['key', 'type', 'options', 'phi']))
          : sql<FieldDefinition[]>`'[]'::json`
        ).as('definitions'),
      ];
    })
    .executeTakeFirstOrThrow();
  return {
    references: { contact: row.contact, user: row.user, group: row.group },
    sla: row.sla,
    definitions: row.definitions,
  };
}
