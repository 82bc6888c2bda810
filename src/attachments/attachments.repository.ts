// Attachment rows (metadata, the sealed stream key and filename) and the tenant's limits.
// The chunks themselves go through an AttachmentStore (pg-attachment-store.ts).
import type { Tx } from '../db/tenant-tx.js';
import type { Where } from '../db/where.js';
import type { Sealed } from '../crypto/sealed.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';

/** What a tenant without its own row in attachment_settings gets. */
export const defaultLimits: AttachmentLimits = {
  maxBytes: 100 * 1024 * 1024,
  allowedTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/tiff', 'text/plain'],
};

export interface AttachmentLimits {
  maxBytes: number;
  allowedTypes: readonly string[];
}

export async function limitsOf(tx: Tx): Promise<AttachmentLimits> {
  // RLS leaves only the caller's tenant's row
  const row = await tx.selectFrom('attachment_settings').select(['max_bytes', 'allowed_types']).executeTakeFirst();
  return row ? { maxBytes: Number(row.max_bytes), allowedTypes: row.allowed_types } : defaultLimits;
}

const columns = [
  'attachments.id',
  'attachments.ticket_id',
  'attachments.comment_id',
  'attachments.content_type',
  'attachments.size_bytes',
  'attachments.chunk_count',
  'attachments.stream_header',
  'attachments.stream_key',
  'attachments.filename',
  'attachments.created_by',
  'attachments.created_at',
  'tickets.assignee_id as ticket_assignee_id',
  'tickets.group_id as ticket_group_id',
  'tickets.requester_id as ticket_requester_id',
  'ticket_comments.public as comment_public',
  'ticket_comments.author_id as comment_author_id',
] as const;

/**
 * Attachments whose ticket `ticketWhere` allows and, for those on a comment, whose comment
 * `commentWhere` allows (null: the actor sees no comments, so no comment's attachments).
 */
export function selectVisible(tx: Tx, ticketWhere: Where, commentWhere: Where | null) {
  return tx
    .selectFrom('attachments')
    .innerJoin('tickets', 'tickets.id', 'attachments.ticket_id')
    .leftJoin('ticket_comments', 'ticket_comments.id', 'attachments.comment_id')
    .select(columns)
    .where('tickets.deleted_at', 'is', null)
    .where(ticketWhere)
    .where((eb) =>
      commentWhere
        ? eb.or([eb('attachments.comment_id', 'is', null), commentWhere(eb)])
        : eb('attachments.comment_id', 'is', null),
    );
}

export type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectVisible>['executeTakeFirstOrThrow']>>;

export const selectTicketAttachments = (tx: Tx, ticketId: string, ticketWhere: Where, commentWhere: Where | null) =>
  selectVisible(tx, ticketWhere, commentWhere).where('attachments.ticket_id', '=', ticketId);

export async function getVisible(tx: Tx, id: string, ticketWhere: Where, commentWhere: Where | null) {
  return selectVisible(tx, ticketWhere, commentWhere).where('attachments.id', '=', id).executeTakeFirst();
}

/** The ticket of an attachment of the tenant, whoever may see it (RLS still holds); undefined if none. */
export async function attachmentTicketId(tx: Tx, id: string): Promise<string | undefined> {
  const row = await tx.selectFrom('attachments').select('ticket_id').where('id', '=', id).executeTakeFirst();
  return row?.ticket_id;
}

const place = (id: string, column: 'filename' | 'stream_key') => ({ table: 'attachments', column, rowId: id });

export interface NewAttachment {
  id: string;
  tenantId: string;
  ticketId: string;
  commentId: string | null;
  contentType: string;
  chunkBytes: number;
  streamHeader: Buffer;
  /** the secretstream key, base64: sealed here under the tenant's active data key */
  streamKey: string;
  filename: string;
  createdBy: string;
}

/** The row goes in first (chunks reference it) with a size of 0, completed by finishAttachment. */
export async function insertAttachment(tx: Tx, crypto: TenantCrypto, a: NewAttachment): Promise<void> {
  await tx
    .insertInto('attachments')
    .values({
      id: a.id,
      tenant_id: a.tenantId,
      ticket_id: a.ticketId,
      comment_id: a.commentId,
      content_type: a.contentType,
      size_bytes: 0,
      chunk_count: 0,
      chunk_bytes: a.chunkBytes,
      stream_header: a.streamHeader,
      stream_key: crypto.seal(place(a.id, 'stream_key'), a.streamKey),
      filename: crypto.seal(place(a.id, 'filename'), a.filename),
      key_version: crypto.activeVersion,
      created_by: a.createdBy,
    })
    .execute();
}

export async function finishAttachment(tx: Tx, id: string, sizeBytes: number, chunkCount: number): Promise<void> {
  await tx
    .updateTable('attachments')
    .set({ size_bytes: sizeBytes, chunk_count: chunkCount })
    .where('id', '=', id)
    .execute();
}

export const openFilename = (crypto: TenantCrypto, id: string, sealed: Sealed<string>) =>
  crypto.open(place(id, 'filename'), sealed);

export const openStreamKey = async (crypto: TenantCrypto, id: string, sealed: Sealed<string>) =>
  Buffer.from(await crypto.open(place(id, 'stream_key'), sealed), 'base64');
