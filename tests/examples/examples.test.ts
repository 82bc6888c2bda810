// The three examples in examples/ run as an integrator would run them (a child process,
// `node --import tsx examples/<name>/main.ts`, configured by environment variables) against
// the real server on 127.0.0.1, and must exit 0 having printed what each promises.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintApiKey, startRunningServer, type RunningServer } from '../client/running-server.js';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let server: RunningServer;

beforeAll(async () => {
  server = await startRunningServer({
    ALLOW_HTTP_JWKS: 'true', // the partner IdP serves its JWKS on http://127.0.0.1
    ALLOW_PRIVATE_URLS: 'true', // ...and the webhook receiver listens there too
    // a small per-credential budget, so the integrator's burst meets 429s and rides them out
    RATE_LIMIT_MAX: '25',
    RATE_LIMIT_WINDOW_MS: '4000',
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_RETRY_BASE_MS: '100',
    WEBHOOK_RETRY_MAX_MS: '500',
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 30_000);

/** Runs one example to completion (60 s at most); returns its stdout lines, failing with its output otherwise. */
async function runExample(name: string, env: Record<string, string>): Promise<string[]> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', `examples/${name}/main.ts`], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/root', PHIDESK_URL: server.base, ...env },
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    return stdout.trim().split('\n');
  } catch (e) {
    const failed = e as { code?: number; signal?: string; stdout?: string; stderr?: string };
    throw new Error(
      `examples/${name} exited ${failed.code ?? failed.signal}:\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`,
    );
  }
}

describe('the examples, run against a live server', () => {
  it('partner-ehr: its own IdP and JWKS, registered as an issuer, then its JWT creates and reads a ticket', async () => {
    const lines = await runExample('partner-ehr', { PHIDESK_ADMIN_KEY: server.adminKey });
    expect(lines[0]).toMatch(/^issuer registered: [0-9a-f-]{36}$/);
    expect(lines[1]).toBe('signed in: roles supervisor');
    const id = /^ticket created: ([0-9a-f-]{36})$/.exec(lines[2] ?? '')?.[1];
    expect(id, lines.join('\n')).toBeDefined();
    expect(lines[3]).toBe(`ticket read: ${id} status new priority high`);
    // it removed its issuer afterwards: the tenant trusts none again
    const issuers = await fetch(`${server.base}/v1/tenant/issuers`, { headers: { 'x-api-key': server.adminKey } });
    expect(((await issuers.json()) as { items: unknown[] }).items).toEqual([]);
  }, 90_000);

  it('graphql-frontend: a subscription event, then Relay pagination over what it created', async () => {
    const supervisor = await mintApiKey(server, ['supervisor']);
    const lines = await runExample('graphql-frontend', { PHIDESK_API_KEY: supervisor });
    expect(lines[0]).toBe('subscription event: ticket.created');
    expect(lines[1]).toBe('listed 5 tickets in 3 pages');
  }, 90_000);

  it('integrator-script: idempotent creates, retries after 429, verified webhooks', async () => {
    const integration = await mintApiKey(server, ['integration'], ['tickets:write', 'tickets:read']);
    const lines = await runExample('integrator-script', {
      PHIDESK_API_KEY: integration,
      PHIDESK_ADMIN_KEY: server.adminKey,
    });
    expect(lines[0]).toBe('webhook endpoint registered');
    expect(lines[1]).toBe('created once: replayed=true');
    const burst = /^burst: 30\/30 answered, (\d+) retries after 429$/.exec(lines[2] ?? '');
    expect(burst, lines.join('\n')).not.toBeNull();
    expect(Number(burst![1])).toBeGreaterThan(0); // the budget of 25 was exceeded and waited out
    expect(lines[3]).toBe('webhook verified: ticket.created');
    expect(lines[4]).toBe('forged webhook refused: 400');
  }, 90_000);
});
