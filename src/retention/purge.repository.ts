// The purge's SQL. It runs as the table owner (the runtime role has no DELETE on these
// tables), so every statement names the tenant itself. Rows are chosen and deleted in
// the same transaction as the holds are checked, under the tenant's retention lock
// (retention.repository.ts), so a hold placed meanwhile is either seen or waits.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../db/tenant-tx.js';

/** The ticket `t` is covered by an active legal hold: itself, its patient, or a query matching it. */
const ticketHeld = (tenantId: string): RawBuilder<SqlBool> => sql<SqlBool>`exists (
  select 1 from legal_holds h
  where h.tenant_id = ${tenantId} and h.released_at is null and (
    (h.kind = 'ticket' and h.ticket_id = t.id)
    or (h.kind = 'contact' and h.contact_id = t.requester_id)
    or (h.kind = 'query'
        and (h.created_from is null or t.created_at >= h.created_from)
        and (h.created_to is null or t.created_at < h.created_to)
        and (h.statuses is null or t.status = any(h.statuses)))))`;

const ids = async (tx: Tx, query: RawBuilder<{ id: string }>): Promise<string[]> =>
  (await query.execute(tx)).rows.map((r) => r.id);

/** Attachments created before `cutoff` on tickets under no hold. */
export function expiredAttachments(tx: Tx, tenantId: string, cutoff: Date, limit: number): Promise<string[]> {
  return ids(
    tx,
    sql<{ id: string }>`select a.id from attachments a join tickets t on t.id = a.ticket_id
      where a.tenant_id = ${tenantId} and t.tenant_id = ${tenantId} and a.created_at < ${cutoff}
        and not ${ticketHeld(tenantId)}
      order by a.id limit ${limit} for update of a`,
  );
}

/** Comments last changed before `cutoff`, on tickets under no hold. */
export function expiredComments(tx: Tx, tenantId: string, cutoff: Date, limit: number): Promise<string[]> {
  return ids(
    tx,
    sql<{ id: string }>`select c.id from ticket_comments c join tickets t on t.id = c.ticket_id
      where c.tenant_id = ${tenantId} and t.tenant_id = ${tenantId} and c.updated_at < ${cutoff}
        and not ${ticketHeld(tenantId)}
      order by c.id limit ${limit} for update of c`,
  );
}

/** Closed tickets last changed (closed) before `cutoff`, under no hold. */
export function expiredTickets(tx: Tx, tenantId: string, cutoff: Date, limit: number): Promise<string[]> {
  return ids(
    tx,
    sql<{ id: string }>`select t.id from tickets t
      where t.tenant_id = ${tenantId} and t.status = 'closed' and t.updated_at < ${cutoff}
        and not ${ticketHeld(tenantId)}
      order by t.id limit ${limit} for update of t`,
  );
}

/**
 * Contacts last changed before `cutoff` that nothing refers to any more: no ticket (their
 * closed tickets go first, by their own retention; an open one keeps its patient), no
 * access or accounting request and no disclosure record (164.528 keeps those six years),
 * and no active hold on the patient.
 */
export function expiredContacts(tx: Tx, tenantId: string, cutoff: Date, limit: number): Promise<string[]> {
  return ids(
    tx,
    sql<{ id: string }>`select c.id from contacts c
      where c.tenant_id = ${tenantId} and c.updated_at < ${cutoff}
        and not exists (select 1 from tickets t where t.requester_id = c.id)
        and not exists (select 1 from access_requests r where r.contact_id = c.id)
        and not exists (select 1 from accounting_requests r where r.contact_id = c.id)
        and not exists (select 1 from disclosures d where d.contact_id = c.id)
        and not exists (select 1 from legal_holds h where h.tenant_id = ${tenantId}
          and h.released_at is null and h.kind = 'contact' and h.contact_id = c.id)
      order by c.id limit ${limit} for update of c`,
  );
}

