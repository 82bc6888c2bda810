// `phidesk audit export` and `phidesk audit public-key` (`audit verify` is audit-verify.ts).
// Export reads the chains straight from the database (DATABASE_URL, or the embedded
// server under DATA_DIR) as the table owner, so it works whatever the server is doing;
// the result is exactly what `phidesk audit verify` checks offline.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.js';
import { loadAuditKeys } from '../audit/audit-keys.js';
import { exportChainsForOperator } from '../audit/audit.service.js';
import { DirectoryCheckpointSink } from '../audit/checkpoint-sink.js';
import { createAuditInbox } from '../audit/inbox.js';
import { auditPublicJwks, publicKeyToBase64 } from '../audit/signing-key.js';
import { findTenantBySlug } from '../tenants/tenants.service.js';
import { withCliDatabase } from './database.js';
import type { CliIo } from './index.js';

const EXPORT_USAGE = `usage: phidesk audit export [--tenant SLUG|ID] [--out FILE] [--checkpoints-out DIR]

  --tenant, -t       one tenant, by slug or id (default: every tenant with a chain, the
                     platform chain of tenant-less events included)
  --out, -o          write to FILE (created, never overwritten; mode 0600); default stdout
  --checkpoints-out  copy the exported chains' signed checkpoints from AUDIT_CHECKPOINT_DIR
                     into DIR, for \`phidesk audit verify --checkpoints DIR\`
`;
const KEY_USAGE = `usage: phidesk audit public-key [--jwks]

  prints the base64 Ed25519 public key that verifies audit checkpoints, for
  \`phidesk audit verify --public-key\`; --jwks prints the JWK set the server publishes
  at /.well-known/phidesk-audit-key (earlier keys from AUDIT_PREVIOUS_PUBLIC_KEYS included)
`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(argv: string[], options: ParseArgsConfig['options'], usage: string, io: CliIo) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}

export async function runAuditExport(argv: string[], io: CliIo): Promise<number> {
  const values = parse(argv, {
    tenant: { type: 'string', short: 't' }, out: { type: 'string', short: 'o' }, 'checkpoints-out': { type: 'string' }, help: { type: 'boolean', short: 'h' },
  }, EXPORT_USAGE, io);
  if (!values) return 2;
  if (values['help']) {
    io.stdout.write(EXPORT_USAGE);
    return 0;
  }
  const tenant = values['tenant'] as string | undefined;
  const out = values['out'] as string | undefined;
  const checkpointsOut = values['checkpoints-out'] as string | undefined;
  const config = loadConfig();
  let file: FileHandle | undefined;
  if (out !== undefined) {
    try {
      file = await open(out, 'wx', 0o600);
    } catch (error) {
      io.stderr.write(`phidesk audit export: cannot create ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}); an export never overwrites a file\n`);
      return 2;
    }
  }
  try {
    return await exportTo(config, tenant, file, checkpointsOut, io);
  } finally {
    await file?.close();
  }
}

async function exportTo(config: ReturnType<typeof loadConfig>, tenant: string | undefined, file: FileHandle | undefined, checkpointsOut: string | undefined, io: CliIo): Promise<number> {
  return withCliDatabase(config, async ({ db }) => {
    let tenantIds: string[] | undefined;
    if (tenant !== undefined) {
      const id = uuid.test(tenant) ? tenant.toLowerCase() : (await findTenantBySlug(db, tenant))?.id;
      if (!id) {
        io.stderr.write(`phidesk audit export: no tenant with slug ${tenant}\n`);
        return 2;
      }
      tenantIds = [id];
    }
    const write = async (chunk: string): Promise<void> => {
      if (file) await file.write(chunk);
      else if (!io.stdout.write(chunk)) await once(io.stdout as NodeJS.EventEmitter, 'drain');
    };
    // Client addresses are never hashed here (the CLI has none), so any key will do.
    const audit = createAuditInbox(db, { addressHashKey: randomBytes(32) });
    const result = await exportChainsForOperator(db, audit, tenantIds, write);
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
    io.stderr.write(`exported ${result.events} event(s) of ${result.tenantIds.length} chain(s)${checkpointsOut === undefined ? '' : ` and ${copied} checkpoint(s)`}\n`);
    return 0;
  });
}

export async function runAuditPublicKey(argv: string[], io: CliIo): Promise<number> {
  const values = parse(argv, { jwks: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, KEY_USAGE, io);
  if (!values) return 2;
  if (values['help']) {
    io.stdout.write(KEY_USAGE);
    return 0;
  }
  const keys = await loadAuditKeys(loadConfig());
  io.stdout.write(values['jwks'] ? `${JSON.stringify(auditPublicJwks(keys.publicKeys), null, 2)}\n` : `${publicKeyToBase64(keys.signingKey.publicKey)}\n`);
  return 0;
}
