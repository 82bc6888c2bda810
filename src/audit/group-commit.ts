// Group commit: callers that write at the same time share one INSERT. While one batch
// is in flight, new rows queue; when it finishes, everything queued goes in the next
// batch. Each caller's promise settles when its own rows are durable (or failed).
// `lingerMs` makes a flush that starts from idle wait that long first: each INSERT costs a
// round trip, a plan and a WAL flush, so at moderate load a few milliseconds of waiting
// buys batches several times larger.
export class GroupCommitter<Row> {
  private queue: Array<{ rows: Row[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly insert: (rows: Row[]) => Promise<void>, private readonly maxBatch = 1000, private readonly lingerMs = 0) {}

  write(rows: Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      if (this.lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, this.lingerMs));
      while (this.queue.length > 0) {
        const batch: typeof this.queue = [];
        let size = 0;
        while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0]!.rows.length <= this.maxBatch)) {
          const next = this.queue.shift()!;
          batch.push(next);
          size += next.rows.length;
        }
        try {
          await this.insert(batch.flatMap((b) => b.rows));
          for (const b of batch) b.resolve();
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
