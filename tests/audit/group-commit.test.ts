// Group commit: callers share batches; under load a batch waits briefly for company, an
// idle caller never waits; a failed batch fails exactly its own callers, and in a shared
// batch only the callers whose rows fail on their own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupCommitter } from '../../src/audit/capture/group-commit.js';

/** An insert that takes `ms` (fake time) and records each batch. */
function recorder(ms: number, failOn?: string) {
  const batches: string[][] = [];
  const insert = async (rows: string[]) => {
    batches.push(rows);
    await new Promise((r) => setTimeout(r, ms));
    if (failOn && rows.includes(failOn)) throw new Error('storage down');
  };
  return { batches, insert };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('GroupCommitter', () => {
  it("starts an idle caller's batch at once, without lingering", async () => {
    const { batches, insert } = recorder(5);
    const committer = new GroupCommitter(insert, { lingerMs: 50 });
    const done = committer.write(['a']);
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([['a']]);
    await vi.advanceTimersByTimeAsync(5);
    await done;
  });

  it('under load, lets the next batch wait for company and then writes it as one', async () => {
    const { batches, insert } = recorder(5);
    const committer = new GroupCommitter(insert, { lingerMs: 50 });
    const first = committer.write(['a']);
    await vi.advanceTimersByTimeAsync(1);
    const second = committer.write(['b']); // arrives while the first batch is in flight
    await vi.advanceTimersByTimeAsync(4); // the first batch ends; the next one lingers
    expect(batches).toEqual([['a']]);
    await first;
    await vi.advanceTimersByTimeAsync(20);
    const third = committer.write(['c', 'd']); // arrives during the linger
    await vi.advanceTimersByTimeAsync(30);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    await vi.advanceTimersByTimeAsync(5);
    await Promise.all([second, third]);
  });

  it('never lingers past the largest batch, and fails only the callers of the failed batch', async () => {
    const { batches, insert } = recorder(5, 'bad');
    const committer = new GroupCommitter(insert, { lingerMs: 50, maxBatch: 2 });
    const first = committer.write(['bad']);
    await vi.advanceTimersByTimeAsync(1);
    const second = committer.write(['b', 'c']);
    const outcomes = Promise.allSettled([first, second]);
    await vi.advanceTimersByTimeAsync(10); // full batch: no linger after the first one ends
    expect(batches).toEqual([['bad'], ['b', 'c']]);
    const [a, b] = await outcomes;
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
  });

  it('retries the callers of a failed shared batch one by one: only the one whose rows fail gets the error', async () => {
    const { batches, insert } = recorder(5, 'bad');
    const committer = new GroupCommitter(insert, { lingerMs: 0 });
    const first = committer.write(['a']);
    await vi.advanceTimersByTimeAsync(1);
    // these two share the next batch
    const good = committer.write(['b']);
    const bad = committer.write(['bad']);
    const outcomes = Promise.allSettled([first, good, bad]);
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([['a'], ['b', 'bad'], ['b'], ['bad']]);
    expect((await outcomes).map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });
});
