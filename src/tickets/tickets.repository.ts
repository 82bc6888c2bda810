// Tickets in SQL. PHI (subject, description, and one sealed JSON of PHI custom fields and
// EHR references) goes in and out only through TenantCrypto, bound to (table, column, row).
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';
import type { TicketChannel, TicketPriority, TicketStatus, TicketType } from '../db/database.js';
import { AppError } from '../errors.js';
import type { TicketPhi } from './tickets.model.js';

const TABLE = 'tickets';
export type Where = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/** Condition fields used by the ticket policies (src/policy/ability.ts) and their columns. */
export const ticketPolicyColumns = { id: 'tickets.id', assigneeId: 'tickets.assignee_id', groupId: 'tickets.group_id', requesterId: 'tickets.requester_id' };

const columns = ['tickets.id', 'tickets.status', 'tickets.priority', 'tickets.type', 'tickets.channel', 'tickets.requester_id', 'tickets.assignee_id',
  'tickets.group_id', 'tickets.tags', 'tickets.custom_fields', 'tickets.version', 'tickets.key_version', 'tickets.first_response_due_at',
  'tickets.resolution_due_at', 'tickets.first_responded_at', 'tickets.solved_at', 'tickets.created_at', 'tickets.updated_at',
  'tickets.subject', 'tickets.description', 'tickets.sealed_fields'] as const;

export function selectTickets(tx: Tx) {
  return tx.selectFrom('tickets').select(columns).where('tickets.deleted_at', 'is', null);
}

export type TicketRow = Awaited<ReturnType<ReturnType<typeof selectTickets>['executeTakeFirstOrThrow']>>;

export async function getTicket(tx: Tx, id: string, where: Where, opts: { forUpdate?: boolean } = {}): Promise<TicketRow | undefined> {
  const q = selectTickets(tx).where('tickets.id', '=', id).where(where);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function getTicketsByIds(tx: Tx, ids: readonly string[], where: Where): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  return selectTickets(tx).where('tickets.id', 'in', [...ids]).where(where).execute();
}

function sealPhi(crypto: TenantCrypto, id: string, phi: TicketPhi) {
  const seal = (column: string, text: string): Sealed<string> => crypto.seal({ table: TABLE, column, rowId: id }, text);
  const extra = Object.keys(phi.phiCustomFields).length > 0 || phi.externalRefs.length > 0
    ? seal('sealed_fields', JSON.stringify({ customFields: phi.phiCustomFields, externalRefs: phi.externalRefs })) : null;
  return {
    subject: seal('subject', phi.subject),
    description: phi.description === null ? null : seal('description', phi.description),
    sealed_fields: extra,
    key_version: crypto.activeVersion,
  };
}

export interface TicketState {
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  channel: TicketChannel;
  requester_id: string | null;
  assignee_id: string | null;
  group_id: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
  first_responded_at: Date | null;
  solved_at: Date | null;
}

export async function insertTicket(tx: Tx, crypto: TenantCrypto, row: { id: string; tenant_id: string; created_by: string } & TicketState, phi: TicketPhi): Promise<TicketRow> {
  return tx.insertInto('tickets').values({ ...row, custom_fields: JSON.stringify(row.custom_fields), ...sealPhi(crypto, row.id, phi) })
    .returning(columns).executeTakeFirstOrThrow();
}

/** Optimistic concurrency: the update applies only to the version that was read. */
export async function updateTicket(tx: Tx, crypto: TenantCrypto, current: TicketRow, state: TicketState, phi: TicketPhi | null): Promise<TicketRow> {
  const result = await tx.updateTable('tickets')
    .set({ ...state, custom_fields: JSON.stringify(state.custom_fields), ...(phi ? sealPhi(crypto, current.id, phi) : {}), version: current.version + 1, updated_at: new Date() })
    .where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('PRECONDITION_FAILED', 'The ticket was changed by someone else; reload it and retry.');
  return (await selectTickets(tx).where('tickets.id', '=', current.id).executeTakeFirstOrThrow());
}

