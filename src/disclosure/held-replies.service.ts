// The supervisor hold queue: a public reply a disclosure check held (tenant setting
// "hold") is stored here sealed instead of becoming a comment: not sent, not visible to
// the requester, no webhook or live change. A supervisor (or privacy officer) lists the
// queue, reads a held reply, and either releases it (it then becomes the public comment
// of the same id, written by the comments service's own insert, as its author wrote it)
// or rejects it with a reason (sealed). Releasing is the supervisor's decision on what the
// checks flagged, so the guard does not run again. Every step is audited.
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { HeldReplyStatus, ReplyTopic } from '../db/tables/disclosure.js';
import { AppError, notFound, type ErrorDetail } from '../errors.js';
import { isUuid } from '../ids.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import type { CommentView } from '../tickets/comments.service.js';
import { storeReleasedReply } from '../tickets/released-reply.service.js';
import type { TicketsDeps } from '../tickets/tickets.service.js';
import { heldPlace } from './held-replies.sealing.js';
import * as repo from './held-replies.repository.js';

export interface HeldReplyView {
  id: string;
  ticketId: string;
  authorId: string;
  recipientContactIds: string[];
  topic: ReplyTopic | null;
  /** what the checks found missing: pointers and fixed phrases, never PHI */
  reasons: { pointer: string; detail: string }[];
  status: HeldReplyStatus;
  /** the held text; null unless the caller may read it (HeldReply read_phi) and asked for one reply */
  body: string | null;
  /** a rejection's reason; same rule as body */
  rejectionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

type Row = repo.HeldReplyRow;

async function present(row: Row, crypto: TenantCrypto | null): Promise<HeldReplyView> {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    authorId: row.author_id,
    recipientContactIds: row.recipient_contact_ids,
    topic: row.topic,
    reasons: row.reasons,
    status: row.status,
    body: crypto ? await crypto.open(heldPlace('body', row.id), row.body) : null,
    rejectionReason:
      crypto && row.rejection_reason_sealed
        ? await crypto.open(heldPlace('rejection_reason_sealed', row.id), row.rejection_reason_sealed)
        : null,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

type HeldAction = 'held_reply.create' | 'held_reply.read' | 'held_reply.release' | 'held_reply.reject';
const event = (action: HeldAction, id: string, phiFields: string[] = [], reasonCode?: string) =>
  ({ action, resourceType: 'HeldReply', resourceId: id, phiFields, reasonCode, outcome: 'allowed' }) as const;

export interface HoldInput {
  id: string;
  ticketId: string;
  requesterId: string | null;
  recipientContactIds: readonly string[];
  topic: ReplyTopic | null;
  body: string;
  reasons: ErrorDetail[];
}

/** Called by the comments service, in its transaction, instead of writing the comment. */
export async function holdPublicReply(s: Scope, crypto: TenantCrypto, input: HoldInput): Promise<HeldReplyView> {
  const reasons = input.reasons.map((e) => ({ pointer: String(e.pointer ?? ''), detail: e.detail }));
  const row = await repo.insertHeldReply(s.tx, {
    id: input.id,
    tenant_id: s.actor.tenantId,
    ticket_id: input.ticketId,
    author_id: s.actor.id,
    author_kind: s.actor.kind,
    recipient_contact_ids: [...input.recipientContactIds],
    topic: input.topic,
    reasons,
    body: crypto.seal(heldPlace('body', input.id), input.body),
    key_version: crypto.activeVersion,
  });
  s.record({
    ...event('held_reply.create', row.id, [], `held:${reasons.map((r) => r.pointer).join(',')}`),
    subjectContactId: input.requesterId ?? undefined,
  });
  return present(row, null);
}

async function visible(s: Scope, id: string, forUpdate = false): Promise<Row> {
  s.assertCan('read', 'HeldReply');
  if (!isUuid(id)) throw notFound('held reply');
  const row = await repo.getHeldReply(s.tx, id, { forUpdate });
  if (!row) throw notFound('held reply');
  return row;
}

export async function listHeldReplies(
  deps: TicketsDeps,
  actor: Actor,
  filter: { status?: HeldReplyStatus | undefined },
  page: PageRequest,
): Promise<Page<HeldReplyView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'HeldReply');
    const result = await paginate(repo.selectHeldReplies(s.tx, filter.status), 'held_replies', page);
    for (const row of result.items) s.record(event('held_reply.read', row.id));
    return { items: await Promise.all(result.items.map((r) => present(r, null))), nextCursor: result.nextCursor };
  });
}

export async function getHeldReply(deps: TicketsDeps, actor: Actor, id: string): Promise<HeldReplyView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visible(s, id);
    const mayRead = can(s.ability, 'read_phi', 'HeldReply');
    s.record(
      event(
        'held_reply.read',
        row.id,
        mayRead ? ['held_reply.body', ...(row.rejection_reason_sealed ? ['held_reply.rejection_reason'] : [])] : [],
      ),
    );
    return present(row, mayRead ? crypto : null);
  });
}

const decided = (row: Row) =>
  new AppError('CONFLICT', `This held reply was already ${row.status}.`, [
    { pointer: '/status', detail: `already ${row.status}` },
  ]);

export async function releaseHeldReply(
  deps: TicketsDeps,
  actor: Actor,
  id: string,
): Promise<{ heldReply: HeldReplyView; comment: CommentView }> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visible(s, id, true);
    s.assertCan('review', 'HeldReply');
    if (row.status !== 'held') throw decided(row);
    const body = await crypto.open(heldPlace('body', row.id), row.body);
    const comment = await storeReleasedReply(s, crypto, {
      id: row.id,
      ticketId: row.ticket_id,
      authorId: row.author_id,
      authorKind: row.author_kind,
      body,
    });
    const updated = await repo.decideHeldReply(s.tx, row.id, { status: 'released', decided_by: actor.id });
    s.record(event('held_reply.release', row.id, [], `comment:${comment.id}`));
    return { heldReply: await present(updated, null), comment };
  });
}

export async function rejectHeldReply(
  deps: TicketsDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<HeldReplyView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visible(s, id, true);
    s.assertCan('review', 'HeldReply');
    if (typeof reason !== 'string' || !reason.trim() || reason.length > 2000)
      throw new AppError('VALIDATION_FAILED', 'Say why the reply is rejected.', [
        { pointer: '/reason', detail: '1..2000 characters, not blank' },
      ]);
    if (row.status !== 'held') throw decided(row);
    // the whole row is re-sealed under the active key version (sealed-tables.ts invariant)
    const body = await crypto.open(heldPlace('body', row.id), row.body);
    const updated = await repo.decideHeldReply(s.tx, row.id, {
      status: 'rejected',
      decided_by: actor.id,
      body: crypto.seal(heldPlace('body', row.id), body),
      rejection_reason_sealed: crypto.seal(heldPlace('rejection_reason_sealed', row.id), reason),
      key_version: crypto.activeVersion,
    });
    s.record(event('held_reply.reject', row.id));
    return present(updated, null);
  });
}
