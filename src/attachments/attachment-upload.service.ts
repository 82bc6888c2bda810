// Uploading an attachment: the body is read in 48 KiB chunks, each sealed into the
// attachment's secretstream and stored as it arrives, so memory holds a chunk or two and
// no plaintext ever reaches the disk. The type is decided by the first bytes and checked
// against the tenant's allowlist before anything is stored; the size is counted as the
// bytes arrive. Everything (row, chunks, audit event) is one transaction: an upload that
// fails for any reason, a cut connection included, leaves no rows.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { wipe } from '../crypto/sodium.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { inTenant, type Scope } from '../services/scope.js';
import { cryptoForWrite } from '../services/seal-failures.js';
import * as comments from '../tickets/comments.repository.js';
import * as tickets from '../tickets/tickets.repository.js';
import { checkTicketId, ticketReadWhere } from '../tickets/ticket-access.service.js';
import { attachmentEvent, commentReadWhere } from './attachment-access.service.js';
import { WRITE_BATCH, type SealedChunk } from './pg-attachment-store.js';
import { CHUNK_BYTES, ChunkSealer, newStreamKey } from './attachment-stream.js';
import * as repo from './attachments.repository.js';
import { getAttachmentIn, type AttachmentsDeps, type AttachmentView } from './attachments.service.js';
import { cleanFilename } from './content-disposition.js';
import { sniffContentType } from './content-sniffing.js';

export interface UploadInput {
  ticketId: string;
  commentId?: string | undefined;
  /** as the caller named it; sealed, never logged */
  filename?: string | undefined;
  /** the media type the caller declared, if any; the bytes decide */
  declaredType?: string | undefined;
  content: AsyncIterable<Uint8Array>;
}

/** A failure reading the body is the caller's (a cut connection, a malformed form), never a 5xx. */
function bodyReadError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than this server accepts.');
  return new AppError('BAD_REQUEST', 'The upload was cut off or is malformed; nothing was stored.', undefined, {
    cause: e,
  });
}

/**
 * The body re-cut into chunks of exactly `size` bytes (the last one shorter, possibly
 * empty), assembled in two buffers used in turn: a chunk stays valid until the one after
 * the next is read, which is all the look-ahead of sealAndStore needs. Plaintext thus lives
 * in two buffers (wiped after each seal and at the end) instead of a fresh allocation per chunk.
 */
async function* fixedChunks(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  const buffers = [Buffer.alloc(size), Buffer.alloc(size)];
  let current = 0;
  let filled = 0;
  const pieces = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await pieces.next();
      } catch (e) {
        throw bodyReadError(e);
      }
      if (next.done) break;
      const piece = next.value;
      for (let at = 0; at < piece.byteLength;) {
        const n = Math.min(size - filled, piece.byteLength - at);
        buffers[current]!.set(piece.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === size) {
          yield buffers[current]!;
          current = 1 - current;
          filled = 0;
        }
      }
    }
    // the tail is a copy: the generator's end (which wipes both buffers) comes before it is sealed
    yield Buffer.from(buffers[current]!.subarray(0, filled));
  } finally {
    for (const b of buffers) wipe(b);
  }
}

const refusedType = (message: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ pointer: '/content', detail: 'type not accepted by this desk' }]);

/** The type the bytes prove, if the tenant accepts it and it agrees with what was declared. */
function acceptedType(head: Uint8Array, declared: string | undefined, limits: repo.AttachmentLimits): string {
  const detected = sniffContentType(head);
  if (!detected || !limits.allowedTypes.includes(detected))
    throw refusedType('The file is of a type this desk does not accept.');
  if (declared && declared !== 'application/octet-stream' && declared !== detected)
    throw refusedType('The declared content type does not match the file.');
  return detected;
}

