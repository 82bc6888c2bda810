// `phidesk keys rotate-master|rotate-tenant|reseal|retire|shred|status`: the sealing
// key lifecycle. Each command builds its own Keyring over the database with the
// configured master key(s), acts as the CLI system actor, and is audited.
//
// Exit codes: 0 done, 1 refused or failed (the message says why), 2 usage.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { createAuditInbox } from '../audit/inbox.js';
import { Keyring } from '../crypto/keyring.js';
import { LocalFileMasterKeyProvider, createMasterKeyFile } from '../crypto/master-key.js';
import { loadPreviousMasterKeys, prepareMasterKey } from '../crypto/master-key-setup.js';
import { PgTenantKeyStore } from '../crypto/pg-tenant-key-store.js';
import { AppError } from '../errors.js';
import * as keys from '../keys/keys.service.js';
import { resealTenant } from '../keys/reseal.service.js';
import { withCliDatabase } from './database.js';
import { cliActor } from './system-actor.js';
import type { CliIo } from './index.js';

class Usage extends Error {}

async function run(io: CliIo, usage: string, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Usage) {
      io.stderr.write(`phidesk: ${e.message}\n${usage}\n`);
      return 2;
    }
    const message = e instanceof AppError ? `${e.code}: ${e.message}` : (e as Error).message;
    io.stderr.write(`phidesk: ${message}\n`);
    return 1;
  }
}

function options(argv: string[], spec: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args: argv, strict: true, options: spec }).values as Record<string, string | boolean | undefined>;
  } catch (e) {
    throw new Usage((e as Error).message);
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new Usage(`--${name} is required`);
  return v;
}

