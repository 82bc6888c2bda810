// The `phidesk` CLI: operator tasks without a UI (migrations, tenants, keys, audit).
// Each command is a function (argv, io) -> exit code, so tests call them directly.
import { runMigrate } from './migrate.js';
import { runAuditExport, runAuditPublicKey } from './audit.js';
import { runAuditVerify } from './audit-verify.js';
import { runKeysCreate, runKeysRevoke, runTenantsCreate } from './tenants.js';
import { runKeysReseal, runKeysRetire, runKeysRotateMaster, runKeysRotateTenant, runKeysShred, runKeysStatus } from './keys.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  migrate: { run: runMigrate, help: 'apply pending database migrations (DATABASE_URL, or the embedded server)' },
  'audit export': { run: runAuditExport, help: 'write audit chains as NDJSON: [--tenant SLUG|ID] [--out FILE] [--checkpoints-out DIR]' },
  'audit verify': { run: runAuditVerify, help: 'verify an export offline: --file F --public-key K [--checkpoints DIR]' },
  'audit public-key': { run: runAuditPublicKey, help: 'print the public key that verifies audit checkpoints [--jwks]' },
  'tenants create': { run: runTenantsCreate, help: 'create a tenant (optionally trusting a partner IdP); prints its id and a tenant-admin API key once' },
  'keys create': { run: runKeysCreate, help: 'create an API key for a tenant (--roles, --scopes, --expires, --cidrs); prints it once' },
  'keys revoke': { run: runKeysRevoke, help: 'revoke an API key; effective on the next request' },
  'keys rotate-master': { run: runKeysRotateMaster, help: 'rewrap every tenant key under a new master key, data untouched: --new-key-file F [--create]' },
  'keys rotate-tenant': { run: runKeysRotateTenant, help: 'new tenant key version for new writes: --tenant SLUG' },
  'keys reseal': { run: runKeysReseal, help: 'resumable re-seal of a tenant\'s values onto its active key, with progress: --tenant SLUG' },
  'keys retire': { run: runKeysRetire, help: 'refuse reads under an old key version (refused while values use it): --tenant SLUG --version N' },
  'keys shred': { run: runKeysShred, help: 'crypto-shred a tenant: destroy its keys; audit trail kept: --tenant SLUG --confirm SLUG' },
  'keys status': { run: runKeysStatus, help: 'a tenant\'s key versions, their master keys and how many values use each: --tenant SLUG' },
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, second, ...rest] = argv;
  const key = first && second && commands[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = key ? commands[key] : undefined;
  if (!command) {
    io.stderr.write(`usage: phidesk <command>\n\ncommands:\n${Object.entries(commands).map(([k, c]) => `  ${k.padEnd(18)} ${c.help}`).join('\n')}\n`);
    return key === undefined || key === 'help' || key === '--help' ? 0 : 2;
  }
  const args = key === first ? [second, ...rest].filter((a): a is string => a !== undefined) : rest;
  return command.run(args, io);
}
