// Comments in SQL: bodies sealed per (comment, revision); earlier revisions kept.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';
import type { Where } from './tickets.repository.js';

/** Condition fields of the comment policies and their columns (the ticket is joined). */
export const commentPolicyColumns = {
  id: 'ticket_comments.id',
  public: 'ticket_comments.public',
  authorId: 'ticket_comments.author_id',
  ticketAssigneeId: 'tickets.assignee_id',
  ticketGroupId: 'tickets.group_id',
  ticketRequesterId: 'tickets.requester_id',
};

const columns = [
  'ticket_comments.id',
  'ticket_comments.ticket_id',
  'ticket_comments.author_id',
  'ticket_comments.author_kind',
  'ticket_comments.public',
  'ticket_comments.body',
  'ticket_comments.revision',
  'ticket_comments.redacted',
  'ticket_comments.created_at',
  'ticket_comments.updated_at',
  'tickets.assignee_id as ticket_assignee_id',
  'tickets.group_id as ticket_group_id',
  'tickets.requester_id as ticket_requester_id',
] as const;

export function selectComments(tx: Tx) {
  return tx
    .selectFrom('ticket_comments')
    .innerJoin('tickets', 'tickets.id', 'ticket_comments.ticket_id')
    .select(columns)
    .where('tickets.deleted_at', 'is', null);
}

export type CommentRow = Awaited<ReturnType<ReturnType<typeof selectComments>['executeTakeFirstOrThrow']>>;

/** A ticket's comments that `where` allows. */
export function selectTicketComments(tx: Tx, ticketId: string, where: Where) {
  return selectComments(tx).where('ticket_comments.ticket_id', '=', ticketId).where(where);
}

