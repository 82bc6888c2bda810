// The `phidesk` CLI: operator tasks without a UI (migrations, tenants, keys, audit).
// Each command is a function (argv, io) -> exit code, so tests call them directly.
import { runMigrate } from './migrate.js';
import { runKeysCreate, runKeysRevoke, runTenantsCreate } from './tenants.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  migrate: { run: runMigrate, help: 'apply pending database migrations (DATABASE_URL, or the embedded server)' },
  'tenants create': { run: runTenantsCreate, help: 'create a tenant (optionally trusting a partner IdP); prints its id and a tenant-admin API key once' },
  'keys create': { run: runKeysCreate, help: 'create an API key for a tenant (--roles, --scopes, --expires, --cidrs); prints it once' },
  'keys revoke': { run: runKeysRevoke, help: 'revoke an API key; effective on the next request' },
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
