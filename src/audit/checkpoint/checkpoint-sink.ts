// Where signed checkpoints go to be kept out of the attacker's reach. The directory
// sink is write-once at the file level: a checkpoint is written to a temporary file,
// fsynced, then hard-linked to its final name, which fails if the name exists, so
// nothing is ever overwritten or seen half-written. In production the directory
// should sit on storage that enforces this (object lock / WORM bucket, a separate
// host); the sink interface is the seam for such a store.

import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckpointFormatError, parseSignedCheckpoint, type SignedCheckpoint } from './checkpoint.js';

export interface CheckpointSink {
  /** Stores a checkpoint durably; never replaces one already stored. */
  write(checkpoint: SignedCheckpoint): Promise<void>;
  /** Stored checkpoints, by tenant then treeSize; only `tenantId`'s when given. */
  list(tenantId?: string): Promise<SignedCheckpoint[]>;
}

/**
 * Two different checkpoints for one tenant and tree size: either the chain forked or
 * someone is forging checkpoints. Either way a human must look.
 */
export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(
    readonly tenantId: string,
    readonly treeSize: number,
  ) {
    super(`a different checkpoint for tree size ${treeSize} of this tenant is already stored`);
  }
}

const TREE_SIZE_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits
const SUFFIX = '.checkpoint.json';

// File names are <tenant>+<tree size, 16 digits>.checkpoint.json. In the tenant id
// anything but [A-Za-z0-9-] is escaped as _XX per UTF-8 byte, so names are safe on
// any filesystem; '+' sorts below every character an encoded id can hold, so sorted
// names group by tenant in id order, then by tree size.
function encodeTenantId(tenantId: string): string {
  let out = '';
  for (const byte of Buffer.from(tenantId, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9-]/.test(char) ? char : '_' + byte.toString(16).padStart(2, '0');
  }
  return out;
}

export function checkpointFileName(checkpoint: Pick<SignedCheckpoint, 'tenantId' | 'treeSize'>): string {
  return `${encodeTenantId(checkpoint.tenantId)}+${String(checkpoint.treeSize).padStart(TREE_SIZE_DIGITS, '0')}${SUFFIX}`;
}

// Re-issuing the same tree state (a retry, a later issuedAt) is not a conflict.
function sameTreeState(a: SignedCheckpoint, b: SignedCheckpoint): boolean {
  return (
    a.tenantId === b.tenantId && a.treeSize === b.treeSize && a.headHash === b.headHash && a.merkleRoot === b.merkleRoot
  );
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class DirectoryCheckpointSink implements CheckpointSink {
  constructor(readonly dir: string) {}

  async write(checkpoint: SignedCheckpoint): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const finalPath = join(this.dir, checkpointFileName(checkpoint));
    const tempPath = join(this.dir, `.tmp-${randomBytes(8).toString('hex')}`);
    const handle = await open(tempPath, 'wx', 0o444);
    try {
      await handle.writeFile(JSON.stringify(checkpoint) + '\n', 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(tempPath, finalPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = await this.#read(finalPath);
      if (!sameTreeState(existing, checkpoint))
        throw new CheckpointConflictError(checkpoint.tenantId, checkpoint.treeSize);
    } finally {
      await unlink(tempPath);
    }
    await syncDirectory(this.dir);
  }

  async list(tenantId?: string): Promise<SignedCheckpoint[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const prefix = tenantId === undefined ? '' : encodeTenantId(tenantId) + '+';
    const selected = names.filter((name) => name.endsWith(SUFFIX) && name.startsWith(prefix)).sort();
    const checkpoints: SignedCheckpoint[] = [];
    for (const name of selected) checkpoints.push(await this.#read(join(this.dir, name)));
    return checkpoints;
  }

  async #read(path: string): Promise<SignedCheckpoint> {
    const text = await readFile(path, 'utf8');
    try {
      return parseSignedCheckpoint(JSON.parse(text));
    } catch (error) {
      const reason = error instanceof CheckpointFormatError ? error.message : 'not valid JSON';
      throw new CheckpointFormatError(`${path}: ${reason}`);
    }
  }
}
