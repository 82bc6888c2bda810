// The batch loop both verifications share: rows in seq order from the chain, keyset by
// seq, in large batches, each batch fetched while the previous one is being verified
// (the database and the hashing then use both cores), fed to a walker.
import type { AuditEvent } from '../capture/event.js';
import { eventForVerification, type StoredEventRow } from '../chain/stored-event.js';
import type { TenantVerification } from '../export/verify.js';
import type { ExportLineParts } from '../export/export-line.js';
import { verbatimParts, type ChainSlice } from './verbatim.js';

/**
 * A prefetched batch: when the walk stops early (a break, a shutdown), nobody awaits it, and
 * its failure must not become an unhandled rejection; awaited, it still rejects as it should.
 */
function prefetched<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export interface ChainWalker {
  readonly stopped: boolean;
  add(event: AuditEvent): void;
  finish(reachedHead: boolean): TenantVerification;
}

/** Rows with seq in (afterSeq, uptoSeq], in seq order, at most `limit`. */
export type ReadRows = (afterSeq: number, limit: number, uptoSeq: number) => Promise<StoredEventRow[]>;

export interface WalkOptions {
  fromSeq: number;
  /** last seq to read */
  uptoSeq: number;
  batchSize: number;
  /** after each batch, with the rows read so far; may throw to stop the walk */
  onBatch?: (rowsRead: number) => Promise<void> | void;
}

/** Feeds rows (fromSeq, uptoSeq] to `walker`; stops early at the walker's first break. */
export async function walkRows(read: ReadRows, walker: ChainWalker, options: WalkOptions): Promise<number> {
  const { uptoSeq, batchSize } = options;
  let rowsRead = 0;
  let after = options.fromSeq;
  let pending = after < uptoSeq ? prefetched(read(after, batchSize, uptoSeq)) : Promise.resolve([]);
  for (;;) {
    const rows = await pending;
    const last = rows[rows.length - 1];
    const more = rows.length === batchSize && last !== undefined && Number(last.seq) < uptoSeq;
    // prefetch: the next batch is on its way while this one is hashed
    if (more) {
      after = Number(last.seq);
      pending = prefetched(read(after, batchSize, uptoSeq));
    }
    for (const row of rows) walker.add(eventForVerification(row));
    rowsRead += rows.length;
    await options.onBatch?.(rowsRead);
    if (!more || walker.stopped) {
      return rowsRead;
    }
  }
}

export interface VerbatimWalker extends ChainWalker {
  addVerbatim(parts: ExportLineParts): boolean;
}

/** Stored rows as the fast path reads them, with seq in (afterSeq, uptoSeq]. */
export type ReadSlices = (afterSeq: number, limit: number, uptoSeq: number) => Promise<ChainSlice[]>;

/**
 * walkRows with the fast path first: each row is checked from its bytes (verbatim.ts);
 * from the first row of a batch that does not pass, the rest of that batch is re-read and
 * fed through the full path (eventsAfter + eventForVerification), which judges it. The
 * next batch tries the fast path again.
 */
export async function walkVerbatim(
  readSlices: ReadSlices,
  read: ReadRows,
  walker: VerbatimWalker,
  options: WalkOptions,
): Promise<number> {
  const { uptoSeq, batchSize } = options;
  let rowsRead = 0;
  let after = options.fromSeq;
  let pending = after < uptoSeq ? prefetched(readSlices(after, batchSize, uptoSeq)) : Promise.resolve([]);
  for (;;) {
    const slices = await pending;
    const last = slices[slices.length - 1];
    const more = slices.length === batchSize && last !== undefined && Number(last.seq) < uptoSeq;
    if (more) pending = prefetched(readSlices(Number(last.seq), batchSize, uptoSeq));
    let taken = 0;
    for (const slice of slices) {
      const parts = verbatimParts(slice);
      if (parts === undefined || !walker.addVerbatim(parts)) break;
      taken++;
    }
    if (last !== undefined && taken < slices.length) {
      const end = Number(last.seq);
      let from = taken === 0 ? after : Number((slices[taken - 1] as ChainSlice).seq);
      while (from < end) {
        const rows = await read(from, batchSize, end);
        for (const row of rows) walker.add(eventForVerification(row));
        const lastRow = rows[rows.length - 1];
        if (lastRow === undefined || rows.length < batchSize) break;
        from = Number(lastRow.seq);
      }
    }
    rowsRead += slices.length;
    await options.onBatch?.(rowsRead);
    if (!more) return rowsRead;
    after = Number(last.seq);
  }
}
