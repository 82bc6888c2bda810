// Attachments bench (issue 15, acceptance 1): a 50 MiB file uploads and downloads
// byte-identical while the server's RSS grows by less than 64 MiB. The server is the real
// app (composeApp) in a process of its own, so its RSS (/proc/<pid>/status, sampled every
// 20 ms) counts only the server; the driver streams the file up from a seeded generator
// and hashes what comes back, so neither side ever holds the whole file.
//
//   node --import tsx bench/attachments.bench.ts [--mib 50]
import { fork, type ChildProcess } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CHUNK_BYTES } from '../src/attachments/attachment-stream.js';
import { fmt, loadAverage, machineLine, writeResultsSection } from './lib.js';
import { postgresServer } from './postgres.js';

const HEADING = '## Attachments (attachments.bench.ts)';
const LIMIT_MIB = 64;

type Ready = { type: 'ready'; url: string; adminKey: string };
type MemoryFigures = { heapTotal: number; arrayBuffers: number };
type Memory = { type: 'memory'; now: MemoryFigures; peak: MemoryFigures };

async function serve(): Promise<void> {
  const { connectDatabase } = await import('../src/db/kysely.js');
  const { loadConfig } = await import('../src/config.js');
  const { composeApp } = await import('../src/compose.js');
  const { loadOrCreateDevMasterKey } = await import('../src/crypto/index.js');
  const { migrateToLatest } = await import('../src/db/migrate.js');
  const { createTenant } = await import('../src/tenants/tenants.service.js');
  const url = process.env['BENCH_DB_URL']!;
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: process.env['BENCH_DATA_DIR']!,
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_ADDRESS_MAX: '10000000',
  });
  const { db } = connectDatabase(url, { poolMax: config.dbPoolMax, applicationName: 'phidesk-bench' });
  await migrateToLatest(db);
  const tenant = await createTenant(db, { slug: 'bench', name: 'Bench', allowHttpJwks: false });
  const masterKey = (await loadOrCreateDevMasterKey(config.masterKeyFile)).provider;
  const app = await composeApp({ config, db, masterKey });
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  // where the RSS goes: the peaks of V8's heap and of Buffers (off-heap), reset on request
  let peak = { heapTotal: 0, arrayBuffers: 0 };
  setInterval(() => {
    const u = process.memoryUsage();
    peak = {
      heapTotal: Math.max(peak.heapTotal, u.heapTotal),
      arrayBuffers: Math.max(peak.arrayBuffers, u.arrayBuffers),
    };
  }, 20).unref();
  process.on('message', (m: { type: string }) => {
    if (m.type !== 'memory') return;
    const u = process.memoryUsage();
    process.send?.({
      type: 'memory',
      now: { heapTotal: u.heapTotal, arrayBuffers: u.arrayBuffers },
      peak,
    } satisfies Memory);
    peak = { heapTotal: u.heapTotal, arrayBuffers: u.arrayBuffers };
  });
  process.send?.({ type: 'ready', url: appUrl, adminKey: tenant.adminKey } satisfies Ready);
}

/** The server's resident set, in bytes, from /proc (what the kernel counts for it). */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples the server's RSS until stopped; returns the peak. */
function sampleRss(pid: number): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rssOf(pid));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return Math.max(peak, await rssOf(pid));
    },
  };
}

/** `bytes` of seeded pseudo-random data after a PNG signature, in 256 KiB pieces (never all at once). */
function* fileBytes(bytes: number): Generator<Buffer> {
  // an AES-CTR keystream under a fixed key: fast, repeatable, incompressible
  const stream = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0));
  const zeros = Buffer.alloc(256 * 1024);
  for (let sent = 0; sent < bytes;) {
    const piece = stream.update(zeros.subarray(0, Math.min(zeros.length, bytes - sent)));
    if (sent === 0) Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(piece, 0);
    sent += piece.length;
    yield piece;
  }
}

async function request(
  url: string,
  opts: http.RequestOptions,
  body?: Iterable<Buffer>,
): Promise<{ status: number; hash: string; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, opts, (res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      const head: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        hash.update(c);
        bytes += c.length;
        if (bytes < 4096) head.push(c);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, hash: hash.digest('hex'), bytes, text: Buffer.concat(head).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    void (async () => {
      for (const piece of body ?? []) if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
      req.end();
    })();
  });
}

/** The server's V8 heap and Buffer memory now, and their peaks since the last call. */
function memoryOf(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== 'memory') return;
      child.off('message', onMessage);
      resolve(m as Memory);
    };
    child.on('message', onMessage);
    child.send({ type: 'memory' });
  });
}