/** Runs `fn` with key-operation dependencies over the configured database and master key(s). */
async function withKeys<T>(fn: (deps: keys.KeysDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = pino({ level: 'warn' }, pino.destination(2));
  const masterKey = await prepareMasterKey(config, log);
  const previousMasterKeys = await loadPreviousMasterKeys(config);
  return withCliDatabase(config, async (h) => {
    const store = new PgTenantKeyStore(h.db);
    const cacheMaxAgeMs = config.keyCacheSeconds * 1000;
    const keyring = new Keyring({ masterKey, previousMasterKeys, store, cacheMaxAgeMs });
    const audit = createAuditInbox(h.db, { addressHashKey: randomBytes(32) });
    try {
      return await fn({ db: h.db, audit, keyring, store, cacheMaxAgeMs, actorFor: cliActor });
    } finally {
      keyring.clear();
    }
  });
}

const USAGE_MASTER = 'usage: phidesk keys rotate-master --new-key-file FILE [--create]';
export async function runKeysRotateMaster(argv: string[], io: CliIo): Promise<number> {
  return run(io, USAGE_MASTER, async () => {
    const values = options(argv, { 'new-key-file': { type: 'string' }, create: { type: 'boolean' } });
    const file = required(values, 'new-key-file');
    if (!existsSync(file) && values['create'] !== true) throw new Usage(`${file} does not exist (add --create to generate it)`);
    const newKey = existsSync(file) ? await LocalFileMasterKeyProvider.fromFile(file) : await createMasterKeyFile(file);
    const result = await withKeys((deps) => keys.rotateMasterKey(deps, newKey));
    io.stdout.write(`rewrapped ${result.rewrapped} tenant key(s) of ${result.tenants} tenant(s) under ${newKey.id} (${result.alreadyCurrent} already were); no sealed data was touched\n`
      + `live keys by master key: ${Object.entries(result.byMasterKey).map(([id, n]) => `${id}=${n}`).join(', ') || 'none'}\n`
      + 'next: set MASTER_KEY_FILE to the new key on every server, drop the old key from MASTER_KEY_PREVIOUS_FILES, then destroy the old key file\n');
    return 0;
  });
}

const USAGE_ROTATE = 'usage: phidesk keys rotate-tenant --tenant SLUG';
export async function runKeysRotateTenant(argv: string[], io: CliIo): Promise<number> {
  return run(io, USAGE_ROTATE, async () => {
    const slug = required(options(argv, { tenant: { type: 'string' } }), 'tenant');
    const result = await withKeys(async (deps) => keys.rotateTenantKey(deps, await keys.resolveTenant(deps, slug)));
    io.stdout.write(`tenant ${slug}: new writes use key version ${result.activeVersion}; version ${result.previousVersion} is decrypt-only\n`
      + `next: phidesk keys reseal --tenant ${slug} (its final pass waits until ${result.settledAt.toISOString()}, when every server has seen the rotation)\n`);
    return 0;
  });
}

const USAGE_RESEAL = 'usage: phidesk keys reseal --tenant SLUG [--batch-size N] [--no-wait]';
export async function runKeysReseal(argv: string[], io: CliIo): Promise<number> {
  return run(io, USAGE_RESEAL, async () => {
    const values = options(argv, { tenant: { type: 'string' }, 'batch-size': { type: 'string' }, 'no-wait': { type: 'boolean' } });
    const slug = required(values, 'tenant');
    const batchSize = values['batch-size'] === undefined ? 500 : Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new Usage('--batch-size must be 1..5000');
    const result = await withKeys(async (deps) => resealTenant(deps, await keys.resolveTenant(deps, slug), {
      batchSize,
      waitForSettle: values['no-wait'] !== true,
      onProgress: (p) => io.stdout.write(`re-seal to v${p.targetVersion}: ${p.rowsDone}/${p.totalRows} rows, ${p.fieldsDone} fields, ${p.rowsFailed} failed (${p.fieldsPerSecond} fields/s)\n`),
      onWait: (until) => io.stdout.write(`waiting until ${until.toISOString()} for servers' key caches to expire, then a final pass\n`),
    }));
    io.stdout.write(`re-seal job ${result.jobId} ${result.status}: ${result.rowsDone} rows, ${result.fieldsDone} fields now under v${result.targetVersion}\n`);
    if (result.failedRowIds.length > 0) {
      io.stdout.write(`${result.failedRowIds.length} row(s) could not be opened and keep their old version (see the audit trail): ${result.failedRowIds.join(', ')}\n`);
      return 1;
    }
    return 0;
  });
}

const USAGE_RETIRE = 'usage: phidesk keys retire --tenant SLUG --version N';
export async function runKeysRetire(argv: string[], io: CliIo): Promise<number> {
  return run(io, USAGE_RETIRE, async () => {
    const values = options(argv, { tenant: { type: 'string' }, version: { type: 'string' } });
    const slug = required(values, 'tenant');
    const version = Number(required(values, 'version'));
    if (!Number.isInteger(version) || version < 1) throw new Usage('--version must be a data key version (1 or more)');
    await withKeys(async (deps) => keys.retireTenantKeyVersion(deps, await keys.resolveTenant(deps, slug), version));
    io.stdout.write(`tenant ${slug}: key version ${version} retired; values under it would no longer open\n`);
    return 0;
  });
}

const USAGE_SHRED = 'usage: phidesk keys shred --tenant SLUG --confirm SLUG';
export async function runKeysShred(argv: string[], io: CliIo): Promise<number> {
  return run(io, USAGE_SHRED, async () => {
    const values = options(argv, { tenant: { type: 'string' }, confirm: { type: 'string' } });
    const slug = required(values, 'tenant');
    const confirm = required(values, 'confirm');
    await withKeys(async (deps) => keys.shredTenant(deps, await keys.resolveTenant(deps, slug), confirm));
    io.stdout.write(`tenant ${slug} shredded: its keys are destroyed, its sealed data can never be opened again, its credentials no longer work; its audit trail remains\n`
      + 'backups taken before now still hold its keys wrapped under the current master key: rotate the master key (keys rotate-master) and destroy the old one to reach them\n');
    return 0;
  });
}

const USAGE_STATUS = 'usage: phidesk keys status --tenant SLUG [--json]';
export async function runKeysStatus(argv: string[], io: CliIo): Promise<number> {
  return run(io, USAGE_STATUS, async () => {
    const values = options(argv, { tenant: { type: 'string' }, json: { type: 'boolean' } });
    const slug = required(values, 'tenant');
    const status = await withKeys(async (deps) => keys.keyStatus(deps, await keys.resolveTenant(deps, slug)));
    if (values['json'] === true) {
      io.stdout.write(`${JSON.stringify(status)}\n`);
      return 0;
    }
    io.stdout.write(`tenant ${slug} (${status.tenant.status})\n`);
    for (const v of status.versions) {
      const label = v.version === 0 ? 'blind-index root' : `${v.sealedValues} sealed value(s)`;
      io.stdout.write(`  v${v.version}  ${v.status.padEnd(12)} ${label.padEnd(22)} master ${v.masterKeyId}  created ${v.createdAt.toISOString()}\n`);
    }
    if (status.job) io.stdout.write(`  re-seal job ${status.job.id} to v${status.job.targetVersion}: ${status.job.rowsDone}/${status.job.totalRows} rows, ${status.job.rowsFailed} failed\n`);
    return 0;
  });
}
