// Start-up policy for the master key: in development a key file is created on first
// start (loudly); in production the configured key must already exist (config.ts has
// already refused the development key there). Operator commands pass `create: false`:
// a key they would create could not open anything already sealed, so a missing key
// file is an error that says where it was looked for.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { initSodium } from './sodium.js';
import { errnoCode } from './secret-file.js';
import { LocalFileMasterKeyProvider, loadOrCreateDevMasterKey, type MasterKeyProvider } from './master-key.js';

export interface PrepareMasterKeyOptions {
  /** false: never create the development key (default true, the server's start-up) */
  create?: boolean;
}

const DEV_MASTER_KEY_BANNER =
  '!!! DEVELOPMENT MASTER KEY: PHI is sealed with a key stored beside the data. Never use it in production; set MASTER_KEY_FILE. !!!';

async function readExistingKey(config: Config): Promise<LocalFileMasterKeyProvider> {
  try {
    return await LocalFileMasterKeyProvider.fromFile(config.masterKeyFile);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e;
    throw new Error(
      config.usesDevMasterKey
        ? `there is no development master key at ${config.masterKeyFile}: start the server once (npm start) to create it, point DATA_DIR at the server's data, or set MASTER_KEY_FILE`
        : `the master key file MASTER_KEY_FILE=${config.masterKeyFile} does not exist`,
    );
  }
}

export async function prepareMasterKey(
  config: Config,
  log: Pick<Logger, 'warn' | 'info'>,
  opts: PrepareMasterKeyOptions = {},
): Promise<MasterKeyProvider> {
  await initSodium();
  if (!config.usesDevMasterKey || opts.create === false) {
    const provider = await readExistingKey(config);
    if (config.usesDevMasterKey) log.warn({ masterKeyFile: config.masterKeyFile }, DEV_MASTER_KEY_BANNER);
    return provider;
  }
  const { provider, created } = await loadOrCreateDevMasterKey(config.masterKeyFile);
  if (created) log.warn({ masterKeyFile: config.masterKeyFile }, `created ${DEV_MASTER_KEY_BANNER}`);
  else log.warn({ masterKeyFile: config.masterKeyFile }, DEV_MASTER_KEY_BANNER);
  return provider;
}

/** The master keys kept for unwrapping during a rotation (MASTER_KEY_PREVIOUS_FILES). */
export async function loadPreviousMasterKeys(config: Config): Promise<MasterKeyProvider[]> {
  await initSodium();
  return Promise.all(config.previousMasterKeyFiles.map((file) => LocalFileMasterKeyProvider.fromFile(file)));
}
