// A public reply a supervisor released from the disclosure hold queue (src/disclosure/
// held-replies.service.ts) becomes a comment here: the same insert, timeline entry, audit
// event and announcement (so webhook) as a reply written by addComment, with the held
// reply's id and author, in the releasing supervisor's transaction.
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import { announceChange } from '../services/announce.service.js';
import { can, type Scope } from '../services/scope.js';
import * as comments from './comments.repository.js';
import { commentEvent, presentWithoutOpening, record, type CommentView } from './comments.service.js';
import * as tickets from './tickets.repository.js';
import { ticketReadWhere } from './ticket-access.service.js';

/**
 * Writes a public reply a supervisor released from the hold queue (src/disclosure), in the
 * caller's transaction: the same insert, timeline entry, audit event and announcement as
 * addComment, with the held reply's id and author.
 */
export async function storeReleasedReply(
  s: Scope,
  crypto: TenantCrypto,
  held: { id: string; ticketId: string; authorId: string; authorKind: string; body: string },
): Promise<CommentView> {
  const ticket = await tickets.getTicket(s.tx, held.ticketId, ticketReadWhere(s), { forUpdate: true });
  if (!ticket) throw notFound('ticket');
  if (ticket.status === 'closed')
    throw new AppError('UNPROCESSABLE', 'The ticket was closed while the reply was held; it takes no more comments.', [
      { pointer: '/status', detail: 'the ticket is closed' },
    ]);
  const row = await comments.insertComment(
    s.tx,
    crypto,
    {
      id: held.id,
      tenant_id: s.actor.tenantId,
      ticket_id: held.ticketId,
      author_id: held.authorId,
      author_kind: held.authorKind,
      public: true,
    },
    held.body,
    // only desk replies are held (the patient's own reply is theirs to send)
    { event: { type: 'reply_added', changes: { commentId: held.id } }, stopsFirstResponseClock: true },
  );
  s.record(commentEvent('comment.create', row, true));
  await announceChange(s, 'comment.added', { ticketId: held.ticketId, commentId: row.id, public: true });
  const mayRead = can(s.ability, 'read_phi', 'Comment', record(row), 'body');
  return { ...(await presentWithoutOpening(row)), body: mayRead ? held.body : null, masked: !mayRead };
}
