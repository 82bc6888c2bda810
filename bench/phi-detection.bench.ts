// PHI detection on the way out (issue 18, acceptance 2 and 3), against real PostgreSQL
// with real keys: a 4 KiB reply checked the way the public-reply check does it (pattern
// pass, value candidates, their blind indexes under the tenant's key, one indexed SQL
// lookup of other patients), against a bare baseline measured in the same run (the reply
// copied and measured, which every outgoing reply already pays). Also scores the corpora:
// the value corpus against contacts sealed and indexed in this database, and the pattern
// corpora (generated, hand-written, held-out). Writes its section of bench/RESULTS.md.
// Run: node --import tsx bench/phi-detection.bench.ts
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { fieldsFromInput } from '../src/contacts/contacts.model.js';
import { insertContact } from '../src/contacts/contacts.repository.js';
import { createMasterKeyFile, initSodium, Keyring, TenantCrypto } from '../src/crypto/index.js';
import { PgTenantKeyStore } from '../src/crypto/pg-tenant-key-store.js';
import { withDatabase } from '../src/db/admin.js';
import { connectDatabase } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { scanOutgoing, type ValueLookup } from '../src/phi-detection/outgoing-scan.js';
import { PatternDetector } from '../src/phi-detection/patterns.js';
import { defaultPhiDetectionSettings, type PhiDetectionSettings } from '../src/phi-detection/settings.model.js';
import { valueCandidates } from '../src/phi-detection/value-candidates.js';
import {
  handwrittenSamples,
  heldoutSamples,
  scoreCorpus,
  type KindScore,
} from '../tests/phi-detection/corpus/score.js';
import { fixtureContacts, scoreValueCorpus } from '../tests/phi-detection/corpus/value-corpus.js';
import { fmt, loadAverage, machineLine, writeResultsSection } from './lib.js';
import { postgresServer } from './postgres.js';

const HEADING = '## PHI detection on the way out (issue 18)';
const FILLER_CONTACTS = 2_000;
const ITERATIONS = { pure: 20_000, full: 3_000 };

// Two 4 KiB replies. "typical": a long, ordinary reply (hand-written prose, no repeats
// within 1 KiB) quoting the patient's own phone once and another patient's phone once.
// "dense": the hand-written corpus's replies back to back, an identifier in nearly every
// sentence (a worst case for the number of candidates to hash).
const prose = [
  'Thank you for writing to us about the refill. I checked with the pharmacy this morning and they have the prescription ready;',
  'the pharmacist asked that you bring your insurance card when you pick it up, since the plan changed at the start of the year.',
  'Your next appointment is with the nurse practitioner, and she would like you to keep a short diary of how you feel after each dose,',
  'including any dizziness, trouble sleeping or changes in appetite. If anything feels wrong, please do not wait for the visit: call us.',
  'We also sent the lab order to the front desk. The lab opens early on weekdays and you do not need to fast for these tests.',
  'A few people asked about parking: the garage next to the building validates tickets for the first two hours.',
  'If you prefer the online portal, you can message the care team there and attach photos of the forms you received by mail.',
  'Finally, the billing office confirmed that the statement you received last month was sent by mistake and can be ignored.',
].join(' ');
const typicalReply = (() => {
  let out = 'Hi Pat, we have 617-555-0100 on file. ';
  for (let i = 0; out.length < 4096; i++) {
    out += `${prose} `;
    if (i === 1) out += 'Robin asked us to pass on her number, (617) 555-0142, for the carpool. ';
  }
  return out.slice(0, 4096);
})();
const denseReply = await (async () => {
  const texts = (await handwrittenSamples()).map((s) => s.text);
  let out = 'Hi Pat, we have 617-555-0100 on file; Robin can be reached at (617) 555-0142. ';
  for (let i = 0; out.length < 4096; i++) out += `${texts[(i * 7) % texts.length]} `;
  return out.slice(0, 4096);
})();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

interface Timing {
  p50: number;
  p99: number;
  /** the process's CPU time per call (user + system), p50 and p99: what the call costs when not preempted */
  cpuP50: number;
  cpuP99: number;
}

async function measure(iterations: number, fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(2000, iterations / 5); i++) await fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
  };
}

const pct = (x: number) => `${fmt(x * 100, 1)}%`;
const kindTable = (scores: KindScore[]) => [
  '| Kind | labelled | found | recall | clean samples | false positives | false-positive rate |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...scores.map(
    (s) =>
      `| ${s.kind} | ${s.labelled} | ${s.found} | ${pct(s.recall)} | ${s.clean} | ${s.falsePositives} | ${pct(s.fpRate)} |`,
  ),
];

