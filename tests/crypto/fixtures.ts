// Real keys for crypto tests: master key files in a temporary directory, a
// Keyring over the in-memory store, and a controllable clock.

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMasterKeyFile, type LocalFileMasterKeyProvider } from '../../src/crypto/master-key.js';
import { Keyring } from '../../src/crypto/keyring.js';
import { initSodium } from '../../src/crypto/sodium.js';
import { InMemoryTenantKeyStore } from './in-memory-key-store.js';

export interface CryptoFixture {
  dir: string;
  masterKey: LocalFileMasterKeyProvider;
  store: InMemoryTenantKeyStore;
  keyring: Keyring;
  clock: { now: number };
  newMasterKey(): Promise<LocalFileMasterKeyProvider>;
  cleanup(): Promise<void>;
}

export const CACHE_MAX_AGE_MS = 60_000;

export async function cryptoFixture(): Promise<CryptoFixture> {
  await initSodium();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-crypto-'));
  const masterKey = await createMasterKeyFile(path.join(dir, 'master.key'));
  const store = new InMemoryTenantKeyStore();
  const clock = { now: Date.UTC(2026, 0, 1) };
  const keyring = new Keyring({
    masterKey,
    store,
    cacheMaxAgeMs: CACHE_MAX_AGE_MS,
    clock: () => clock.now,
    evictionGraceMs: 0,
  });
  return {
    dir,
    masterKey,
    store,
    keyring,
    clock,
    newMasterKey: () => createMasterKeyFile(path.join(dir, `master-${randomUUID()}.key`)),
    cleanup: async () => {
      keyring.clear();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function newTenantId(): string {
  return randomUUID();
}
