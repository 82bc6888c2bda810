// Load and cost measurement for the audit overhead benchmark. autocannon runs as a
// separate process (so this process's CPU time is the server's alone), bounded by
// duration, a request cap and a kill timer. CPU is counted for the server process and for
// PostgreSQL (Linux /proc; what counts is the database's to say, audit-overhead-harness.ts):
// on a shared machine, throughput swings with other people's load, CPU per request
// much less.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface LoadResult {
  rps: number;
  requests: number;
  p99: number;
  failed: number;
}

export async function runLoad(
  url: string,
  apiKey: string,
  opts: { connections: number; duration: number; maxRequests: number },
): Promise<LoadResult> {
  const args = [
    autocannonCli,
    '-j',
    '-c',
    String(opts.connections),
    '-d',
    String(opts.duration),
    '-O',
    String(opts.maxRequests),
    '-H',
    `x-api-key=${apiKey}`,
    url,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), (opts.duration + 30) * 1000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const result = JSON.parse(out.trim().split('\n').pop()!) as {
    requests: { average: number; total: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * CPU seconds of the processes that `include` picks (by pid and parent pid), or undefined
 * when /proc cannot be read.
 */
export function cpuSecondsOf(include: (pid: number, parent: number) => boolean): number | undefined {
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
        if (include(Number(entry), Number(fields[1]))) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return undefined;
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

export interface Cost {
  load: LoadResult;
  /** CPU ms per request: this process (server, capture, sequencer) */
  serverMs: number;
  /** CPU ms per request: PostgreSQL (undefined when it cannot be read) */
  postgresMs: number | undefined;
}

/** One measured run: load, then `settle` (the audited app drains its inbox), CPU counted over both. */
export async function measureRun(
  load: () => Promise<LoadResult>,
  settle: () => Promise<void>,
  postgresCpuSeconds: () => Promise<number | undefined>,
): Promise<Cost> {
  const cpu0 = process.cpuUsage();
  const pg0 = await postgresCpuSeconds();
  const result = await load();
  await settle();
  const cpu = process.cpuUsage(cpu0);
  const pg1 = await postgresCpuSeconds();
  const requests = Math.max(result.requests, 1);
  return {
    load: result,
    serverMs: (cpu.user + cpu.system) / 1000 / requests,
    postgresMs: pg0 === undefined || pg1 === undefined ? undefined : ((pg1 - pg0) * 1000) / requests,
  };
}
