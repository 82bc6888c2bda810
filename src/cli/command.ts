// What every `phidesk` command shares. A command declares its options (with their help
// text), a summary and an example; runCommand() answers --help/-h before anything else,
// then parses strictly, checks required options and maps errors to exit codes. The
// implementation is imported only after that, so asking for help never loads the
// configuration, opens a database or reads a key file (and stays quick).
//
// Exit codes: 0 done, 1 refused or failed (the message says what to do), 2 usage error.
import { parseArgs } from 'node:util';
import { AppError } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliOutput {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** placeholder in the synopsis, e.g. SLUG */
  readonly value?: string;
  readonly help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : string;

/** The parsed options of a command, typed from its declaration (required ones are always set). */
export type Values<O extends OptionSpecs> = {
  -readonly [K in keyof O]: O[K] extends { required: true } ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
};

export type CommandRun<O extends OptionSpecs> = (values: Values<O>, io: CliIo) => Promise<number>;

export interface Command {
  /** the words that select it: 'migrate', 'keys create' */
  readonly name: string;
  /** one line for the command lists */
  readonly summary: string;
  readonly options: OptionSpecs;
  readonly examples: readonly string[];
  /** further paragraphs for --help */
  readonly notes?: string;
  readonly load: () => Promise<CommandRun<any>>;
}

export function defineCommand<const O extends OptionSpecs>(
  command: Omit<Command, 'options' | 'load'> & { options: O; load: () => Promise<CommandRun<O>> },
): Command {
  return command;
}

/** A usage problem: exit 2, with the command's synopsis. */
export class UsageError extends Error {}

/** A refusal the operator can act on: exit 1; the message says what to do. */
export class CliError extends Error {}

const HELP_OPTION = { type: 'boolean', short: 'h' } as const;

function placeholder(name: string, o: OptionSpec): string {
  const flag = `--${name}`;
  if (o.type === 'boolean') return flag;
  return `${flag} ${o.value ?? name.toUpperCase()}${o.multiple ? ' ...' : ''}`;
}

export function synopsis(c: Command): string {
  const parts = Object.entries(c.options).map(([name, o]) =>
    o.required ? placeholder(name, o) : `[${placeholder(name, o)}]`,
  );
  return `phidesk ${c.name}${parts.length ? ` ${parts.join(' ')}` : ''}`;
}

/** Two aligned columns, continuation lines of the right one indented under it. */
export function columns(rows: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows
    .map(
      ([left, right]) => `${indent}${left.padEnd(width)}${right.split('\n').join(`\n${indent}${' '.repeat(width)}`)}`,
    )
    .join('\n');
}

export function helpText(c: Command): string {
  const rows = Object.entries(c.options).map(([name, o]): [string, string] => [
    `${o.short ? `-${o.short}, ` : ''}${placeholder(name, o)}`,
    `${o.help}${o.required ? ' (required)' : ''}`,
  ]);
  rows.push(['-h, --help', 'print this help and do nothing else']);
  return [
    `usage: ${synopsis(c)}`,
    '',
    `${c.summary.charAt(0).toUpperCase()}${c.summary.slice(1)}.`,
    ...(c.notes ? ['', c.notes] : []),
    '',
    'options:',
    columns(rows),
    '',
    c.examples.length > 1 ? 'examples:' : 'example:',
    ...c.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

function nodeOptions(options: OptionSpecs) {
  // parseArgs refuses keys that are present but undefined, so only the set ones are copied
  return Object.fromEntries(
    Object.entries(options).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.short === undefined ? {} : { short: o.short }),
        ...(o.multiple === undefined ? {} : { multiple: o.multiple }),
      },
    ]),
  );
}

/**
 * True when the arguments ask for help anywhere (before a `--`). Parsed leniently with
 * the command's own options, so `--name -h` is a name, not a help request, and an
 * unknown option next to --help does not hide the help.
 */
export function asksForHelp(options: OptionSpecs, args: readonly string[]): boolean {
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...nodeOptions(options), help: HELP_OPTION },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  return tokens.some((t) => t.kind === 'option' && t.name === 'help');
}

export function parseValues(c: Command, args: readonly string[]): Record<string, unknown> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: nodeOptions(c.options),
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  for (const [name, o] of Object.entries(c.options)) {
    const v = values[name];
    if (o.required && (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)))
      throw new UsageError(`--${name} is required`);
  }
  return values;
}

/** A one-line account of an error for the operator (service errors keep their stable code). */
export function describeError(e: unknown): string {
  if (e instanceof AppError) {
    const details = e.details
      ?.map((d) => `${d.pointer ?? d.parameter ?? d.header ?? ''} ${d.detail}`.trim())
      .join('; ');
    return `${e.code}: ${e.message}${details ? ` (${details})` : ''}`;
  }
  if (e instanceof Error) return e.message;
  return `unexpected failure: ${String(e)}`;
}

export function reportUsage(c: Command, message: string, io: CliIo): number {
  io.stderr.write(
    `phidesk ${c.name}: ${message}\nusage: ${synopsis(c)}\n(phidesk ${c.name} --help lists every option, with an example)\n`,
  );
  return EXIT_USAGE;
}

export async function runCommand(c: Command, args: readonly string[], io: CliIo): Promise<number> {
  if (asksForHelp(c.options, args)) {
    io.stdout.write(helpText(c));
    return EXIT_OK;
  }
  try {
    const values = parseValues(c, args);
    const run = await c.load();
    return await run(values as Values<OptionSpecs>, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage(c, e.message, io);
    io.stderr.write(`phidesk ${c.name}: ${describeError(e)}\n`);
    return EXIT_FAILED;
  }
}
