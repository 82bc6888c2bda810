// `phidesk audit verify`: checks an audit export offline, with nothing but the export,
// the checkpoint public key(s) and, ideally, the signed checkpoints. Meant for an
// auditor's laptop as much as for the server: no database, no configuration.
//
// Exit codes: 0 every chain verified, 1 damage found (including an unreadable export
// line or checkpoint file: both are evidence), 2 usage or I/O problem.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import {
  AuditChainVerifier,
  AuditEventFormatError,
  AuditKeyError,
  CheckpointFormatError,
  DirectoryCheckpointSink,
  isBlankLine,
  keyIdOf,
  parseEventLine,
  publicKeyFromBase64,
  publicKeyFromJwk,
  readNdjsonLines,
  type SignedCheckpoint,
} from '../audit/index.js';
import { formatHumanReport, reportWarnings } from './audit-verify-report.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runCommand, type CliIo, type CommandRun } from './command.js';
import { findCommand, type auditVerifyOptions } from './commands.js';

const EXIT_DAMAGE = EXIT_FAILED;

/** unusable input found after parsing: exit 2, reported in the --json shape too */
class InputError extends Error {}

async function readKeyFile(path: string): Promise<Uint8Array[]> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).trim();
  } catch {
    throw new InputError(`--public-key is neither a base64 Ed25519 key nor a readable file: ${path}`);
  }
  if (!text.startsWith('{')) return [publicKeyFromBase64(text)];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${path} is not valid JSON`);
  }
  const keys = (json as { keys?: unknown }).keys;
  if (Array.isArray(keys)) return keys.map(publicKeyFromJwk);
  return [publicKeyFromJwk(json)];
}

async function resolvePublicKeys(values: readonly string[]): Promise<Uint8Array[]> {
  const keys: Uint8Array[] = [];
  for (const value of values) {
    try {
      keys.push(publicKeyFromBase64(value));
      continue;
    } catch {
      // not an inline key: treat it as a path
    }
    try {
      keys.push(...(await readKeyFile(value)));
    } catch (error) {
      if (error instanceof AuditKeyError) throw new InputError(`${value}: ${error.message}`);
      throw error;
    }
  }
  return keys;
}

async function assertIsFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new InputError(`--file: no such file: ${path}`);
}

async function loadCheckpoints(dir: string | undefined): Promise<SignedCheckpoint[] | undefined> {
  if (dir === undefined) return undefined;
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new InputError(`--checkpoints: no such directory: ${dir}`);
  return new DirectoryCheckpointSink(dir).list();
}

/** `phidesk audit verify ARGS` in-process; the leading words `audit verify` may be included. */
export function runAuditVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = argv[0] === 'audit' && argv[1] === 'verify' ? argv.slice(2) : argv;
  return runCommand(findCommand('audit verify')!, args, io);
}

export const auditVerify: CommandRun<typeof auditVerifyOptions> = async (values, io) => {
  const args = {
    file: values.file,
    publicKeys: values['public-key'],
    checkpointsDir: values.checkpoints,
    json: values.json === true,
  };
  const fail = (code: number, kind: string, message: string): number => {
    if (args.json) io.stdout.write(JSON.stringify({ ok: false, error: { kind, message } }) + '\n');
    io.stderr.write(`phidesk audit verify: ${message}\n`);
    return code;
  };

  let publicKeys: Uint8Array[];
  let checkpoints: SignedCheckpoint[] | undefined;
  try {
    publicKeys = await resolvePublicKeys(args.publicKeys);
    await assertIsFile(args.file);
    checkpoints = await loadCheckpoints(args.checkpointsDir);
  } catch (error) {
    if (error instanceof InputError) return fail(EXIT_USAGE, 'usage', error.message);
    if (error instanceof CheckpointFormatError)
      return fail(EXIT_DAMAGE, 'malformed_checkpoint', `checkpoint store is damaged: ${error.message}`);
    return fail(EXIT_USAGE, 'io', `cannot read input: ${(error as Error).message}`);
  }

  const verifier = new AuditChainVerifier({ publicKey: publicKeys, checkpoints });
  try {
    for await (const { firstLine, lines } of readNdjsonLines(createReadStream(args.file, { highWaterMark: 1 << 20 }))) {
      for (let i = 0; i < lines.length; i++) {
        const text = lines[i] as string;
        // Export lines are checked from their bytes; anything else is parsed in full.
        if (!isBlankLine(text) && !verifier.addExportLine(text)) verifier.add(parseEventLine(text, firstLine + i));
      }
    }
  } catch (error) {
    if (error instanceof AuditEventFormatError)
      return fail(EXIT_DAMAGE, 'malformed_export', `export is damaged: ${error.message}`);
    return fail(EXIT_USAGE, 'io', `cannot read ${args.file}: ${(error as Error).message}`);
  }
  const report = verifier.finish();
  const warnings = reportWarnings(report, checkpoints);
  const context = { file: args.file, keyIds: publicKeys.map(keyIdOf), checkpointCount: checkpoints?.length ?? 0 };
  if (args.json) {
    io.stdout.write(JSON.stringify({ ...report, ...context, warnings }, null, 2) + '\n');
  } else {
    io.stdout.write(formatHumanReport(report, context));
    for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
  }
  return report.ok ? EXIT_OK : EXIT_DAMAGE;
};
