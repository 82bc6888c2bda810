// Who may see and add attachments: the same visibility as the ticket (and, for an
// attachment on a comment, as that comment), through the CASL rules of src/policy.
// Shared by the upload and the read use cases.
import type { AuditAction } from '../audit/actions.js';
import { notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { policyWhere } from '../policy/sql.js';
import type { AuditEventInput } from '../services/audit-port.js';
import { can, type Scope } from '../services/scope.js';
import * as comments from '../tickets/comments.repository.js';
import type { AttachmentRow } from './attachments.repository.js';

/** A comment's policy fields (src/policy/ability.ts conditions) from an attachment row's joined columns. */
export const commentRecord = (row: {
  comment_id: string | null;
  comment_public: boolean | null;
  comment_author_id: string | null;
  ticket_assignee_id: string | null;
  ticket_group_id: string | null;
  ticket_requester_id: string | null;
}) => ({
  id: row.comment_id,
  public: row.comment_public,
  authorId: row.comment_author_id,
  ticketAssigneeId: row.ticket_assignee_id,
  ticketGroupId: row.ticket_group_id,
  ticketRequesterId: row.ticket_requester_id,
});

/** The ticket's policy fields from an attachment row's joined columns. */
export const ticketRecord = (row: AttachmentRow) => ({
  id: row.ticket_id,
  assigneeId: row.ticket_assignee_id,
  groupId: row.ticket_group_id,
  requesterId: row.ticket_requester_id,
});

/** The where-clause of the comments the actor may read, or null when they may read none. */
export const commentReadWhere = (s: Scope) => policyWhere(s.ability, 'read', 'Comment', comments.commentPolicyColumns);

/** Whether the actor may see the attachment's content and filename (read_phi on its ticket or comment). */
export function mayReadContent(s: Scope, row: AttachmentRow): boolean {
  return row.comment_id
    ? can(s.ability, 'read_phi', 'Comment', commentRecord(row))
    : can(s.ability, 'read_phi', 'Ticket', ticketRecord(row));
}

/** NOT_FOUND unless `id` could be an attachment id (anything else names nothing). */
export function checkAttachmentId(id: string): void {
  if (!isUuid(id)) throw notFound('attachment');
}

export const attachmentEvent = (
  action: AuditAction,
  row: { id: string; ticket_requester_id: string | null },
  phiFields: readonly string[],
): AuditEventInput => ({
  action,
  resourceType: 'Attachment',
  resourceId: row.id,
  subjectContactId: row.ticket_requester_id ?? undefined,
  phiFields,
  outcome: 'allowed',
});
