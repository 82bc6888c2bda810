import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMasterKeyFile,
  loadOrCreateDevMasterKey,
  LocalFileMasterKeyProvider,
} from '../../src/crypto/master-key.js';
import { expectUnsealFailureAsync } from './assertions.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phidesk-master-key-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createMasterKeyFile', () => {
  it('writes one line of base64 of 32 bytes with mode 0600, creating the directory 0700', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'master.key');
    await createMasterKeyFile(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(text.trim(), 'base64')).toHaveLength(32);
    expect((await readdir(path.dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite an existing key', async () => {
    const file = path.join(dir, 'keep.key');
    await createMasterKeyFile(file);
    const before = await readFile(file, 'utf8');
    await expect(createMasterKeyFile(file)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('LocalFileMasterKeyProvider', () => {
  it('derives a stable id from a hash of the key, not the key', async () => {
    const file = path.join(dir, 'id.key');
    const created = await createMasterKeyFile(file);
    const loaded = await LocalFileMasterKeyProvider.fromFile(file);
    expect(loaded.id).toBe(created.id);
    expect(loaded.id).toMatch(/^local:[0-9a-f]{32}$/);
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    expect(loaded.id).not.toContain(key.toString('hex').slice(0, 8));
    expect(loaded.id).not.toContain(key.toString('base64').slice(0, 8));
    expect((await createMasterKeyFile(path.join(dir, 'id2.key'))).id).not.toBe(loaded.id);
  });

  it('refuses a key file that group or others can read, unless told otherwise', async () => {
    const file = path.join(dir, 'loose.key');
    await createMasterKeyFile(file);
    await chmod(file, 0o644);
    await expect(LocalFileMasterKeyProvider.fromFile(file)).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(LocalFileMasterKeyProvider.fromFile(file, { allowGroupOrWorldReadable: true })).resolves.toBeDefined();
  });

  it('refuses a file that is not base64 of 32 bytes', async () => {
    for (const [name, content] of [
      ['short.key', randomBytes(16).toString('base64')],
      ['long.key', randomBytes(48).toString('base64')],
      ['hex.key', randomBytes(32).toString('hex')],
      ['two-lines.key', `${randomBytes(32).toString('base64')}\n${randomBytes(32).toString('base64')}`],
    ] as const) {
      const file = path.join(dir, name);
      await writeFile(file, content, { mode: 0o600 });
      await expect(LocalFileMasterKeyProvider.fromFile(file)).rejects.toMatchObject({ code: 'INTERNAL' });
    }
  });

  it('wraps with a versioned format bound to its context', async () => {
    const provider = await createMasterKeyFile(path.join(dir, 'wrap.key'));
    const tenantKey = new Uint8Array(randomBytes(32));
    const wrapped = await provider.wrap(tenantKey, 'tenant:t1:v1');
    expect(wrapped[0]).toBe(1);
    expect(wrapped[1]).toBe(1);
    expect(wrapped.length).toBe(2 + 24 + 32 + 16);
    expect(await provider.unwrap(wrapped, 'tenant:t1:v1')).toEqual(tenantKey);

    await expectUnsealFailureAsync(() => provider.unwrap(wrapped, 'tenant:t1:v2'), 'key_unwrap_failed');
    await expectUnsealFailureAsync(() => provider.unwrap(wrapped, 'tenant:t2:v1'), 'key_unwrap_failed');
    const other = await createMasterKeyFile(path.join(dir, 'other.key'));
    await expectUnsealFailureAsync(() => other.unwrap(wrapped, 'tenant:t1:v1'), 'key_unwrap_failed');
    const flipped = new Uint8Array(wrapped);
    flipped[40] = (flipped[40] as number) ^ 1;
    await expectUnsealFailureAsync(() => provider.unwrap(flipped, 'tenant:t1:v1'), 'key_unwrap_failed');
  });
});

describe('loadOrCreateDevMasterKey', () => {
  it('creates the key on first use and loads the same key afterwards', async () => {
    const file = path.join(dir, 'dev', 'dev-master.key');
    const first = await loadOrCreateDevMasterKey(file);
    expect(first.created).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateDevMasterKey(file);
    expect(second.created).toBe(false);
    expect(second.provider.id).toBe(first.provider.id);
  });

  it('two processes starting at once end up with one key', async () => {
    const file = path.join(dir, 'race', 'dev-master.key');
    const results = await Promise.all([1, 2, 3].map(() => loadOrCreateDevMasterKey(file)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.provider.id)).size).toBe(1);
  });
});
