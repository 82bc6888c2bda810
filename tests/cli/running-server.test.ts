// The recovery step README gives for a lost demo key, while `npm start` runs: the CLI,
// given only the same DATA_DIR (and the default EMBEDDED_PG_PORT, which is not the
// server's), connects to the server's embedded PostgreSQL, mints a key the server
// accepts, and leaves that PostgreSQL running. With the server gone and a stale
// postmaster.pid left behind, the CLI starts (and stops) the embedded server itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRunningPostmaster, freeLoopbackPort } from '../../src/db/embedded.js';
import { childEnv, phidesk, root } from './run.js';

let server: ChildProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function waitReady(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output().slice(-2000)}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server was not ready within 60 s');
}

/** The pid of a process that has exited (for a stale postmaster.pid). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('phidesk next to a running server', () => {
  it("mints a working key through the server's embedded PostgreSQL and leaves it running", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-cli-running-'));
    const port = await freeLoopbackPort();
    let out = '';
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: childEnv({
        DATA_DIR: dataDir,
        PORT: String(port),
        EMBEDDED_PG_PORT: String(await freeLoopbackPort()),
        LOG_LEVEL: 'info',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => {
      out += d;
    });
    server.stderr!.on('data', (d) => {
      out += d;
    });
    await waitReady(port, server, () => out);
    const postmaster = await findRunningPostmaster(dataDir);
    expect(postmaster).toBeDefined();

    const created = await phidesk(
      ['keys', 'create', '--tenant', 'demo', '--name', 'admin2', '--roles', 'tenant_admin'],
      { env: { DATA_DIR: dataDir } },
    );
    expect(created.code, created.stderr).toBe(0);
    const key = /key \(shown once, store it now\): (phk_\S+)/.exec(created.stdout)?.[1];
    expect(key, created.stdout).toBeDefined();
    const me = await fetch(`http://127.0.0.1:${port}/v1/me`, { headers: { 'x-api-key': key! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'api_key', roles: ['tenant_admin'] });
    expect((await findRunningPostmaster(dataDir))?.pid).toBe(postmaster!.pid); // not stopped by the CLI
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    server.kill('SIGTERM');
    expect(await new Promise((resolve) => server!.once('exit', resolve))).toBe(0);

    // a stale pid file (its process is gone): the CLI starts the embedded server as usual, and stops it
    const pidFile = path.join(dataDir, 'pgdata', 'postmaster.pid');
    const stale = `${await deadPid()}\n${path.join(dataDir, 'pgdata')}\n1\n${postmaster!.port}\n\n127.0.0.1\n 1 1\nready   \n`;
    await writeFile(pidFile, stale);
    const listed = await phidesk(['keys', 'list', '--tenant', 'demo'], {
      env: { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freeLoopbackPort()) },
    });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/\n\S+ +admin2 +tenant_admin /);
    expect(existsSync(pidFile) ? await readFile(pidFile, 'utf8') : 'removed').toBe('removed');
  }, 150_000);
});
