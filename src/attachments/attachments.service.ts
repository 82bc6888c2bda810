// Attachments' read use cases: metadata (one, or a ticket's list) and the content as a
// stream. The download's audit event is durable before the first byte leaves; the bytes
// are then opened chunk by chunk as the client reads, and a chunk that is missing,
// reordered or altered ends the download with an error, never with a short file.
import { Readable } from 'node:stream';
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { wipe } from '../crypto/sodium.js';
import { notFound } from '../errors.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead, recordCryptoFailure } from '../services/seal-failures.js';
import { checkTicketId, ticketReadWhere } from '../tickets/ticket-access.service.js';
import type { TicketsDeps } from '../tickets/tickets.service.js';
import * as tickets from '../tickets/tickets.repository.js';
import {
  attachmentEvent,
  checkAttachmentId,
  commentReadWhere,
  commentRecord,
  mayReadContent,
  ticketRecord,
} from './attachment-access.service.js';
import type { AttachmentStore } from './pg-attachment-store.js';
import { ChunkOpener } from './attachment-stream.js';
import * as repo from './attachments.repository.js';

export interface AttachmentsDeps extends TicketsDeps {
  store: AttachmentStore;
}

export interface AttachmentView {
  id: string;
  ticketId: string;
  commentId: string | null;
  /** the type the bytes proved at upload */
  contentType: string;
  sizeBytes: number;
  /** null when the caller may not read PHI here */
  filename: string | null;
  masked: boolean;
  createdBy: string;
  createdAt: Date;
}

async function view(crypto: TenantCrypto, row: repo.AttachmentRow, mayRead: boolean): Promise<AttachmentView> {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    commentId: row.comment_id,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    filename: mayRead ? await repo.openFilename(crypto, row.id, row.filename) : null,
    masked: !mayRead,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

async function visibleAttachment(s: Scope, id: string): Promise<repo.AttachmentRow> {
  checkAttachmentId(id);
  const row = await repo.getVisible(s.tx, id, ticketReadWhere(s), commentReadWhere(s));
  if (row) return row;
  // an attachment that is there but not visible is a denied read of its ticket (audited);
  // the caller gets the same 404 either way
  const ticketId = await repo.attachmentTicketId(s.tx, id);
  if (ticketId) await s.notVisible('read', 'Ticket', ticketId, async () => true);
  throw notFound('attachment');
}

/** One attachment's metadata inside a running use case (the upload answers with it). */
export async function getAttachmentIn(s: Scope, crypto: TenantCrypto, id: string): Promise<AttachmentView> {
  const row = await visibleAttachment(s, id);
  return view(crypto, row, mayReadContent(s, row));
}

const readEvent = (s: Scope, row: repo.AttachmentRow, mayRead: boolean) =>
  s.record(attachmentEvent('attachment.read', row, mayRead ? ['attachment.filename'] : []));

export async function getAttachment(deps: AttachmentsDeps, actor: Actor, id: string): Promise<AttachmentView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleAttachment(s, id);
    const mayRead = mayReadContent(s, row);
    readEvent(s, row, mayRead);
    return view(crypto, row, mayRead);
  });
}

export async function listTicketAttachments(
  deps: AttachmentsDeps,
  actor: Actor,
  ticketId: string,
  page: PageRequest,
): Promise<Page<AttachmentView>> {
  checkTicketId(ticketId);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const ticketWhere = ticketReadWhere(s);
    if (!(await tickets.getTicket(s.tx, ticketId, ticketWhere)))
      throw await s.notVisible('read', 'Ticket', ticketId, () => tickets.ticketExists(s.tx, ticketId));
    const query = repo.selectTicketAttachments(s.tx, ticketId, ticketWhere, commentReadWhere(s));
    const result = await paginate(query, 'attachments', page);
    const items: AttachmentView[] = [];
    for (const row of result.items) {
      const mayRead = mayReadContent(s, row);
      readEvent(s, row, mayRead);
      items.push(await view(crypto, row, mayRead));
    }
    return { items, nextCursor: result.nextCursor };
  });
}

export interface AttachmentDownload {
  attachment: AttachmentView;
  /** the plaintext, opened chunk by chunk as it is read; errors if the stored stream is not whole */
  content: Readable;
}

/** Yields the plaintext of each stored chunk in order, then checks that the stream was complete. */
async function* openedChunks(
  deps: AttachmentsDeps,
  actor: Actor,
  row: repo.AttachmentRow,
  key: Buffer,
): AsyncGenerator<Buffer> {
  try {
    const opener = new ChunkOpener(key, row.stream_header, row.id, row.chunk_count);
    for await (const chunk of deps.store.read(actor.tenantId, row.id)) yield opener.open(chunk.index, chunk.sealed);
    opener.finish();
  } catch (e) {
    // the audit trail learns of the failed chunk (its attachment, never a byte) as for any sealed value
    throw await recordCryptoFailure(deps.audit, actor, e);
  } finally {
    wipe(key);
  }
}

export async function downloadAttachment(deps: AttachmentsDeps, actor: Actor, id: string): Promise<AttachmentDownload> {
  const crypto = await cryptoForRead(deps, actor);
  const { row, key, attachment } = await readInTenant(deps, actor, async (s) => {
    const found = await visibleAttachment(s, id);
    const record = found.comment_id ? commentRecord(found) : ticketRecord(found);
    s.assertCan('read_phi', found.comment_id ? 'Comment' : 'Ticket', record);
    s.record(attachmentEvent('attachment.download', found, ['attachment.content', 'attachment.filename']));
    return {
      row: found,
      key: await repo.openStreamKey(crypto, found.id, found.stream_key),
      attachment: await view(crypto, found, true),
    };
  });
  const chunks = openedChunks(deps, actor, row, key);
  // The first chunk is opened before any header is sent, so a stream that is broken from
  // the start (or a missing key) answers with a problem instead of a cut-off 200.
  const first = await chunks.next();
  async function* all(): AsyncGenerator<Buffer> {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  if (first.done) throw notFound('attachment');
  return { attachment, content: Readable.from(all(), { objectMode: false }) };
}
