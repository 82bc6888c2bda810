// The hold queue's sealed columns: a held reply's body and a rejection's reason, each bound
// to (table, column, row id). Listed in src/keys/sealed-tables.ts so rotation, re-sealing
// and key retirement see them; every write re-seals the whole row under the active version.
export const heldRepliesSealing = {
  table: 'held_replies',
  columns: ['body', 'rejection_reason_sealed'],
  resourceType: 'HeldReply',
  readAction: 'held_reply.read',
  fieldNames: { body: ['held_reply.body'], rejection_reason_sealed: ['held_reply.rejection_reason'] },
} as const;

export type HeldReplyColumn = (typeof heldRepliesSealing)['columns'][number];
export const heldPlace = (column: HeldReplyColumn, rowId: string) => ({
  table: heldRepliesSealing.table,
  column,
  rowId,
});
