// Comments on tickets: public replies and internal notes (a requester never sees notes),
// bodies sealed, edits keep history, and a privileged role can redact a span for good.
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../audit/actions.js';
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope } from '../services/scope.js';
import { announceChange } from '../services/announce.service.js';
import * as comments from './comments.repository.js';
import * as tickets from './tickets.repository.js';
import { checkTicketId, ticketReadWhere } from './ticket-access.service.js';
import type { TicketsDeps } from './tickets.service.js';
import { claimIdempotencyKey, createdByThisCaller } from './idempotency.service.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import { screenOrHold } from '../disclosure/public-reply-gate.js';
import type { HeldReplyView } from '../disclosure/held-replies.service.js';
import { checkReplyDisclosure, type ReplyDisclosureInput } from '../disclosure/reply-recipients.js';

export interface CommentView {
  id: string;
  ticketId: string;
  authorId: string;
  authorKind: string;
  public: boolean;
  /** null when the caller may not read PHI */
  body: string | null;
  masked: boolean;
  revision: number;
  redacted: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A comment as CASL conditions see it. */
export const record = (row: comments.CommentRow) => ({
  id: row.id,
  public: row.public,
  authorId: row.author_id,
  ticketAssigneeId: row.ticket_assignee_id,
  ticketGroupId: row.ticket_group_id,
  ticketRequesterId: row.ticket_requester_id,
});

export const commentEvent = (
  action: AuditAction,
  row: { id: string; ticket_requester_id: string | null },
  withBody: boolean,
) => ({
  action,
  resourceType: 'Comment',
  resourceId: row.id,
  subjectContactId: row.ticket_requester_id ?? undefined,
  phiFields: withBody ? ['comment.body'] : [],
  outcome: 'allowed' as const,
});

function readWhere(s: Scope) {
  const where = policyWhere(s.ability, 'read', 'Comment', comments.commentPolicyColumns);
  if (!where) throw notFound('comment');
  return where;
}

async function view(
  s: Scope,
  crypto: TenantCrypto,
  row: comments.CommentRow,
  action: AuditAction = 'comment.read',
): Promise<CommentView> {
  const mayRead = can(s.ability, 'read_phi', 'Comment', record(row), 'body');
  s.record(commentEvent(action, row, mayRead));
  return {
    id: row.id,
    ticketId: row.ticket_id,
    authorId: row.author_id,
    authorKind: row.author_kind,
    public: row.public,
    body: mayRead ? await comments.openBody(crypto, row.id, row.body) : null,
    masked: !mayRead,
    revision: row.revision,
    redacted: row.redacted,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type CommentInput = { body: string; public?: boolean | undefined } & ReplyDisclosureInput;

/** A comment written, or (a public reply a disclosure check held) the hold queue's entry. */
export type AddCommentResult =
  | { comment: CommentView; held?: undefined; replayed: boolean; ticketVersion: number }
  | { held: HeldReplyView; comment?: undefined; replayed: false; ticketVersion: number };

export async function addComment(
  deps: TicketsDeps,
  actor: Actor,
  ticketId: string,
  input: CommentInput,
  opts: { idempotencyKey?: string | undefined } = {},
): Promise<AddCommentResult> {
  checkTicketId(ticketId);
  const disclosure = checkReplyDisclosure(input);
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const ticket = await tickets.getTicket(s.tx, ticketId, ticketReadWhere(s), { forUpdate: true });
    if (!ticket) throw await s.notVisible('read', 'Ticket', ticketId, () => tickets.ticketExists(s.tx, ticketId));
    const onTicket = {
      ticketAssigneeId: ticket.assignee_id,
      ticketGroupId: ticket.group_id,
      ticketRequesterId: ticket.requester_id,
    };
    // Whoever may write internal notes here (staff) chooses, defaulting to a note; anyone
    // else (a requester) can only reply publicly, whatever they asked for.
    const mayWriteNote = can(s.ability, 'create', 'Comment', { ...onTicket, public: false });
    const isPublic = mayWriteNote ? (input.public ?? false) : true;
    s.assertCan('create', 'Comment', { ...onTicket, public: isPublic, authorId: actor.id });
    const id = randomUUID();
    // a retried POST (same Idempotency-Key, same ticket and input) gets the first comment back
    const firstId = opts.idempotencyKey
      ? await claimIdempotencyKey(
          s,
          opts.idempotencyKey,
          'comment.create',
          {
            ticketId,
            body: input.body,
            public: input.public ?? null,
            // only when given, so a retry of a reply without them hashes as it always did
            ...(disclosure.recipients.length || disclosure.topic ? disclosure : {}),
          },
          id,
        )
      : undefined;
    if (firstId) {
      // as for tickets: the caller's first comment, even for a writer that may not read comments
      const first = await comments.getComment(s.tx, firstId, createdByThisCaller);
      if (!first) throw notFound('comment');
      // nothing was written this time: the ticket is still at the version read under the lock
      return { comment: await view(s, crypto, first), replayed: true, ticketVersion: ticket.version };
    }
    if (ticket.status === 'closed')
      throw new AppError('UNPROCESSABLE', 'A closed ticket takes no more comments; open a follow-up ticket instead.', [
        { pointer: '/status', detail: 'the ticket is closed' },
      ]);
    if (!input.body.trim())
      throw new AppError('VALIDATION_FAILED', 'A comment needs a body.', [
        { pointer: '/body', detail: 'must not be blank' },
      ]);
    // Only a public reply leaves the desk: it passes the disclosure guard first (notes never do).
    // PHI detection may redact it: what is stored and sent is the guard's body.
    // A held reply goes to the supervisor hold queue instead (src/disclosure): no comment,
    // no timeline entry, no announcement or webhook; the caller learns it is held.
    const screened = isPublic
      ? await screenOrHold(s, crypto, id, {
          ticketId,
          requesterId: ticket.requester_id,
          body: input.body,
          ...disclosure,
        })
      : ({ verdict: 'allow', body: input.body } as const);
    if (screened.verdict === 'held') return { held: screened.held, replayed: false, ticketVersion: ticket.version };
    const body = screened.body;
    // One statement writes the comment and its timeline row, and returns the row as stored
    // (not a disclosure: the caller sent the body). The first public reply by staff also
    // stops the first-response clock.
    const row = await comments.insertComment(
      s.tx,
      crypto,
      {
        id,
        tenant_id: actor.tenantId,
        ticket_id: ticketId,
        author_id: actor.id,
        author_kind: actor.kind,
        public: isPublic,
      },
      body,
      {
        event: { type: isPublic ? 'reply_added' : 'note_added', changes: { commentId: id } },
        // only a reply from the desk's side (someone who could have written a note) counts
        stopsFirstResponseClock: isPublic && mayWriteNote,
      },
    );
    s.record(commentEvent('comment.create', row, true));
    await announceChange(s, 'comment.added', { ticketId, commentId: row.id, public: isPublic });
    const mayRead = can(s.ability, 'read_phi', 'Comment', record(row), 'body');
    return {
      comment: { ...(await presentWithoutOpening(row)), body: mayRead ? body : null, masked: !mayRead },
      replayed: false,
      // insertComment bumped the ticket's version by one, under the row lock taken above: so
      // the caller gets the ticket's new ETag without reading the ticket again
      ticketVersion: ticket.version + 1,
    };
  });
}

export async function presentWithoutOpening(row: comments.CommentRow): Promise<CommentView> {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    authorId: row.author_id,
    authorKind: row.author_kind,
    public: row.public,
    body: null,
    masked: true,
    revision: row.revision,
    redacted: row.redacted,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listComments(
  deps: TicketsDeps,
  actor: Actor,
  ticketId: string,
  page: PageRequest,
): Promise<Page<CommentView>> {
  checkTicketId(ticketId);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const ticket = await tickets.getTicket(s.tx, ticketId, ticketReadWhere(s));
    if (!ticket) throw await s.notVisible('read', 'Ticket', ticketId, () => tickets.ticketExists(s.tx, ticketId));
    const where = policyWhere(s.ability, 'read', 'Comment', comments.commentPolicyColumns);
    if (!where) return { items: [], nextCursor: null };
    const result = await paginate(comments.selectTicketComments(s.tx, ticketId, where), 'ticket_comments', page);
    const items: CommentView[] = [];
    for (const row of result.items) items.push(await view(s, crypto, row));
    return { items, nextCursor: result.nextCursor };
  });
}

