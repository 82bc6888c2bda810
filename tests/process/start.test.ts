// The process as an operator sees it: `npm start`'s command with no DATABASE_URL starts
// an embedded PostgreSQL, becomes ready, reuses its data on a second start, and stops
// cleanly on SIGTERM leaving no postgres behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../src/db/embedded.js';

const root = path.resolve(import.meta.dirname, '../..');

function startPhidesk(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitReady(
  port: number,
  ms: number,
  run: { output: () => string; child: ChildProcess },
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (run.child.exitCode !== null)
      throw new Error(`phidesk exited with ${run.child.exitCode}: ${run.output().slice(-2000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready within ${ms} ms`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs on embedded PostgreSQL, reuses its data, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-start-'));
    dirs.push(dataDir);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freeLoopbackPort()),
      EMBEDDED_PG_PORT: String(await freeLoopbackPort()),
    };

    for (const round of [1, 2]) {
      const run = startPhidesk(env);
      const readyAfter = await waitReady(Number(env.PORT), 60_000, run);
      expect(readyAfter).toBeLessThan(60_000);
      const pid = Number(readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(alive(pid)).toBe(true);
      const keyFile = path.join(dataDir, 'dev-master.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      if (round === 1) expect(run.output()).toMatch(/DEVELOPMENT MASTER KEY/);
      expect(run.output()).toContain('/graphql');

      const stopAt = Date.now();
      run.child.kill('SIGTERM');
      const code = await run.exited;
      expect(code).toBe(0);
      expect(Date.now() - stopAt).toBeLessThan(10_000);
      expect(alive(pid)).toBe(false);
      expect(existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);
      if (round === 2) expect(run.output()).not.toMatch(/created !!! DEVELOPMENT/);
    }
  }, 150_000);

  it('refuses to start on a bad variable, naming it', async () => {
    const run = startPhidesk({ PORT: 'eighty' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/PORT/);
  });

  it('refuses the development master key in production', async () => {
    const run = startPhidesk({ NODE_ENV: 'production', TRUST_PROXY: 'true' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/MASTER_KEY_FILE/);
  });
});
