// Start-up policy for the master key: in development a key file is created on first
// start (loudly); in production the configured key must already exist (config.ts has
// already refused the development key there).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { initSodium } from './sodium.js';
import { LocalFileMasterKeyProvider, loadOrCreateDevMasterKey, type MasterKeyProvider } from './master-key.js';

export async function prepareMasterKey(config: Config, log: Pick<Logger, 'warn' | 'info'>): Promise<MasterKeyProvider> {
  await initSodium();
  if (!config.usesDevMasterKey) return LocalFileMasterKeyProvider.fromFile(config.masterKeyFile);
  const { provider, created } = await loadOrCreateDevMasterKey(config.masterKeyFile);
  const banner = '!!! DEVELOPMENT MASTER KEY: PHI is sealed with a key stored beside the data. Never use it in production; set MASTER_KEY_FILE. !!!';
  if (created) log.warn({ masterKeyFile: config.masterKeyFile }, `created ${banner}`);
  else log.warn({ masterKeyFile: config.masterKeyFile }, banner);
  return provider;
}

/** The master keys kept for unwrapping during a rotation (MASTER_KEY_PREVIOUS_FILES). */
export async function loadPreviousMasterKeys(config: Config): Promise<MasterKeyProvider[]> {
  await initSodium();
  return Promise.all(config.previousMasterKeyFiles.map((file) => LocalFileMasterKeyProvider.fromFile(file)));
}
