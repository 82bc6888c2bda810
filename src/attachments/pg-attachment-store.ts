// Where sealed chunks live. PostgreSQL by default (attachment_chunks, one row per 48 KiB
// chunk, under the tenant's RLS policy); an object store can implement the same two
// operations (put a chunk, read chunks in order) with a key per chunk. The store only
// ever sees sealed bytes.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { inTenantTx, type Tx } from '../db/tenant-tx.js';

export interface SealedChunk {
  index: number;
  sealed: Buffer;
}

export interface AttachmentStore {
  /** Stores sealed chunks, inside the upload's transaction (so a failed upload leaves nothing). */
  put(tx: Tx, tenantId: string, attachmentId: string, chunks: readonly SealedChunk[]): Promise<void>;
  /** The attachment's sealed chunks in index order, fetched a batch at a time as the reader pulls. */
  read(tenantId: string, attachmentId: string): AsyncIterable<SealedChunk>;
}

/** Chunks written per statement on upload: 8 x 48 KiB, so a round trip carries 384 KiB. */
export const WRITE_BATCH = 8;

/** Chunks fetched per query on download: 8 x 48 KiB = 384 KiB in flight, never the whole file. */
const READ_BATCH = 8;

export class PgAttachmentStore implements AttachmentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async put(tx: Tx, tenantId: string, attachmentId: string, chunks: readonly SealedChunk[]): Promise<void> {
    if (chunks.length === 0) return;
    await tx
      .insertInto('attachment_chunks')
      .values(
        chunks.map((c) => ({ tenant_id: tenantId, attachment_id: attachmentId, index: c.index, sealed: c.sealed })),
      )
      .execute();
  }

  async *read(tenantId: string, attachmentId: string): AsyncIterable<SealedChunk> {
    let next = 0;
    for (;;) {
      // each batch in its own short read-only tenant transaction (RLS holds), so a slow
      // reader never keeps a connection or a snapshot open for the whole download
      const rows = await inTenantTx(
        this.db,
        tenantId,
        (tx) =>
          tx
            .selectFrom('attachment_chunks')
            .select(['index', 'sealed'])
            .where('attachment_id', '=', attachmentId)
            .where('index', '>=', next)
            .orderBy('index')
            .limit(READ_BATCH)
            .execute(),
        { readOnly: true },
      );
      for (const row of rows) yield row;
      if (rows.length < READ_BATCH) return;
      next = rows[rows.length - 1]!.index + 1;
    }
  }
}
