// The ticket tables' sealed columns, for the re-seal job and key retirement checks
// (src/keys/sealed-tables.ts). Every one is bound to (table, column, row id).
export const ticketsSealing = {
  table: 'tickets',
  columns: ['subject', 'description', 'sealed_fields'],
  resourceType: 'Ticket',
  readAction: 'ticket.read',
  fieldNames: {
    subject: ['ticket.subject'],
    description: ['ticket.description'],
    sealed_fields: ['ticket.customFields', 'ticket.externalRefs'],
  },
} as const;
export const commentsSealing = {
  table: 'ticket_comments',
  columns: ['body'],
  resourceType: 'Comment',
  readAction: 'comment.read',
  fieldNames: { body: ['comment.body'] },
} as const;
// a revision's row id is the revision's own id (an earlier body of a comment)
export const commentRevisionsSealing = {
  table: 'ticket_comment_revisions',
  columns: ['body'],
  resourceType: 'CommentRevision',
  readAction: 'comment.read',
  fieldNames: { body: ['comment.body'] },
} as const;
