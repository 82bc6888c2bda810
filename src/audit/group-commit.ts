// Group commit: callers that write at the same time share one INSERT. While one batch
// is in flight, new rows queue; when it finishes, everything queued goes in the next
// batch. Each caller's promise settles when its own rows are durable (or failed).
export class GroupCommitter<Row> {
  private queue: Array<{ rows: Row[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly insert: (rows: Row[]) => Promise<void>, private readonly maxBatch = 1000) {}

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
