// Runs the real `phidesk` binary (node bin/phidesk.js) as a child process, with only the
// environment a test gives it (never the runner's DATABASE_URL or DATA_DIR).
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  env?: Record<string, string>;
  /** working directory (default the checkout); the CLI's default DATA_DIR is ./.phidesk under it */
  cwd?: string;
}

/** The environment of a child process: PATH and HOME from the runner, the rest only from `env`. */
export function childEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/root', LOG_LEVEL: 'silent', ...env };
}

export function phidesk(args: readonly string[], opts: CliRunOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(root, 'bin/phidesk.js'), ...args], {
    cwd: opts.cwd ?? root,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What a command left in a directory (expected: nothing). */
export async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}