export async function getComment(tx: Tx, id: string, where: Where, opts: { forUpdate?: boolean } = {}) {
  const q = selectComments(tx).where('ticket_comments.id', '=', id).where(where);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Whether a comment with this id exists on a live ticket of the tenant, whoever may see it. */
export async function commentExists(tx: Tx, id: string): Promise<boolean> {
  return (await selectComments(tx).where('ticket_comments.id', '=', id).executeTakeFirst()) !== undefined;
}

// Current bodies are bound to their comment row, earlier bodies to their revision row, so
// the re-seal job (src/keys/sealed-tables.ts) can treat both tables like any other.
const currentPlace = (commentId: string) => ({ table: 'ticket_comments', column: 'body', rowId: commentId });
const revisionPlace = (revisionId: string) => ({
  table: 'ticket_comment_revisions',
  column: 'body',
  rowId: revisionId,
});

export async function openBody(crypto: TenantCrypto, commentId: string, sealed: Sealed<string>): Promise<string> {
  return crypto.open(currentPlace(commentId), sealed);
}

export async function openRevisionBody(
  crypto: TenantCrypto,
  revisionId: string,
  sealed: Sealed<string>,
): Promise<string> {
  return crypto.open(revisionPlace(revisionId), sealed);
}

/**
 * A new comment, its ticket's timeline row and the ticket's own update, all in one
 * statement. Every new comment moves the ticket's updated_at (so `updatedSince` finds
 * tickets with new comments) and so its version (the representation changed); the first
 * public staff reply also stops the first-response clock. Returns the comment as
 * `getComment` would read it.
 */
export async function insertComment(
  tx: Tx,
  crypto: TenantCrypto,
  row: { id: string; tenant_id: string; ticket_id: string; author_id: string; author_kind: string; public: boolean },
  body: string,
  opts: { event: { type: string; changes: Record<string, unknown> }; stopsFirstResponseClock: boolean },
): Promise<CommentRow> {
  const at = new Date();
  return (
    tx
      .with('c', (db) =>
        db
          .insertInto('ticket_comments')
          .values({ ...row, body: crypto.seal(currentPlace(row.id), body), key_version: crypto.activeVersion })
          .returning([
            'id',
            'ticket_id',
            'author_id',
            'author_kind',
            'public',
            'body',
            'revision',
            'redacted',
            'created_at',
            'updated_at',
          ]),
      )
      .with('f', (db) =>
        db
          .updateTable('tickets')
          .set((eb) => ({
            first_responded_at: opts.stopsFirstResponseClock
              ? eb.fn.coalesce('first_responded_at', eb.val(at))
              : eb.ref('first_responded_at'),
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where('id', '=', row.ticket_id),
      )
      .with('e', (db) =>
        db
          .insertInto('ticket_events')
          .columns(['tenant_id', 'ticket_id', 'actor_id', 'type', 'changes'])
          .expression(
            db
              .selectFrom('c')
              .select((eb) => [
                eb.val(row.tenant_id).as('tenant_id'),
                'c.ticket_id',
                eb.val(row.author_id).as('actor_id'),
                eb.val(opts.event.type).as('type'),
                sql<string>`${JSON.stringify(opts.event.changes)}::jsonb`.as('changes'),
              ]),
          ),
      )
      // the ticket columns the comment policies need (unchanged by 'f', which this snapshot does not see)
      .selectFrom('c')
      .innerJoin('tickets', 'tickets.id', 'c.ticket_id')
      .select([
        'c.id',
        'c.ticket_id',
        'c.author_id',
        'c.author_kind',
        'c.public',
        'c.body',
        'c.revision',
        'c.redacted',
        'c.created_at',
        'c.updated_at',
        'tickets.assignee_id as ticket_assignee_id',
        'tickets.group_id as ticket_group_id',
        'tickets.requester_id as ticket_requester_id',
      ])
      .executeTakeFirstOrThrow()
  );
}

/** Keeps the current body as a revision (re-sealed for its own row), then writes the new body. */
export async function reviseComment(
  tx: Tx,
  crypto: TenantCrypto,
  row: CommentRow,
  body: string,
  editedBy: string,
): Promise<void> {
  const current = await tx
    .selectFrom('ticket_comments')
    .select(['body', 'tenant_id'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const previous = await openBody(crypto, row.id, current.body);
  const revisionId = randomUUID();
  await tx
    .insertInto('ticket_comment_revisions')
    .values({
      id: revisionId,
      tenant_id: current.tenant_id,
      comment_id: row.id,
      revision: row.revision,
      body: crypto.seal(revisionPlace(revisionId), previous),
      key_version: crypto.activeVersion,
      edited_by: editedBy,
    })
    .execute();
  await tx
    .updateTable('ticket_comments')
    .set({
      body: crypto.seal(currentPlace(row.id), body),
      key_version: crypto.activeVersion,
      revision: row.revision + 1,
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .execute();
}

export async function revisionsOf(tx: Tx, commentId: string) {
  return tx
    .selectFrom('ticket_comment_revisions')
    .select(['id', 'revision', 'body', 'edited_by', 'created_at'])
    .where('comment_id', '=', commentId)
    .orderBy('revision')
    .execute();
}

/** Redaction rewrites the current body and every revision in place: no copy of the span survives. */
export async function rewriteAllBodies(
  tx: Tx,
  crypto: TenantCrypto,
  commentId: string,
  current: string,
  revisions: Array<{ id: string; body: string }>,
): Promise<void> {
  await tx
    .updateTable('ticket_comments')
    .set({
      body: crypto.seal(currentPlace(commentId), current),
      key_version: crypto.activeVersion,
      redacted: true,
      updated_at: new Date(),
    })
    .where('id', '=', commentId)
    .execute();
  for (const r of revisions) {
    await tx
      .updateTable('ticket_comment_revisions')
      .set({ body: crypto.seal(revisionPlace(r.id), r.body), key_version: crypto.activeVersion })
      .where('id', '=', r.id)
      .execute();
  }
}

/** Which of a ticket's comments `where` lets the caller see (ids only; nothing is opened). */
export async function visibleCommentIds(tx: Tx, ticketId: string, where: Where): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('ticket_comments')
    .innerJoin('tickets', 'tickets.id', 'ticket_comments.ticket_id')
    .select('ticket_comments.id')
    .where('ticket_comments.ticket_id', '=', ticketId)
    .where(where)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function latestCommentsOf(tx: Tx, ticketIds: readonly string[], where: Where) {
  if (ticketIds.length === 0) return [];
  return selectComments(tx)
    .where('ticket_comments.ticket_id', 'in', [...ticketIds])
    .where(where)
    .distinctOn('ticket_comments.ticket_id')
    .orderBy('ticket_comments.ticket_id')
    .orderBy('ticket_comments.created_at', 'desc')
    .orderBy('ticket_comments.id', 'desc')
    .execute();
}
