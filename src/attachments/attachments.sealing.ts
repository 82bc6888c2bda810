// The attachments table's sealed columns, for the re-seal job, the check before a key
// version is retired (src/keys/sealed-tables.ts) and failure events. The chunks are not
// listed: they are sealed under the attachment's own stream key, which is what the
// tenant key seals (stream_key), so rotating the tenant key re-seals that key, not the file.
// A chunk that fails to open is reported at the attachment's `content`.
export const attachmentsSealing = {
  table: 'attachments',
  columns: ['filename', 'stream_key'],
  resourceType: 'Attachment',
  readAction: 'attachment.read',
  fieldNames: {
    filename: ['attachment.filename'],
    stream_key: ['attachment.content'],
    content: ['attachment.content'],
  },
} as const;
