// Access requests (164.524) and their bundles in SQL. Sealed columns are written already
// sealed by the service (patient-rights.sealing.ts); the bundle's link is found by the
// SHA-256 of its token, and used up in the transaction that reads it.
import type { Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';
import { selectContacts } from '../contacts/contacts.repository.js';
import { selectTickets } from '../tickets/tickets.repository.js';
import type { TimingFilter } from './patient-rights.model.js';
import { DUE_SOON_DAYS } from './patient-rights.model.js';

const columns = [
  'access_requests.id',
  'access_requests.contact_id',
  'access_requests.verification_method',
  'access_requests.verification_note_sealed',
  'access_requests.status',
  'access_requests.opened_at',
  'access_requests.due_at',
  'access_requests.extended_at',
  'access_requests.extension_reason_sealed',
  'access_requests.fulfilled_at',
  'access_requests.denied_at',
  'access_requests.denial_ground',
  'access_requests.denial_note_sealed',
  'access_requests.key_version',
  'access_requests.created_at',
  'access_requests.updated_at',
] as const;

/** Requests in the tenant; `timing` narrows to open ones, due soon (at `now`) or overdue; `contactId` to one patient. */
export function selectAccessRequests(
  tx: Tx,
  filter: { timing?: TimingFilter | undefined; contactId?: string | undefined },
  now: Date,
) {
  let q = tx.selectFrom('access_requests').select(columns);
  if (filter.contactId) q = q.where('access_requests.contact_id', '=', filter.contactId);
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 24 * 60 * 60 * 1000);
  switch (filter.timing) {
    case 'open':
      return q.where('access_requests.status', '=', 'open');
    case 'overdue':
      return q.where('access_requests.status', '=', 'open').where('access_requests.due_at', '<', now);
    case 'due_soon':
      return q
        .where('access_requests.status', '=', 'open')
        .where('access_requests.due_at', '>=', now)
        .where('access_requests.due_at', '<', soon);
    default:
      return q;
  }
}

export async function getAccessRequest(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx.selectFrom('access_requests').select(columns).where('access_requests.id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export type AccessRequestRow = NonNullable<Awaited<ReturnType<typeof getAccessRequest>>>;

export async function insertAccessRequest(
  tx: Tx,
  row: {
    id: string;
    tenant_id: string;
    contact_id: string;
    verification_method: string;
    verification_note_sealed: Sealed<string> | null;
    opened_at: Date;
    due_at: Date;
    key_version: number;
    created_by: string;
  },
): Promise<AccessRequestRow> {
  await tx.insertInto('access_requests').values(row).execute();
  return (await getAccessRequest(tx, row.id))!;
}

/** A change of state; sealed columns are rewritten together with key_version (all under one version). */
export async function updateAccessRequest(
  tx: Tx,
  id: string,
  patch: {
    due_at?: Date;
    extended_at?: Date;
    status?: 'fulfilled' | 'denied';
    fulfilled_at?: Date;
    denied_at?: Date;
    denial_ground?: string;
    sealed?: {
      verification_note_sealed: Sealed<string> | null;
      extension_reason_sealed: Sealed<string> | null;
      denial_note_sealed: Sealed<string> | null;
      key_version: number;
    };
  },
): Promise<AccessRequestRow> {
  const { sealed, ...rest } = patch;
  await tx
    .updateTable('access_requests')
    .set({ ...rest, ...(sealed ?? {}), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getAccessRequest(tx, id))!;
}

// ---- the patient's record, for the bundle -----------------------------------------

/** The live contact row (deleted contacts have nothing left to give). */
export async function patientContact(tx: Tx, contactId: string) {
  return selectContacts(tx).where('contacts.id', '=', contactId).executeTakeFirst();
}

/** Every live ticket the patient is the requester of, oldest first. */
export async function patientTickets(tx: Tx, contactId: string) {
  return selectTickets(tx)
    .where('tickets.requester_id', '=', contactId)
    .orderBy('tickets.created_at')
    .orderBy('tickets.id')
    .execute();
}

/** Every comment on those tickets, public and internal, oldest first. */
export async function ticketComments(tx: Tx, ticketIds: readonly string[]) {
  if (ticketIds.length === 0) return [];
  return tx
    .selectFrom('ticket_comments')
    .select([
      'id',
      'ticket_id',
      'author_id',
      'author_kind',
      'public',
      'body',
      'redacted',
      'revision',
      'created_at',
      'updated_at',
    ])
    .where('ticket_id', 'in', [...ticketIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Attachment metadata of those tickets (completed uploads); never the content. */
export async function ticketAttachments(tx: Tx, ticketIds: readonly string[]) {
  if (ticketIds.length === 0) return [];
  return tx
    .selectFrom('attachments')
    .select(['id', 'ticket_id', 'comment_id', 'content_type', 'size_bytes', 'filename', 'created_at'])
    .where('ticket_id', 'in', [...ticketIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// ---- bundles --------------------------------------------------------------------------

export async function insertBundle(
  tx: Tx,
  row: {
    id: string;
    tenant_id: string;
    request_id: string;
    token_hash: Buffer;
    expires_at: Date;
    bundle_sealed: Sealed<string>;
    key_version: number;
  },
): Promise<void> {
  await tx.insertInto('access_request_bundles').values(row).execute();
}

export async function bundleOfRequest(tx: Tx, requestId: string) {
  return tx
    .selectFrom('access_request_bundles')
    .select(['id', 'expires_at', 'downloaded_at'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/**
 * The bundle behind a link still usable at `now` (not downloaded, not expired), locked
 * until the transaction ends, so a concurrent second use waits and then finds nothing.
 */
export async function usableBundle(tx: Tx, tokenHash: Buffer, now: Date) {
  return tx
    .selectFrom('access_request_bundles as b')
    .innerJoin('access_requests as r', 'r.id', 'b.request_id')
    .select(['b.id', 'b.request_id', 'r.contact_id', 'b.bundle_sealed'])
    .where('b.token_hash', '=', tokenHash)
    .where('b.downloaded_at', 'is', null)
    .where('b.expires_at', '>', now)
    .forUpdate('b')
    .executeTakeFirst();
}

/** Uses a link up: marks it downloaded and erases the stored bundle (the patient has it now). */
export async function markDownloaded(tx: Tx, bundleId: string, now: Date): Promise<void> {
  await tx
    .updateTable('access_request_bundles')
    .set({ downloaded_at: now, bundle_sealed: null })
    .where('id', '=', bundleId)
    .execute();
}