/** Stops the first-response clock once; the ticket's representation changes, so its version does too. */
export async function markFirstResponse(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.updateTable('tickets').set((eb) => ({ first_responded_at: at, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('first_responded_at', 'is', null).execute();
}

export async function softDeleteTicket(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('tickets').set({ deleted_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
}

export async function openTicket(crypto: TenantCrypto, row: TicketRow): Promise<TicketPhi> {
  const open = (column: string, sealed: Sealed<string>) => crypto.open({ table: TABLE, column, rowId: row.id }, sealed);
  const extra = row.sealed_fields ? JSON.parse(await open('sealed_fields', row.sealed_fields)) as { customFields: Record<string, unknown>; externalRefs: TicketPhi['externalRefs'] } : null;
  return {
    subject: await open('subject', row.subject),
    description: row.description ? await open('description', row.description) : null,
    phiCustomFields: extra?.customFields ?? {},
    externalRefs: extra?.externalRefs ?? [],
  };
}

export async function insertTicketEvent(tx: Tx, row: { tenant_id: string; ticket_id: string; actor_id: string; type: string; changes: Record<string, unknown> }): Promise<void> {
  await tx.insertInto('ticket_events').values({ ...row, changes: JSON.stringify(row.changes) }).execute();
}

export function selectTicketEvents(tx: Tx, ticketId: string) {
  return tx.selectFrom('ticket_events').select(['id', 'actor_id', 'type', 'changes', 'created_at']).where('ticket_id', '=', ticketId);
}

export async function findIdempotencyKey(tx: Tx, actorId: string, key: string) {
  return tx.selectFrom('idempotency_keys').select(['operation', 'request_hash', 'resource_id', 'expires_at'])
    .where('actor_id', '=', actorId).where('key', '=', key).where('expires_at', '>', new Date()).executeTakeFirst();
}

/**
 * Claims an Idempotency-Key. Concurrent claims of one key serialise on the primary key:
 * the loser's insert waits for the winner's transaction, then does nothing; it returns false.
 */
export async function claimIdempotencyKey(tx: Tx, row: { tenant_id: string; actor_id: string; key: string; operation: string; request_hash: string; resource_id: string; expires_at: Date }): Promise<boolean> {
  // expired keys of this actor and key are cleared first, so the key can be used again
  await tx.deleteFrom('idempotency_keys').where('actor_id', '=', row.actor_id).where('key', '=', row.key).where('expires_at', '<=', new Date()).execute();
  const inserted = await tx.insertInto('idempotency_keys').values(row).onConflict((oc) => oc.columns(['tenant_id', 'actor_id', 'key']).doNothing()).returning('key').executeTakeFirst();
  return inserted !== undefined;
}

export async function definitionsOf(tx: Tx) {
  return tx.selectFrom('custom_field_definitions').select(['key', 'type', 'options', 'phi']).execute();
}

export async function slaPolicyFor(tx: Tx, priority: TicketPriority) {
  return tx.selectFrom('sla_policies').select(['first_response_minutes', 'resolution_minutes', 'business_hours']).where('priority', '=', priority).executeTakeFirst();
}

/** Which of the referenced rows exist in the tenant (RLS scopes the lookups). */
export async function referencesExist(tx: Tx, refs: { contactId?: string | null; userId?: string | null; groupId?: string | null }): Promise<{ contact: boolean; user: boolean; group: boolean }> {
  const has = async (table: 'contacts' | 'users' | 'groups', id: string | null | undefined, extra?: 'deleted') => {
    if (!id) return true;
    let q = tx.selectFrom(table).select('id').where('id', '=', id);
    if (extra === 'deleted') q = q.where('deleted_at' as never, 'is', null);
    return (await q.executeTakeFirst()) !== undefined;
  };
  return { contact: await has('contacts', refs.contactId, 'deleted'), user: await has('users', refs.userId), group: await has('groups', refs.groupId) };
}
