// Audit chain verification speed, single core: from memory, and from an NDJSON export
// through the same parse path the CLI uses. Target: > 200,000 events/s on one core.
//
//   node --import tsx bench/audit-verify.bench.ts [--events 1000000] [--tenants 4] [--runs 3] [--no-results]
//
// Writes its section of bench/RESULTS.md (replacing an earlier run's, leaving other
// sections alone) unless --no-results is given.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DirectoryCheckpointSink,
  formatExportLine,
  parseNdjson,
  parseNdjsonBatches,
  publicKeyToBase64,
  readNdjsonLines,
  verifyChain,
  type AuditEvent,
  type SignedCheckpoint,
} from '../src/audit/index.js';
import { runAuditVerify } from '../src/cli/audit-verify.js';
import { buildChain, checkpointsFor, testKey } from '../tests/audit/chain-fixture.js';
import { fmt, loadAverage, machineLine, median, RESULTS_PATH, writeResultsSection } from './lib.js';

const TARGET = 200_000;
const HEADING = '## Audit verification (audit-verify.bench.ts)';

const { values: options } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    tenants: { type: 'string', default: '4' },
    runs: { type: 'string', default: '3' },
    'checkpoint-every': { type: 'string', default: '10000' },
    'no-results': { type: 'boolean', default: false },
  },
});
const tenants = Number(options.tenants);
const perTenant = Math.floor(Number(options.events) / tenants);
const totalEvents = perTenant * tenants;
const runs = Number(options.runs);
const checkpointEvery = Number(options['checkpoint-every']);

interface Measurement {
  wallMs: number;
  cpuMs: number;
}

interface PathResult {
  label: string;
  runs: Measurement[];
  countsForTarget: boolean;
}

async function measure(work: () => Promise<void>): Promise<Measurement> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await work();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function repeat(label: string, countsForTarget: boolean, work: () => Promise<void>): Promise<PathResult> {
  const measured: Measurement[] = [];
  for (let run = 0; run < runs; run++) {
    measured.push(await measure(work));
    const last = measured[measured.length - 1] as Measurement;
    console.log(`  ${label}: run ${run + 1}: ${fmt(rate(last.wallMs))} events/s`);
  }
  return { label, runs: measured, countsForTarget };
}

function rate(ms: number): number {
  return Math.round((totalEvents / ms) * 1000);
}

function assertOk(report: { ok: boolean; events: number }): void {
  if (!report.ok || report.events !== totalEvents)
    throw new Error('benchmark chain did not verify: the benchmark is broken');
}

