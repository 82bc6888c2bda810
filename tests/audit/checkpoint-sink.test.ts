import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointFormatError, signCheckpoint } from '../../src/audit/checkpoint/checkpoint.js';
import {
  CheckpointConflictError,
  checkpointFileName,
  DirectoryCheckpointSink,
} from '../../src/audit/checkpoint/checkpoint-sink.js';
import { GENESIS_HASH } from '../../src/audit/capture/event.js';
import { testKey } from './chain-fixture.js';

const hashOf = (n: number): string => n.toString(16).padStart(64, '0');
const checkpoint = (tenantId: string, treeSize: number, variant = 0) =>
  signCheckpoint(
    {
      tenantId,
      treeSize,
      headHash: treeSize === 0 ? GENESIS_HASH : hashOf(treeSize + variant),
      merkleRoot: hashOf(1000 + treeSize + variant),
      issuedAt: `2025-01-06T09:00:0${variant}.000Z`,
    },
    testKey,
  );

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phidesk-checkpoints-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DirectoryCheckpointSink', () => {
  it('lists checkpoints by tenant, then tree size in numeric order', async () => {
    const sink = new DirectoryCheckpointSink(join(dir, 'nested'));
    for (const cp of [
      checkpoint('b', 10),
      checkpoint('a-b', 2),
      checkpoint('b', 9),
      checkpoint('a', 100),
      checkpoint('a', 20),
    ])
      await sink.write(cp);
    const all = await sink.list();
    expect(all.map((cp) => `${cp.tenantId}:${cp.treeSize}`)).toEqual(['a:20', 'a:100', 'a-b:2', 'b:9', 'b:10']);
    expect((await sink.list('a')).map((cp) => cp.treeSize)).toEqual([20, 100]);
    expect((await sink.list('a-b')).map((cp) => cp.treeSize)).toEqual([2]);
    expect(await sink.list('nobody')).toEqual([]);
  });

  it('round-trips checkpoints exactly and leaves no temporary files', async () => {
    const sink = new DirectoryCheckpointSink(dir);
    const written = checkpoint('tenant/with:odd chars', 5);
    await sink.write(written);
    expect(await sink.list()).toEqual([written]);
    const names = await readdir(dir);
    expect(names).toEqual([checkpointFileName(written)]);
    expect(names[0]).toBe('tenant_2fwith_3aodd_20chars+0000000000000005.checkpoint.json');
  });

  it('never overwrites: a retry of the same tree state is accepted, a different one refused', async () => {
    const sink = new DirectoryCheckpointSink(dir);
    const first = checkpoint('t', 7);
    await sink.write(first);
    await sink.write({ ...checkpoint('t', 7), issuedAt: '2025-01-07T00:00:00.000Z' });
    await expect(sink.write(checkpoint('t', 7, 1))).rejects.toBeInstanceOf(CheckpointConflictError);
    expect(await sink.list()).toEqual([first]);
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('returns nothing for a directory that does not exist yet', async () => {
    expect(await new DirectoryCheckpointSink(join(dir, 'missing')).list()).toEqual([]);
  });

  it('reports a damaged checkpoint file instead of skipping it', async () => {
    const sink = new DirectoryCheckpointSink(dir);
    await sink.write(checkpoint('t', 1));
    await writeFile(join(dir, 't+0000000000000002.checkpoint.json'), '{"tenantId":');
    await expect(sink.list()).rejects.toBeInstanceOf(CheckpointFormatError);
    const stored = await readFile(join(dir, checkpointFileName(checkpoint('t', 1))), 'utf8');
    expect(stored.endsWith('\n')).toBe(true);
  });
});
