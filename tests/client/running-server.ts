// The real phidesk server (src/main.ts, as `npm start` runs it) on 127.0.0.1 over a fresh
// cloned test database, with the demo tenant's admin API key it writes at start: what the
// typed-client and examples tests call from the outside, like an integrator would.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../helpers/db.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** the demo tenant's tenant_admin API key */
  adminKey: string;
  process: ServerProcess;
  stop(): Promise<void>;
}

export async function startRunningServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-client-'));
  let server: ServerProcess | undefined;
  const stop = async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServerProcess({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      MIGRATE_ON_START: 'false', // the cloned template is migrated already
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_ADDRESS_MAX: '10000000',
      ...env,
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const adminKey = readFileSync(path.join(dataDir, 'demo-admin.key'), 'utf8').trim();
  return { base: server.base, adminKey, process: server, stop };
}

/** Mints an API key of the demo tenant through POST /v1/api-keys (plain fetch: the client is what is under test). */
export async function mintApiKey(server: RunningServer, roles: string[], scopes: string[] = []): Promise<string> {
  const res = await fetch(`${server.base}/v1/api-keys`, {
    method: 'POST',
    headers: { 'x-api-key': server.adminKey, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `client test ${roles.join('+')}`, roles, scopes }),
  });
  if (res.status !== 201) throw new Error(`minting a key failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { secret: string }).secret;
}