async function main(): Promise<void> {
  await initSodium();
  const loadStart = loadAverage();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-phi-bench-'));
  const server = await postgresServer(dir, { machine: true });
  const name = `phidesk_phi_bench_${Date.now().toString(36)}`;
  const admin = connectDatabase(server.url, { poolMax: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const handle = connectDatabase(withDatabase(server.url, name), { poolMax: 2 });
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const version = (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]?.v.split(' on ')[0] ?? '?';
    const tenantId = (
      await db
        .insertInto('tenants')
        .values({ slug: 'phi-bench', name: 'PHI bench' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const keyring = new Keyring({
      masterKey: await createMasterKeyFile(path.join(dir, 'master.key')),
      store: new PgTenantKeyStore(db),
      cacheMaxAgeMs: 600_000,
    });
    await keyring.ensureTenantKey(tenantId);
    const crypto = await TenantCrypto.forWrite(keyring, tenantId);
    const ids: string[] = [];
    await db.transaction().execute(async (tx) => {
      for (const c of fixtureContacts) {
        const id = randomUUID();
        ids.push(id);
        await insertContact(tx, crypto, id, tenantId, fieldsFromInput(c));
      }
      for (let i = 0; i < FILLER_CONTACTS; i++) {
        const n = String(i).padStart(4, '0');
        await insertContact(
          tx,
          crypto,
          randomUUID(),
          tenantId,
          fieldsFromInput({
            name: `Filler ${n}`,
            phone: `212-555-${n}`,
            email: `filler${n}@example.net`,
            mrn: `F-${n}77`,
          }),
        );
      }
    });
    await sql`analyze contacts`.execute(db);
    const ms = (n: number) => fmt(n, 3);
    const lookup: ValueLookup = {
      db,
      tenantId,
      index: (table, column, kind) => crypto.blindIndexer(table, column, kind),
      allowedContactIds: [ids[0]!],
    };
    const both: PhiDetectionSettings = {
      ...defaultPhiDetectionSettings,
      otherPatientAction: 'block',
      patternAction: 'warn',
    };
    const valueOnly: PhiDetectionSettings = { ...defaultPhiDetectionSettings, otherPatientAction: 'block' };

    const detector = new PatternDetector();
    let sink = 0;
    const replies = { typical: typicalReply, dense: denseReply };
    const timings: string[] = [];
    const shapes: string[] = [];
    let acceptance = '';
    for (const [label, reply] of Object.entries(replies)) {
      // the check must find what it is measured finding
      const check = await scanOutgoing(reply, both, lookup);
      if (check.otherPatients.length === 0) throw new Error(`the ${label} reply should quote another patient`);
      shapes.push(
        `${label}: ${check.patterns.length} pattern findings, ${valueCandidates(reply).length} value candidates, ${check.otherPatients.length} other-patient findings`,
      );
      const bare = await measure(ITERATIONS.pure, () => (sink += Buffer.byteLength(`${reply}`)));
      const patterns = await measure(ITERATIONS.pure, () => (sink += detector.detect(reply).length));
      const candidates = await measure(ITERATIONS.pure, () => (sink += valueCandidates(reply).length));
      const value = await measure(
        ITERATIONS.full,
        async () => (sink += (await scanOutgoing(reply, valueOnly, lookup)).otherPatients.length),
      );
      const full = await measure(
        ITERATIONS.full,
        async () => (sink += (await scanOutgoing(reply, both, lookup)).patterns.length),
      );
      const row = (path: string, m: Timing) =>
        `| ${label} | ${path} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.p99 - bare.p99)} | ${ms(m.cpuP50)} | ${ms(m.cpuP99)} |`;
      timings.push(
        row('bare (copy + byte length)', bare),
        row('pattern pass', patterns),
        row('value candidates (no hashing, no SQL)', candidates),
        row('value check: candidates + blind indexes + one SQL lookup', value),
        row('full check: patterns + value check (what a public reply pays)', full),
      );
      acceptance += `${label} reply: the full check adds ${ms(full.p99 - bare.p99)} ms at p99 wall-clock (${full.p99 - bare.p99 <= 1 ? 'within' : 'NOT within'} 1 ms in this run), ${ms(full.p50 - bare.p50)} ms at p50; its CPU time is ${ms(full.cpuP50)} ms at p50 and ${ms(full.cpuP99)} ms at p99. `;
    }
    const loadEnd = loadAverage();
    if (sink < 0) console.log(sink);

    const valueScore = await scoreValueCorpus(
      async (text) => (await scanOutgoing(text, valueOnly, lookup)).otherPatients,
    );
    const generated = scoreCorpus();
    const hand = scoreCorpus(new PatternDetector(), await handwrittenSamples());
    const held = scoreCorpus(new PatternDetector(), await heldoutSamples());
    const heldFound = held.reduce((n, s) => n + s.found, 0);
    const heldLabelled = held.reduce((n, s) => n + s.labelled, 0);

    const section = [
      HEADING,
      '',
      machineLine(loadStart, loadEnd, 'shared with other helpers running tests; '),
      `- PostgreSQL: ${server.describe} (${version}); ${fmt(fixtureContacts.length + FILLER_CONTACTS)} contacts sealed and blind-indexed with the tenant's real keys.`,
      `- Replies: 4,096 characters each; ${shapes.join('; ')}. ${fmt(ITERATIONS.pure)} iterations (${fmt(ITERATIONS.full)} for the paths with SQL) after warm-up, one process, sequential; the SQL goes to the same machine's PostgreSQL over TCP.`,
      '',
      '| Reply | Path | p50 ms | p99 ms | p99 added over bare ms | CPU p50 ms | CPU p99 ms |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...timings,
      '',
      `Acceptance 3 (at most 1 ms p99 added to a 4 KiB reply): ${acceptance}Wall-clock includes the SQL round trip and any preemption by the machine's other load (see the load average above: with several times more runnable processes than cores, a p99 measures the scheduler); CPU time is the process's user + system time per call (process.cpuUsage, microsecond resolution), which leaves out waiting for the database and for a core.`,
      '',
      '### Value-based check (wrong patient, by blind index)',
      '',
      `Corpus: tests/phi-detection/corpus/value-corpus.ts, ${fixtureContacts.length} hand-written contacts (stored as staff type them), replies quoting the other patients' identifiers in other spellings; clean replies quote the ticket's patient's own identifiers, identifiers nobody has, and look-alikes. Checked here against the contacts sealed above (the vitest twin, tests/phi-detection/value-recall.test.ts, creates them through the API).`,
      '',
      '| Kind | labelled | found | recall |',
      '| --- | --- | --- | --- |',
      ...valueScore.kinds.map((k) => `| ${k.kind} | ${k.labelled} | ${k.found} | ${pct(k.recall)} |`),
      `| all | ${valueScore.overall.labelled} | ${valueScore.overall.found} | ${pct(valueScore.overall.recall)} |`,
      '',
      `Clean replies: ${valueScore.clean}, flagged: ${valueScore.falsePositives} (false-positive rate ${pct(valueScore.fpRate)}).`,
      '',
      'Spellings the check does not handle (scored apart, known limits): ' +
        valueScore.hard.map((k) => `${k.kind} ${k.found}/${k.labelled}`).join(', ') +
        ' (phone digits written as words, an email without "@" and its last dot, MRN digits as words).',
      '',
      'The first run of this corpus found 92.5% (161/174): a letter O for a zero, "[at]"/"[dot]" and an en dash were missed; the candidates now read them, and those spellings stay in the corpus.',
      '',
      '### Pattern kinds',
      '',
      'Hand-written corpus (tests/phi-detection/corpus/handwritten.ts: replies as staff write them, look-alikes not about a patient):',
      '',
      ...kindTable(hand),
      '',
      'Its first run, before the patterns were widened in response (labelled contexts for SSN, bare phones and MRNs; day-month-year and dotted dates; "ZIP code"/"postal code"; www and bare-domain URLs; IPv6; version and error-code vetoes), found: ssn 75%, phone 83%, email 100%, date 67%, zip 70%, address 75%, url 75%, ip 88%, mrn 50%, account 80%.',
      "The false positives left are look-alikes a pattern cannot tell from a patient's: the clinic's own dates, address and URL.",
      '',
      `Held-out set (tests/phi-detection/corpus/heldout.ts, written before the patterns were changed and never used to tune them): ${heldFound}/${heldLabelled} found (${pct(heldFound / heldLabelled)}); ` +
        held.map((s) => `${s.kind} ${s.found}/${s.labelled}`).join(', ') +
        `; false positives on its ${held[0]?.clean ?? 0} clean replies: ${held.reduce((n, s) => n + s.falsePositives, 0)}.`,
      '',
      'Generated corpus (tests/phi-detection/corpus/generate.ts; written with the patterns in mind, so optimistic):',
      '',
      ...kindTable(generated),
      '',
    ].join('\n');
    writeResultsSection(HEADING, section);
    console.log(section);
  } finally {
    await handle.db.destroy();
    await sql.raw(`drop database if exists ${name}`).execute(admin.db);
    await admin.db.destroy();
    await server.stop();
  }
}

await main();
