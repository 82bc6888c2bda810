// The real server (src/main.ts) as a child process on a free loopback port, for the tests
// that need separate processes (a SIGKILL mid-delivery, a revocation seen by another
// process). Resolves once /readyz answers 200; fails with the server's last output if it
// exits or is not ready within 90 s.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freeLoopbackPort } from '../../src/db/embedded.js';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** everything it wrote to stdout and stderr so far */
  output: () => string;
  exited: Promise<number | null>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/root', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`phidesk exited with ${child.exitCode}: ${out.slice(-2000)}`);
    if (Date.now() - started > 90_000) throw new Error(`not ready in time: ${out.slice(-2000)}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { base, child, output: () => out, exited };
    await new Promise((r) => setTimeout(r, 200));
  }
}