async function drive(mib: number): Promise<void> {
  const loadStart = loadAverage();
  const loadavgStart = (await readFile('/proc/loadavg', 'utf8')).trim();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-attach-bench-'));
  const server = await postgresServer(dir, { machine: true });
  const dbName = `phidesk_attach_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const dbUrl = new URL(server.url);
  dbUrl.pathname = `/${dbName}`;
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    env: { ...process.env, BENCH_DB_URL: dbUrl.toString(), BENCH_DATA_DIR: dir },
    execArgv: ['--import', 'tsx'],
  });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Ready));
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const auth = { 'x-api-key': ready.adminKey, 'content-type': 'application/json' };
    const keyRes = await fetch(`${ready.url}/v1/api-keys`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'bench', roles: ['supervisor'] }),
    });
    const key = ((await keyRes.json()) as { secret: string }).secret;
    const staff = { 'x-api-key': key };
    const ticketRes = await fetch(`${ready.url}/v1/tickets`, {
      method: 'POST',
      headers: { ...staff, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'attachment bench' }),
    });
    const ticketId = ((await ticketRes.json()) as { id: string }).id;
    const upload = (bytes: number) =>
      request(
        `${ready.url}/v1/tickets/${ticketId}/attachments`,
        {
          method: 'POST',
          headers: { ...staff, 'content-type': 'image/png', 'content-disposition': 'attachment; filename="bench.png"' },
        },
        fileBytes(bytes),
      );
    const download = (id: string) => request(`${ready.url}/v1/attachments/${id}/content`, { headers: staff });

    // warm-up: every code path loaded and the pools filled before the baseline is taken
    const warm = await upload(1024 * 1024);
    await download((JSON.parse(warm.text) as { id: string }).id);
    await new Promise((r) => setTimeout(r, 500));
    const baseline = await rssOf(child.pid!);
    const before = (await memoryOf(child)).now;

    const bytes = mib * 1024 * 1024;
    const expected = createHash('sha256');
    for (const piece of fileBytes(bytes)) expected.update(piece);
    const expectedHash = expected.digest('hex');

    let sampler = sampleRss(child.pid!);
    let started = performance.now();
    const up = await upload(bytes);
    const uploadMs = performance.now() - started;
    const uploadPeak = await sampler.stop();
    const uploadMemory = (await memoryOf(child)).peak;
    if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${up.text}`);
    const id = (JSON.parse(up.text) as { id: string }).id;

    sampler = sampleRss(child.pid!);
    started = performance.now();
    const down = await download(id);
    const downloadMs = performance.now() - started;
    const downloadPeak = await sampler.stop();
    const downloadMemory = (await memoryOf(child)).peak;
    const identical = down.status === 200 && down.bytes === bytes && down.hash === expectedHash;
    const growth = Math.max(uploadPeak, downloadPeak) - baseline;
    const pass = identical && growth < LIMIT_MIB * 1024 * 1024;
    const m = (b: number) => fmt(b / 1024 / 1024, 1);
    const delta = (b: number) => `${b < 0 ? '-' : '+'}${m(Math.abs(b))}`;
    const loadavgEnd = (await readFile('/proc/loadavg', 'utf8')).trim();
    const section = [
      HEADING,
      '',
      `Acceptance 1 of issue 15: a ${mib} MiB attachment uploads and downloads byte-identical while the server's RSS grows by less than ${LIMIT_MIB} MiB. **${pass ? 'Met' : 'Missed'}.**`,
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Command: \`node --import tsx bench/attachments.bench.ts --mib ${mib}\``,
      machineLine(loadStart, loadAverage(), 'shared with other sessions; '),
      `- /proc/loadavg: \`${loadavgStart}\` at start, \`${loadavgEnd}\` at end`,
      `- Server: the real app (composeApp) in its own process over ${server.describe}; RSS from /proc/<pid>/status every 20 ms`,
      '',
      "What bounds the growth: the server's V8 heap stays flat; what grows is Buffer memory that is already garbage (socket reads, sealed chunks, pg's protocol buffers: a few copies of each chunk) until V8 collects it, which it does when external memory has grown by about 64 MiB since the last collection. Nothing holds more than a batch of chunks; the bound is V8's collection trigger, so the margin under 64 MiB is thin on a fast transfer (a slow client, with idle time for the collector, grew the RSS by under 30 MiB).",
      '',
      '| | value |',
      '|---|---|',
      `| file | ${mib} MiB (${fmt(bytes)} bytes), image/png, streamed as a raw body with chunked transfer encoding |`,
      `| byte-identical (length and SHA-256) | ${identical ? 'yes' : 'NO'} |`,
      `| server RSS after warm-up (baseline) | ${m(baseline)} MiB |`,
      `| server RSS peak during upload | ${m(uploadPeak)} MiB (${delta(uploadPeak - baseline)} MiB) |`,
      `| server RSS peak during download | ${m(downloadPeak)} MiB (${delta(downloadPeak - baseline)} MiB) |`,
      `| largest growth (limit ${LIMIT_MIB} MiB) | ${m(growth)} MiB |`,
      `| V8 heap (heapTotal) after warm-up, peak in upload, in download | ${m(before.heapTotal)}, ${m(uploadMemory.heapTotal)}, ${m(downloadMemory.heapTotal)} MiB |`,
      `| Buffers (arrayBuffers) after warm-up, peak in upload, in download | ${m(before.arrayBuffers)}, ${m(uploadMemory.arrayBuffers)}, ${m(downloadMemory.arrayBuffers)} MiB |`,
      `| upload | ${fmt(uploadMs)} ms (${fmt(mib / (uploadMs / 1000), 1)} MiB/s, sealed in ${CHUNK_BYTES / 1024} KiB chunks, one transaction) |`,
      `| download | ${fmt(downloadMs)} ms (${fmt(mib / (downloadMs / 1000), 1)} MiB/s, 8 chunks per query) |`,
      '',
    ].join('\n');
    writeResultsSection(HEADING, section);
    console.log(section);
    if (!pass) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    await server.stop();
  }
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  const at = process.argv.indexOf('--mib');
  await drive(at > 0 ? Number(process.argv[at + 1]) : 50);
}