export interface Removed {
  tickets: string[];
  comments: string[];
  attachments: string[];
  contacts: string[];
  /** rows removed with their records that are not records of their own */
  commentRevisions: number;
  ticketEvents: number;
}

const emptyRemoved = (): Removed => ({
  tickets: [],
  comments: [],
  attachments: [],
  contacts: [],
  commentRevisions: 0,
  ticketEvents: 0,
});

const returnedIds = async (tx: Tx, query: RawBuilder<{ id: string }>) =>
  (await query.execute(tx)).rows.map((r) => r.id);
const affected = async (tx: Tx, query: RawBuilder<unknown>) => Number((await query.execute(tx)).numAffectedRows ?? 0);

/** Attachments go with their sealed chunks (on delete cascade). */
export async function deleteAttachments(tx: Tx, tenantId: string, attachmentIds: string[]): Promise<Removed> {
  const removed = emptyRemoved();
  if (attachmentIds.length === 0) return removed;
  removed.attachments = await returnedIds(
    tx,
    sql`delete from attachments where tenant_id = ${tenantId} and id = any(${attachmentIds}::uuid[]) returning id`,
  );
  return removed;
}

/** Comments, with their attachments and earlier revisions (children first: foreign keys). */
export async function deleteComments(tx: Tx, tenantId: string, commentIds: string[]): Promise<Removed> {
  const removed = emptyRemoved();
  if (commentIds.length === 0) return removed;
  removed.attachments = await returnedIds(
    tx,
    sql`delete from attachments where tenant_id = ${tenantId} and comment_id = any(${commentIds}::uuid[]) returning id`,
  );
  removed.commentRevisions = await affected(
    tx,
    sql`delete from ticket_comment_revisions where tenant_id = ${tenantId} and comment_id = any(${commentIds}::uuid[])`,
  );
  removed.comments = await returnedIds(
    tx,
    sql`delete from ticket_comments where tenant_id = ${tenantId} and id = any(${commentIds}::uuid[]) returning id`,
  );
  return removed;
}

/** Tickets, with everything hanging off them: attachments, comments and revisions, timeline. */
export async function deleteTickets(tx: Tx, tenantId: string, ticketIds: string[]): Promise<Removed> {
  if (ticketIds.length === 0) return emptyRemoved();
  const removed = await deleteAttachmentsOfTickets(tx, tenantId, ticketIds);
  const commentIds = await returnedIds(
    tx,
    sql`select id from ticket_comments where tenant_id = ${tenantId} and ticket_id = any(${ticketIds}::uuid[])`,
  );
  const comments = await deleteComments(tx, tenantId, commentIds);
  removed.comments = comments.comments;
  removed.commentRevisions = comments.commentRevisions;
  removed.ticketEvents = await affected(
    tx,
    sql`delete from ticket_events where tenant_id = ${tenantId} and ticket_id = any(${ticketIds}::uuid[])`,
  );
  removed.tickets = await returnedIds(
    tx,
    sql`delete from tickets where tenant_id = ${tenantId} and id = any(${ticketIds}::uuid[]) returning id`,
  );
  return removed;
}

async function deleteAttachmentsOfTickets(tx: Tx, tenantId: string, ticketIds: string[]): Promise<Removed> {
  const removed = emptyRemoved();
  removed.attachments = await returnedIds(
    tx,
    sql`delete from attachments where tenant_id = ${tenantId} and ticket_id = any(${ticketIds}::uuid[]) returning id`,
  );
  return removed;
}

export async function deleteContacts(tx: Tx, tenantId: string, contactIds: string[]): Promise<Removed> {
  const removed = emptyRemoved();
  if (contactIds.length === 0) return removed;
  removed.contacts = await returnedIds(
    tx,
    sql`delete from contacts where tenant_id = ${tenantId} and id = any(${contactIds}::uuid[]) returning id`,
  );
  return removed;
}
