// Group commit: callers that write at the same time share one write. While one batch
// is in flight, new rows queue; when it finishes, everything queued goes in the next
// batch. Each caller's promise settles when its own rows are durable (or failed).
//
// A batch has a fixed cost (for the audit chain: a short transaction of a few round
// trips) whatever its size, so under load it pays to wait a moment for more rows: when
// the previous batch ended less than `lingerMs` ago (callers are arriving back to back),
// the next one waits up to `lingerMs` before it starts. An idle system never waits.
//
// One caller's rows must not sink the others' (for the audit chain: one tenant's broken
// chain must not fail every tenant's reads), so when a shared batch fails, each of its
// callers is retried on its own and only those that fail again get the error.
export interface GroupCommitOptions {
  /** most rows in one batch */
  maxBatch?: number;
  /** how long a batch may wait for company when the previous one has just ended; 0: never */
  lingerMs?: number;
}

export class GroupCommitter<Row> {
  private queue: Array<{ rows: Row[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private queued = 0;
  private flushing = false;
  private lastBatchEnded = -Infinity;
  private readonly maxBatch: number;
  private readonly lingerMs: number;

  constructor(
    private readonly insert: (rows: Row[]) => Promise<void>,
    opts: GroupCommitOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 1000;
    this.lingerMs = opts.lingerMs ?? 0;
  }

  write(rows: Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queued += rows.length;
      if (!this.flushing) void this.flush();
    });
  }

  private async linger(): Promise<void> {
    if (this.lingerMs <= 0 || this.queued >= this.maxBatch) return;
    if (performance.now() - this.lastBatchEnded >= this.lingerMs) return;
    await new Promise((r) => setTimeout(r, this.lingerMs));
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        await this.linger();
        const batch: typeof this.queue = [];
        let size = 0;
        while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0]!.rows.length <= this.maxBatch)) {
          const next = this.queue.shift()!;
          batch.push(next);
          size += next.rows.length;
        }
        this.queued -= size;
        try {
          await this.insert(batch.flatMap((b) => b.rows));
          for (const b of batch) b.resolve();
        } catch (e) {
          if (batch.length === 1) batch[0]!.reject(e);
          else for (const b of batch) await this.insert(b.rows).then(b.resolve, b.reject);
        }
        this.lastBatchEnded = performance.now();
      }
    } finally {
      this.flushing = false;
    }
  }
}