async function writeExport(path: string, events: AuditEvent[]): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < events.length; i += 10_000) {
    const text = events
      .slice(i, i + 10_000)
      .map((event) => formatExportLine(event) + '\n')
      .join('');
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const nullIo = { stdout: { write: () => true }, stderr: { write: () => true } };

function formatSection(
  results: PathResult[],
  context: { date: string; exportBytes: number; loadStart: number; loadEnd: number; generateMs: number },
): string {
  const rows = results.map((result) => {
    const walls = result.runs.map((run) => rate(run.wallMs));
    const best = Math.max(...walls);
    const perCpu = median(result.runs.map((run) => rate(run.cpuMs)));
    const met = result.countsForTarget ? (median(walls) > TARGET ? 'yes' : 'no') : 'n/a';
    return `| ${result.label} | ${fmt(best)} | ${fmt(median(walls))} | ${fmt(perCpu)} | ${met} |`;
  });
  const medianRate = (result: PathResult | undefined): string =>
    result === undefined ? '?' : fmt(median(result.runs.map((run) => rate(run.wallMs))));
  const notes = [
    `Parsing every line in full (\`verifyChain(parseNdjson(...))\`) pays for JSON.parse and the shape check, which alone run at`,
    `${medianRate(results[3])} events/s, on top of the verification itself (${medianRate(results[0])} events/s in memory): the two costs add up.`,
    'The CLI instead checks each export line from its bytes (the line minus its fixed-width prevHash/hash tail is',
    'exactly what was hashed) while a signed checkpoint lies ahead, and parses in full only lines past the newest',
    `checkpoint; that path runs at ${medianRate(results[2])} events/s. Reading and framing lines alone: ${medianRate(results[4])} events/s.`,
  ];
  return [
    HEADING,
    '',
    `- Date: ${context.date}`,
    machineLine(context.loadStart, context.loadEnd, 'shared with other work, '),
    `- Target: > ${fmt(TARGET)} events/s on one core (verification is single-threaded JavaScript plus synchronous node:crypto)`,
    `- Workload: ${fmt(totalEvents)} events (${tenants} tenants x ${fmt(perTenant)}, grouped by tenant), a signed checkpoint every ${fmt(checkpointEvery)} events per tenant; NDJSON export in export-line form (canonical JSON plus prevHash and hash) ${(context.exportBytes / 2 ** 20).toFixed(0)} MiB (${Math.round(context.exportBytes / totalEvents)} bytes/event); generating and chaining took ${(context.generateMs / 1000).toFixed(1)} s`,
    '- Per event: seq and link checks, one SHA-256 over the canonical form (node:crypto), two RFC 6962 Merkle hashes (word-level SHA-256 in JS); a file adds reading and UTF-8 line framing, and, where a line is parsed in full, JSON.parse and the strict shape check',
    `- Runs: ${runs} per path; "per CPU-second" divides by the process's user+system CPU time, which also counts GC helper and file I/O threads, so it understates one core slightly`,
    '',
    '| path | events/s best | events/s median | events per CPU-second (median) | median above target |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...notes,
    '',
    'Run: `node --import tsx bench/audit-verify.bench.ts [--events N] [--tenants T] [--runs R] [--no-results]`',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const loadStart = loadAverage();
  console.log(`audit verify bench: ${fmt(totalEvents)} events, ${tenants} tenants, ${runs} runs`);
  const generateStart = performance.now();
  const events: AuditEvent[] = [];
  const checkpoints: SignedCheckpoint[] = [];
  for (let tenant = 1; tenant <= tenants; tenant++) {
    const chain = buildChain(tenant, perTenant);
    checkpoints.push(...checkpointsFor(chain, checkpointEvery));
    for (const event of chain) events.push(event);
  }
  const generateMs = performance.now() - generateStart;
  console.log(`  generated and chained in ${(generateMs / 1000).toFixed(1)} s`);

  const dir = await mkdtemp(join(tmpdir(), 'phidesk-audit-bench-'));
  try {
    const exportPath = join(dir, 'export.ndjson');
    await writeExport(exportPath, events);
    const checkpointDir = join(dir, 'checkpoints');
    const sink = new DirectoryCheckpointSink(checkpointDir);
    for (const checkpoint of checkpoints) await sink.write(checkpoint);
    const exportBytes = (await stat(exportPath)).size;
    const publicKey = testKey.publicKey;
    const readExport = () => createReadStream(exportPath, { highWaterMark: 1 << 20 });

    // Warm the JIT on a slice so the first measured run is not mostly compilation.
    await verifyChain(events.slice(0, 50_000), { publicKey });

    const results: PathResult[] = [];
    results.push(
      await repeat('in memory: `verifyChain(array)`', true, async () =>
        assertOk(await verifyChain(events, { publicKey, checkpoints })),
      ),
    );
    // The file paths must not pay for marking a million live events on every GC.
    events.length = 0;
    results.push(
      await repeat('file: `verifyChain(parseNdjson(stream))`', true, async () =>
        assertOk(await verifyChain(parseNdjson(readExport()), { publicKey, checkpoints })),
      ),
    );
    const argv = ['--file', exportPath, '--public-key', publicKeyToBase64(publicKey), '--checkpoints', checkpointDir];
    results.push(
      await repeat('file: `phidesk audit verify` (CLI: export lines checked from their bytes)', true, async () => {
        if ((await runAuditVerify(argv, nullIo)) !== 0) throw new Error('CLI reported damage: the benchmark is broken');
      }),
    );
    results.push(
      await repeat('file, parsing only (framing + JSON.parse + shape check)', false, async () => {
        let count = 0;
        for await (const batch of parseNdjsonBatches(readExport())) count += batch.length;
        if (count !== totalEvents) throw new Error('parsed event count is off');
      }),
    );
    results.push(
      await repeat('file, reading and framing lines only', false, async () => {
        let count = 0;
        for await (const chunk of readNdjsonLines(readExport())) count += chunk.lines.length;
        if (count !== totalEvents) throw new Error('line count is off');
      }),
    );

    const section = formatSection(results, {
      date: new Date().toISOString().slice(0, 10),
      exportBytes,
      loadStart,
      loadEnd: loadAverage(),
      generateMs,
    });
    console.log('\n' + section);
    if (!options['no-results']) {
      writeResultsSection(HEADING, section);
      console.log(`written to ${RESULTS_PATH}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
