// `phidesk keys rotate-master|rotate-tenant|reseal|retire|shred|status`: the sealing
// key lifecycle. Each command builds its own Keyring over the database with the
// configured master key(s), acts as the CLI system actor, and is audited. The master
// key is read, never created: a key made here could open nothing already sealed.
import { existsSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { Keyring } from '../crypto/keyring.js';
import { LocalFileMasterKeyProvider, createMasterKeyFile } from '../crypto/master-key.js';
import { loadPreviousMasterKeys, prepareMasterKey } from '../crypto/master-key-setup.js';
import { PgTenantKeyStore } from '../crypto/pg-tenant-key-store.js';
import * as keys from '../keys/keys.service.js';
import { resealTenant } from '../keys/reseal.service.js';
import { UsageError, type CommandRun } from './command.js';
import type {
  keyStatusOptions,
  resealOptions,
  retireOptions,
  rotateMasterOptions,
  rotateTenantOptions,
  shredOptions,
} from './commands.js';
import { withCliDatabase, type CliDatabase } from './database.js';
import { requireTenant } from './lookup.js';
import { cliActor, cliDeps } from './system-actor.js';

/** Runs `fn` with key-operation dependencies over the configured database and master key(s). */
async function withKeys<T>(fn: (deps: keys.KeysDeps, h: CliDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = pino({ level: 'warn' }, pino.destination(2));
  // the database first: a DATA_DIR without data is refused as such, before its missing key
  return withCliDatabase(config, async (h) => {
    const masterKey = await prepareMasterKey(config, log, { create: false });
    const previousMasterKeys = await loadPreviousMasterKeys(config);
    const store = new PgTenantKeyStore(h.db);
    const cacheMaxAgeMs = config.keyCacheSeconds * 1000;
    const keyring = new Keyring({ masterKey, previousMasterKeys, store, cacheMaxAgeMs });
    try {
      return await fn({ ...cliDeps(h.db), keyring, store, cacheMaxAgeMs, actorFor: cliActor }, h);
    } finally {
      keyring.clear();
    }
  });
}

export const rotateMaster: CommandRun<typeof rotateMasterOptions> = async (values, io) => {
  const file = values['new-key-file'];
  if (!existsSync(file) && values.create !== true)
    throw new UsageError(`${file} does not exist (add --create to generate it)`);
  const newKey = existsSync(file) ? await LocalFileMasterKeyProvider.fromFile(file) : await createMasterKeyFile(file);
  const result = await withKeys((deps) => keys.rotateMasterKey(deps, newKey));
  io.stdout.write(
    `rewrapped ${result.rewrapped} tenant key(s) of ${result.tenants} tenant(s) under ${newKey.id} (${result.alreadyCurrent} already were); no sealed data was touched\n` +
      `live keys by master key: ${
        Object.entries(result.byMasterKey)
          .map(([id, n]) => `${id}=${n}`)
          .join(', ') || 'none'
      }\n` +
      'next: set MASTER_KEY_FILE to the new key on every server, drop the old key from MASTER_KEY_PREVIOUS_FILES, then destroy the old key file\n',
  );
  return 0;
};

export const rotateTenant: CommandRun<typeof rotateTenantOptions> = async ({ tenant: slug }, io) => {
  const result = await withKeys(async (deps, h) => keys.rotateTenantKey(deps, await requireTenant(h, slug)));
  io.stdout.write(
    `tenant ${slug}: new writes use key version ${result.activeVersion}; version ${result.previousVersion} is decrypt-only\n` +
      `next: phidesk keys reseal --tenant ${slug} (its final pass waits until ${result.settledAt.toISOString()}, when every server has seen the rotation)\n`,
  );
  return 0;
};

export const reseal: CommandRun<typeof resealOptions> = async (values, io) => {
  const batchSize = values['batch-size'] === undefined ? 500 : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw new UsageError('--batch-size must be 1..5000');
  const result = await withKeys(async (deps, h) =>
    resealTenant(deps, await requireTenant(h, values.tenant), {
      batchSize,
      waitForSettle: values['no-wait'] !== true,
      onProgress: (p) =>
        io.stdout.write(
          `re-seal to v${p.targetVersion}: ${p.rowsDone}/${p.totalRows} rows, ${p.fieldsDone} fields, ${p.rowsFailed} failed (${p.fieldsPerSecond} fields/s)\n`,
        ),
      onWait: (until, alreadyPast) =>
        io.stdout.write(
          alreadyPast
            ? `servers' key caches expired at ${until.toISOString()} already, then a final pass\n`
            : `waiting until ${until.toISOString()} for servers' key caches to expire, then a final pass\n`,
        ),
    }),
  );
  io.stdout.write(
    `re-seal job ${result.jobId} ${result.status}: ${result.rowsDone} rows, ${result.fieldsDone} fields now under v${result.targetVersion}\n`,
  );
  if (result.failedRowIds.length > 0) {
    io.stdout.write(
      `${result.failedRowIds.length} row(s) could not be opened and keep their old version (see the audit trail): ${result.failedRowIds.join(', ')}\n`,
    );
    return 1;
  }
  return 0;
};

export const retire: CommandRun<typeof retireOptions> = async (values, io) => {
  const version = Number(values.version);
  if (!Number.isInteger(version) || version < 1)
    throw new UsageError('--version must be a data key version (1 or more)');
  await withKeys(async (deps, h) => keys.retireTenantKeyVersion(deps, await requireTenant(h, values.tenant), version));
  io.stdout.write(`tenant ${values.tenant}: key version ${version} retired; values under it would no longer open\n`);
  return 0;
};

export const shred: CommandRun<typeof shredOptions> = async (values, io) => {
  await withKeys(async (deps, h) => keys.shredTenant(deps, await requireTenant(h, values.tenant), values.confirm));
  io.stdout.write(
    `tenant ${values.tenant} shredded: its keys are destroyed, its sealed data can never be opened again, its credentials no longer work; its audit trail remains\n` +
      'backups taken before now still hold its keys wrapped under the current master key: rotate the master key (keys rotate-master) and destroy the old one to reach them\n',
  );
  return 0;
};

export const status: CommandRun<typeof keyStatusOptions> = async (values, io) => {
  const result = await withKeys(async (deps, h) => keys.keyStatus(deps, await requireTenant(h, values.tenant)));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  io.stdout.write(`tenant ${values.tenant} (${result.tenant.status})\n`);
  for (const v of result.versions) {
    const label = v.version === 0 ? 'blind-index root' : `${v.sealedValues} sealed value(s)`;
    io.stdout.write(
      `  v${v.version}  ${v.status.padEnd(12)} ${label.padEnd(22)} master ${v.masterKeyId}  created ${v.createdAt.toISOString()}\n`,
    );
  }
  if (result.job)
    io.stdout.write(
      `  re-seal job ${result.job.id} to v${result.job.targetVersion}: ${result.job.rowsDone}/${result.job.totalRows} rows, ${result.job.rowsFailed} failed\n`,
    );
  return 0;
};
