// The `phidesk` CLI: operator tasks without a UI (migrations, tenants, keys, audit).
// Each command is a function (argv, io) -> exit code, so tests call them directly.
import { runMigrate } from './migrate.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  migrate: { run: runMigrate, help: 'apply pending database migrations (DATABASE_URL, or the embedded server)' },
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