/** For GraphQL loaders: the newest visible comment of each ticket, in one query. */
export async function lastComments(
  deps: TicketsDeps,
  actor: Actor,
  ticketIds: readonly string[],
): Promise<Map<string, CommentView>> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Comment', comments.commentPolicyColumns);
    const out = new Map<string, CommentView>();
    if (!where) return out;
    for (const row of await comments.latestCommentsOf(s.tx, ticketIds, where))
      out.set(row.ticket_id, await view(s, crypto, row));
    return out;
  });
}

export async function editComment(
  deps: TicketsDeps,
  actor: Actor,
  commentId: string,
  body: string,
): Promise<CommentView> {
  checkTicketId(commentId);
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await comments.getComment(s.tx, commentId, readWhere(s), { forUpdate: true });
    if (!row) throw await s.notVisible('update', 'Comment', commentId, () => comments.commentExists(s.tx, commentId));
    // the author, or a role that edits anyone's comment (CASL: agents' rules carry authorId)
    s.assertCan('update', 'Comment', record(row));
    if (row.redacted) throw new AppError('CONFLICT', 'A redacted comment cannot be edited.');
    await comments.reviseComment(s.tx, crypto, row, body, actor.id);
    await tickets.insertTicketEvent(s.tx, {
      tenant_id: actor.tenantId,
      ticket_id: row.ticket_id,
      actor_id: actor.id,
      type: 'comment_edited',
      changes: { commentId, revision: row.revision + 1 },
    });
    s.record(commentEvent('comment.update', row, true));
    return view(s, crypto, (await comments.getComment(s.tx, commentId, readWhere(s)))!, 'comment.read');
  });
}

