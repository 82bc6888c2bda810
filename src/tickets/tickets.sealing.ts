// The ticket tables' sealed columns, for the re-seal job and key retirement checks
// (src/keys/sealed-tables.ts). Every one is bound to (table, column, row id).
export const ticketsSealing = { table: 'tickets', columns: ['subject', 'description', 'sealed_fields'] } as const;
export const commentsSealing = { table: 'ticket_comments', columns: ['body'] } as const;
export const commentRevisionsSealing = { table: 'ticket_comment_revisions', columns: ['body'] } as const;
