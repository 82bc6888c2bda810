// `phidesk audit export` and `phidesk audit public-key` (`audit verify` is audit-verify.ts).
// Export reads the chains straight from the database (DATABASE_URL, or the embedded
// server under DATA_DIR) as the table owner, so it works whatever the server is doing;
// the result is exactly what `phidesk audit verify` checks offline.
import { EventEmitter, once } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import {
  auditPublicJwks,
  DirectoryCheckpointSink,
  exportChainsForOperator,
  loadAuditKeys,
  publicKeyToBase64,
} from '../audit/index.js';
import { isUuid } from '../ids.js';
import { findTenantBySlug } from '../tenants/tenants.service.js';
import { EXIT_USAGE, runCommand, type CliIo, type CommandRun } from './command.js';
import { findCommand, type auditExportOptions, type auditPublicKeyOptions } from './commands.js';
import { withCliDatabase } from './database.js';
import { cliDeps } from './system-actor.js';

export const auditExport: CommandRun<typeof auditExportOptions> = async (values, io) => {
  const config = loadConfig();
  let file: FileHandle | undefined;
  if (values.out !== undefined) {
    try {
      file = await open(values.out, 'wx', 0o600);
    } catch (error) {
      io.stderr.write(
        `phidesk audit export: cannot create ${values.out} (${(error as NodeJS.ErrnoException).code ?? 'error'}); an export never overwrites a file\n`,
      );
      return EXIT_USAGE;
    }
  }
  try {
    return await exportTo(config, values.tenant, file, values['checkpoints-out'], io);
  } finally {
    await file?.close();
  }
};

async function exportTo(
  config: ReturnType<typeof loadConfig>,
  tenant: string | undefined,
  file: FileHandle | undefined,
  checkpointsOut: string | undefined,
  io: CliIo,
): Promise<number> {
  return withCliDatabase(config, async ({ db }) => {
    let tenantIds: string[] | undefined;
    if (tenant !== undefined) {
      const id = isUuid(tenant) ? tenant.toLowerCase() : (await findTenantBySlug(db, tenant))?.id;
      if (!id) {
        io.stderr.write(
          `phidesk audit export: no tenant with slug ${tenant} (phidesk tenants list shows the tenants)\n`,
        );
        return EXIT_USAGE;
      }
      tenantIds = [id];
    }
    const write = async (chunk: string): Promise<void> => {
      if (file) await file.write(chunk);
      else if (io.stdout.write(chunk) === false && io.stdout instanceof EventEmitter) await once(io.stdout, 'drain'); // backpressure
    };
    const result = await exportChainsForOperator(db, cliDeps(db).audit, tenantIds, write);
    await file?.sync();
    let copied = 0;
    if (checkpointsOut !== undefined) {
      const from = new DirectoryCheckpointSink(config.audit.checkpointDir);
      const to = new DirectoryCheckpointSink(checkpointsOut);
      for (const tenantId of result.tenantIds) {
        for (const checkpoint of await from.list(tenantId)) {
          await to.write(checkpoint);
          copied++;
        }
      }
    }
    io.stderr.write(
      `exported ${result.events} event(s) of ${result.tenantIds.length} chain(s)${checkpointsOut === undefined ? '' : ` and ${copied} checkpoint(s)`}\n`,
    );
    return 0;
  });
}

export const auditPublicKey: CommandRun<typeof auditPublicKeyOptions> = async (values, io) => {
  // Read, never created: a key made here would not be the one the server signs with.
  const keys = await loadAuditKeys(loadConfig(), { create: false });
  io.stdout.write(
    values.jwks
      ? `${JSON.stringify(auditPublicJwks(keys.publicKeys), null, 2)}\n`
      : `${publicKeyToBase64(keys.signingKey.publicKey)}\n`,
  );
  return 0;
};

/** `phidesk audit export ARGS` in-process (help, parsing and errors included). */
export const runAuditExport = (argv: readonly string[], io: CliIo): Promise<number> =>
  runCommand(findCommand('audit export')!, argv, io);
/** `phidesk audit public-key ARGS` in-process. */
export const runAuditPublicKey = (argv: readonly string[], io: CliIo): Promise<number> =>
  runCommand(findCommand('audit public-key')!, argv, io);