/**
 * Irreversible redaction of every occurrence of `text` in the comment and all its earlier
 * revisions. The span is given in the request body (never a URL) and never logged or audited.
 */
export async function redactComment(
  deps: TicketsDeps,
  actor: Actor,
  commentId: string,
  text: string,
): Promise<CommentView> {
  checkTicketId(commentId);
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await comments.getComment(s.tx, commentId, readWhere(s), { forUpdate: true });
    if (!row) throw await s.notVisible('redact', 'Comment', commentId, () => comments.commentExists(s.tx, commentId));
    s.assertCan('redact', 'Comment', record(row));
    if (text.trim().length === 0)
      throw new AppError('VALIDATION_FAILED', 'Say what to redact.', [
        { pointer: '/text', detail: 'must not be blank' },
      ]);
    const scrub = (body: string) => body.split(text).join('[redacted]');
    const current = await comments.openBody(crypto, row.id, row.body);
    const revisions = await comments.revisionsOf(s.tx, row.id);
    const earlier = [];
    for (const r of revisions) earlier.push({ id: r.id, body: await comments.openRevisionBody(crypto, r.id, r.body) });
    // A span already edited out of the current body still sits in the history: that is
    // exactly what redaction is for, so it counts wherever it occurs.
    if (![current, ...earlier.map((r) => r.body)].some((body) => body.includes(text))) {
      throw new AppError('UNPROCESSABLE', 'The text to redact does not occur in the comment.', [
        { pointer: '/text', detail: 'not found in the comment or its earlier revisions' },
      ]);
    }
    await comments.rewriteAllBodies(
      s.tx,
      crypto,
      row.id,
      scrub(current),
      earlier.map((r) => ({ id: r.id, body: scrub(r.body) })),
    );
    await tickets.insertTicketEvent(s.tx, {
      tenant_id: actor.tenantId,
      ticket_id: row.ticket_id,
      actor_id: actor.id,
      type: 'comment_redacted',
      changes: { commentId },
    });
    s.record({ ...commentEvent('comment.redact', row, true), reasonCode: `revisions:${revisions.length + 1}` });
    return view(s, crypto, (await comments.getComment(s.tx, commentId, readWhere(s)))!, 'comment.read');
  });
}