/** What may attach here: ticket attachments need update on the ticket; comment ones, the comment's author or an editor. */
async function authorise(s: Scope, input: UploadInput): Promise<tickets.TicketRow> {
  checkTicketId(input.ticketId);
  const ticket = await tickets.getTicket(s.tx, input.ticketId, ticketReadWhere(s), { forUpdate: true });
  if (!ticket)
    throw await s.notVisible('read', 'Ticket', input.ticketId, () => tickets.ticketExists(s.tx, input.ticketId));
  const onTicket = {
    ticketAssigneeId: ticket.assignee_id,
    ticketGroupId: ticket.group_id,
    ticketRequesterId: ticket.requester_id,
  };
  if (input.commentId === undefined) {
    s.assertCan('update', 'Ticket', {
      id: ticket.id,
      assigneeId: ticket.assignee_id,
      groupId: ticket.group_id,
      requesterId: ticket.requester_id,
    });
    return ticket;
  }
  const commentId = input.commentId;
  const where = commentReadWhere(s);
  const comment = isUuid(commentId) && where ? await comments.getComment(s.tx, commentId, where) : undefined;
  if (!comment || comment.ticket_id !== ticket.id) throw notFound('comment');
  const onComment = { ...onTicket, id: comment.id, public: comment.public, authorId: comment.author_id };
  // the author adds files as they could have added the comment; anyone else needs to be able to edit it
  if (comment.author_id === s.actor.id) s.assertCan('create', 'Comment', onComment);
  else s.assertCan('update', 'Comment', onComment);
  return ticket;
}

/**
 * Seals `first` and the chunks after it in order, the last one with the final tag (one
 * chunk of look-ahead tells which is last), counting the size against `maxBytes`, and
 * hands them to `store` a batch at a time. Returns the size in bytes.
 */
async function sealAndStore(
  store: (batch: SealedChunk[]) => Promise<void>,
  sealer: ChunkSealer,
  first: Buffer,
  rest: AsyncGenerator<Buffer>,
  maxBytes: number,
): Promise<number> {
  let size = 0;
  let batch: SealedChunk[] = [];
  let pending = first;
  for (let next = await rest.next(); ; next = await rest.next()) {
    const last = next.done === true || next.value.length === 0;
    size += pending.length;
    if (size > maxBytes)
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than this desk accepts (${maxBytes} bytes).`);
    batch.push(sealer.seal(pending, last));
    wipe(pending);
    if (batch.length === WRITE_BATCH || last) {
      await store(batch);
      batch = [];
    }
    if (last) return size;
    pending = next.value as Buffer;
  }
}

export async function uploadAttachment(
  deps: AttachmentsDeps,
  actor: Actor,
  input: UploadInput,
): Promise<AttachmentView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const ticket = await authorise(s, input);
    const limits = await repo.limitsOf(s.tx);
    const id = randomUUID();
    const key = newStreamKey();
    const chunks = fixedChunks(input.content, CHUNK_BYTES);
    try {
      const sealer = new ChunkSealer(key, id);
      const pending = (await chunks.next()).value as Buffer;
      if (pending.length === 0)
        throw new AppError('VALIDATION_FAILED', 'The file is empty.', [{ pointer: '/content', detail: 'is empty' }]);
      await repo.insertAttachment(s.tx, crypto, {
        id,
        tenantId: actor.tenantId,
        ticketId: ticket.id,
        commentId: input.commentId ?? null,
        contentType: acceptedType(pending, input.declaredType, limits),
        chunkBytes: CHUNK_BYTES,
        streamHeader: sealer.header,
        streamKey: Buffer.from(key).toString('base64'),
        filename: cleanFilename(input.filename ?? '') ?? 'attachment',
        createdBy: actor.id,
      });
      const size = await sealAndStore(
        (batch) => deps.store.put(s.tx, actor.tenantId, id, batch),
        sealer,
        pending,
        chunks,
        limits.maxBytes,
      );
      await repo.finishAttachment(s.tx, id, size, sealer.count);
      s.record(attachmentEvent('attachment.create', { id, ticket_requester_id: ticket.requester_id }, phiWritten));
      return getAttachmentIn(s, crypto, id);
    } finally {
      wipe(key);
      await chunks.return(undefined); // wipes the chunk buffers
    }
  });
}

const phiWritten = ['attachment.content', 'attachment.filename'];
