// The `phidesk` CLI: operator tasks without a UI (migrations, tenants, keys, audit).
// runCli() only finds the command (src/cli/commands.ts) and hands it to runCommand(),
// which answers --help before doing anything; tests call runCli in-process too.
import { columns, EXIT_OK, EXIT_USAGE, runCommand, synopsis, type CliIo } from './command.js';
import { commands, findCommand, groups } from './commands.js';

export type { CliIo } from './command.js';

const HELP_WORDS = new Set(['-h', '--help', 'help']);

function globalUsage(): string {
  const rows = commands.map((c): [string, string] => [c.name, c.summary]);
  rows.push(['help [COMMAND]', "this text, or a command's help"]);
  return `usage: phidesk <command> [options]

commands:
${columns(rows)}

Every command answers --help (or -h) with all its options and an example, and does
nothing else.

Database: DATABASE_URL when set. Otherwise the embedded PostgreSQL under DATA_DIR (default
./.phidesk): when a server is running on it (DATA_DIR/pgdata/postmaster.pid), the command
connects to it and leaves it running; else it starts it for the command and stops it after.
A DATA_DIR without data is refused unless the command is given --init (migrate, tenants
create). Key files (master key, audit signing key) are read, never created.

Exit codes: 0 done; 1 refused or failed, with a message that says what to do (audit
verify: damage found); 2 usage error (unknown command or option, missing option).
`;
}

function groupUsage(group: string): string {
  const members = commands.filter((c) => c.name.startsWith(`${group} `));
  const lines = members.flatMap((c) => [`  ${synopsis(c)}`, `      ${c.summary}`]);
  return `usage: phidesk ${group} <subcommand> [options]

${groups[group]}:

${lines.join('\n')}

example:
  ${members[0]?.examples[0] ?? ''}

phidesk ${group} <subcommand> --help explains each option.
`;
}

function unknown(words: string, usage: string, io: CliIo): number {
  io.stderr.write(`phidesk: unknown command "${words}"\n\n${usage}`);
  return EXIT_USAGE;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  if (first === undefined) {
    io.stderr.write(globalUsage());
    return EXIT_USAGE;
  }
  if (HELP_WORDS.has(first)) {
    // `phidesk help keys create` is `phidesk keys create --help`
    return first === 'help' && argv.length > 1
      ? runCli([...argv.slice(1), '--help'], io)
      : (io.stdout.write(globalUsage()), EXIT_OK);
  }
  const single = findCommand(first);
  if (single) return runCommand(single, argv.slice(1), io);
  if (!Object.hasOwn(groups, first)) return unknown(first, globalUsage(), io);
  if (second === undefined) {
    io.stderr.write(`phidesk: "${first}" needs a subcommand\n\n${groupUsage(first)}`);
    return EXIT_USAGE;
  }
  if (HELP_WORDS.has(second)) {
    io.stdout.write(groupUsage(first));
    return EXIT_OK;
  }
  const command = findCommand(`${first} ${second}`);
  if (!command) return unknown(`${first} ${second}`, groupUsage(first), io);
  return runCommand(command, argv.slice(2), io);
}
