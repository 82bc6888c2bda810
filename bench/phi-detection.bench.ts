// PHI detection on the way out (issue 18, acceptance 2 and 3), against real PostgreSQL
// with real keys: a 4 KiB reply checked the way a public reply is (value candidates and
// their blind indexes under the tenant's key, the lookup of other patients riding on the
// outbound settings' select, the pattern pass), against what every public reply pays in
// the same run without detection (that select alone, in a transaction on one connection),
// and each stage alone against a bare baseline (the reply copied and measured). Also scores the corpora:
// the value corpus against contacts sealed and indexed in this database, and the pattern
// corpora (generated, hand-written, held-out). Writes its section of bench/RESULTS.md.
// Run: node --import tsx bench/phi-detection.bench.ts
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.js';
import { putRow } from '../src/phi-detection/settings.repository.js';
import { fieldsFromInput } from '../src/contacts/contacts.model.js';
import { insertContact } from '../src/contacts/contacts.repository.js';
import { createMasterKeyFile, initSodium, Keyring, TenantCrypto } from '../src/crypto/index.js';
import { PgTenantKeyStore } from '../src/crypto/pg-tenant-key-store.js';
import { withDatabase } from '../src/db/admin.js';
import { connectDatabase } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { detectionIsOff, scanOutgoing, type ValueLookup } from '../src/phi-detection/outgoing-scan.js';
import { PatternDetector } from '../src/phi-detection/patterns.js';
import { defaultPhiDetectionSettings, type PhiDetectionSettings } from '../src/phi-detection/settings.model.js';
import { valueCandidates } from '../src/phi-detection/value-candidates.js';
import { findOtherPatients, hashValueCandidates } from '../src/phi-detection/value-lookup.js';
import { outboundSettingsOf } from '../src/disclosure/outbound-settings.service.js';
import { hashedAhead } from '../src/disclosure/public-reply-gate.js';
import { searchIndexes } from '../src/contacts/contacts.model.js';
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
// The profile and the before/after record (static: measured once, before and after the
// changes it describes; the table above it is re-measured on every run).
const PROFILE_NOTES: string[] = [
  '### Profile and before/after (acceptance 3 work)',
  '',
  'Profile taken before the changes (a micro-harness timing each stage and each expression on the two replies, CPU time per call, 3,000 calls; machine load 3 to 5). Top entries:',
  '',
  '| Stage / expression | typical CPU ms | dense CPU ms |',
  '| --- | --- | --- |',
  '| value candidates, whole pass | 0.257 | 0.495 |',
  '| - TOKEN (possible MRN tokens: a lookbehind tried at every character) | 0.074 | 0.042 |',
  '| - EMAIL_AT ("pat at example dot org") | 0.042 | 0.032 |',
  '| - DIGIT_RUN | 0.035 | 0.032 |',
  '| - EMAIL | 0.034 | 0.030 |',
  '| - LETTER_O (O typed for 0) | 0.025 | 0.014 |',
  '| pattern pass, whole | 0.148 | 0.289 |',
  '| - IPv6 rule | 0.037 | 0.046 |',
  '| - email rule | 0.036 | 0.046 |',
  '| - bare-domain URL rule | 0.037 | 0.044 |',
  '| - date rule | 0.013 | 0.015 |',
  '| blind indexes of all candidates (8 / 153) | 0.041 | 0.424 |',
  '',
  'So each regular expression ran over the whole 4 KiB reply although most of the reply cannot hold a match. Changes: the candidate expressions now run only from a bounded distance before a trigger every match must contain (a digit for TOKEN, DIGIT_RUN and PHONE; "@" for EMAIL; a spelled "at" followed by a label and a dot for EMAIL_AT), skipping the text between unread; LETTER_O runs only when an O touches a digit; the email, IPv6 and bare-domain URL pattern rules are skipped when the text lacks "@", "::"/seven colons, or ".tld/"; the three column keys are looked up in one await; hashed values go to the query without a hex round trip. Candidates were already deduplicated before hashing, the key already fetched once per column (no per-value lookup), and the SQL already skipped when there are no candidates and already one query. Output is unchanged: old and new code give identical candidates and pattern findings on every corpus text plus 20,000 fuzzed strings, and the corpus scores below are the same as before (the value, hand-written, held-out and generated sections of this file are identical before and after).',
  '',
  'After the changes, same micro-harness (CPU per call, load 11 to 14): value candidates 0.023 (typical) / 0.244 (dense); pattern pass 0.060 / 0.186; blind indexes 0.021 / 0.291. Hashing the dense reply (150 distinct candidates, each an NFKC pass and a BLAKE2b in libsodium) is now the largest pure cost; it is left as is (the hash must equal the one contacts are written with).',
  '',
  'Before, this bench (full check, what a public reply pays), two runs: load 9.5 to 7.0: typical +6.81 ms p99 wall (+1.30 p50), CPU p50 0.868 / p99 2.508 ms; dense +12.42 ms p99 (+4.22 p50), CPU p50 2.284 / p99 5.594 ms. Load 6.5 to 11.5: typical +36.26 ms p99 (+5.85 p50), CPU p50 1.268 / p99 3.184 ms; dense +55.66 ms p99 (+9.53 p50), CPU p50 1.989 / p99 5.118 ms. After: the table above.',
  '',
  "Second round (the table above): the value lookup was a round trip of its own in the reply's transaction. The reply now hashes its candidates before it reads its outbound settings, and that one select carries the lookup (src/disclosure/public-reply-gate.ts hashedAhead, src/disclosure/outbound-settings.repository.ts), so detection adds no round trip. Written inline, the lookup's three-way OR was planned on every reply, and tenants whose check is off paid that too (a trial run at load 6: +0.29 ms p50 with the check off); as the PL/pgSQL function phi_value_matches (migration 0033), whose query is prepared once per connection, that fell to +0.15 ms. A reply with more than 64 candidates is not hashed ahead (hashing the dense reply costs 0.18 ms at p50, which would fall on tenants whose check is off); with the check on, it pays its own lookup as before. The SQL paths are now measured in one transaction on one connection, as a reply runs them; before, each call took a connection from the pool.",
];

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
    const off: PhiDetectionSettings = { ...defaultPhiDetectionSettings };
    const setDetection = (tx: Kysely<Database>, settings: PhiDetectionSettings) =>
      putRow(tx, tenantId, randomUUID(), settings);

    const detector = new PatternDetector();
    let sink = 0;
    const replies = { typical: typicalReply, dense: denseReply };
    const timings: string[] = [];
    const shapes: string[] = [];
    let acceptance = '';
    const floors: string[] = [];
    // the plan of the one lookup query, to check it uses the contacts' blind-index indexes
    const some = [Buffer.alloc(16, 1), Buffer.alloc(16, 2)];
    const plan = (
      await sql<{ 'QUERY PLAN': string }>`explain select id, email_bidx, phone_bidx, mrn_bidx from contacts
        where tenant_id = ${tenantId} and deleted_at is null
          and (email_bidx = any(${some}::bytea[]) or phone_bidx = any(${some}::bytea[]) or mrn_bidx = any(${some}::bytea[]))`.execute(
        db,
      )
    ).rows.map((r) => r['QUERY PLAN'].trim());
    const planIndexes = [...new Set(plan.join(' ').match(/contacts_\w+_bidx/g) ?? [])];
    for (const [label, reply] of Object.entries(replies)) {
      // the check must find what it is measured finding
      const check = await scanOutgoing(reply, both, lookup);
      if (check.otherPatients.length === 0) throw new Error(`the ${label} reply should quote another patient`);
      shapes.push(
        `${label}: ${check.patterns.length} pattern findings, ${valueCandidates(reply).length} value candidates, ${check.otherPatients.length} other-patient findings`,
      );
      const cands = valueCandidates(reply);
      const hashers = {
        email: await crypto.blindIndexer('contacts', searchIndexes.email.indexName, searchIndexes.email.kind),
        phone: await crypto.blindIndexer('contacts', searchIndexes.phone.indexName, searchIndexes.phone.kind),
        mrn: await crypto.blindIndexer('contacts', searchIndexes.mrn.indexName, searchIndexes.mrn.kind),
      };
      const bare = await measure(ITERATIONS.pure, () => (sink += Buffer.byteLength(`${reply}`)));
      const patterns = await measure(ITERATIONS.pure, () => (sink += detector.detect(reply).length));
      const candidates = await measure(ITERATIONS.pure, () => (sink += valueCandidates(reply).length));
      const hashing = await measure(ITERATIONS.pure, () => {
        for (const c of new Map(cands.map((c) => [`${c.index}:${c.normalised}`, c])).values())
          sink += hashers[c.index](c.normalised).length;
      });
      // The SQL paths run in one transaction on one connection, as a public reply's checks
      // run in the reply's transaction (src/disclosure/public-reply-gate.ts).
      const sqlPaths = await db.transaction().execute(async (tx) => {
        const roundTrip = await measure(
          ITERATIONS.full,
          async () => (sink += (await sql<{ one: number }>`select 1 as one`.execute(tx)).rows.length),
        );
        // the webhook path: its own lookup query
        const lookupOnly = await measure(
          ITERATIONS.full,
          async () =>
            (sink += (await findOtherPatients(tx, tenantId, lookup.index, cands, lookup.allowedContactIds)).length),
        );
        // What every public reply pays, detection or not: the outbound settings' one select.
        const settingsOnly = await measure(
          ITERATIONS.full,
          async () => (sink += (await outboundSettingsOf(tx, tenantId)).phiDetection.patternKinds.length),
        );
        // The public reply's steps with detection (src/disclosure/public-reply-gate.ts,
        // src/phi-detection/public-reply-check.ts): candidates hashed, the lookup riding on
        // the settings' select, then the pattern pass and the findings.
        const replySteps = async () => {
          const settings = await outboundSettingsOf(tx, tenantId, await hashedAhead(reply, crypto));
          if (detectionIsOff(settings.phiDetection)) return 0;
          const scan = await scanOutgoing(reply, settings.phiDetection, {
            ...lookup,
            db: tx,
            prefetched: settings.valueLookup,
          });
          return scan.otherPatients.length + scan.patterns.length;
        };
        await setDetection(tx, off);
        const offPath = await measure(ITERATIONS.full, async () => (sink += await replySteps()));
        await setDetection(tx, both);
        const found = await replySteps();
        if (found === 0) throw new Error(`the ${label} reply's steps should find what the check finds`);
        const onPath = await measure(ITERATIONS.full, async () => (sink += await replySteps()));
        const hashedBefore = { text: reply, hashed: await hashValueCandidates(lookup.index, cands) };
        const selectWithLookup = await measure(
          ITERATIONS.full,
          async () => (sink += (await outboundSettingsOf(tx, tenantId, hashedBefore)).valueLookup?.rows.length ?? 0),
        );
        return { roundTrip, lookupOnly, settingsOnly, offPath, onPath, selectWithLookup };
      });
      const { roundTrip, lookupOnly, settingsOnly, offPath, onPath, selectWithLookup } = sqlPaths;
      const row = (path: string, m: Timing, base: Timing = bare) =>
        `| ${label} | ${path} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.p99 - base.p99)} | ${ms(m.cpuP50)} | ${ms(m.cpuP99)} |`;
      timings.push(
        row('bare (copy + byte length)', bare),
        row('pattern pass', patterns),
        row('value candidates (no hashing, no SQL)', candidates),
        row('blind indexes of the distinct candidates (keys looked up once)', hashing),
        row('SQL round trip floor: `select 1` in the transaction', roundTrip),
        row('webhook path: blind indexes + its own lookup query (candidates given)', lookupOnly),
        row("**reply baseline**: the outbound settings' select (every public reply)", settingsOnly, settingsOnly),
        row(
          'reply, detection off: its steps (candidates hashed ahead, at most 64) + the select carrying them',
          offPath,
          settingsOnly,
        ),
        row(
          'reply, detection on: the select with the lookup alone (candidates hashed before)',
          selectWithLookup,
          settingsOnly,
        ),
        row(
          '**reply, detection on**: its steps (hashed ahead + the select with the lookup; past 64 candidates a lookup of its own) + patterns + findings',
          onPath,
          settingsOnly,
        ),
      );
      floors.push(
        `${label}: SQL round trip floor p50 ${ms(roundTrip.p50)} / p99 ${ms(roundTrip.p99)} ms wall, the outbound settings' select p50 ${ms(settingsOnly.p50)} / p99 ${ms(settingsOnly.p99)} ms, the webhook path's own lookup p50 ${ms(lookupOnly.p50)} / p99 ${ms(lookupOnly.p99)} ms`,
      );
      const added = onPath.p99 - settingsOnly.p99;
      acceptance += `${label} reply: detection adds ${ms(added)} ms at p99 wall-clock to what the reply pays anyway (${added <= 1 ? 'within' : 'NOT within'} 1 ms in this run), ${ms(onPath.p50 - settingsOnly.p50)} ms at p50; with the tenant's check off, the hashing done ahead adds ${ms(offPath.p99 - settingsOnly.p99)} ms at p99 and ${ms(offPath.p50 - settingsOnly.p50)} ms at p50. `;
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
      machineLine(loadStart, loadEnd, ''),
      `- PostgreSQL: ${server.describe} (${version}); ${fmt(fixtureContacts.length + FILLER_CONTACTS)} contacts sealed and blind-indexed with the tenant's real keys.`,
      `- Replies: 4,096 characters each; ${shapes.join('; ')}. ${fmt(ITERATIONS.pure)} iterations (${fmt(ITERATIONS.full)} for the paths with SQL) after warm-up, one process, sequential; the SQL goes to the same machine's PostgreSQL over TCP.`,
      '',
      '| Reply | Path | p50 ms | p99 ms | p99 added ms (over bare; reply rows over the reply baseline) | CPU p50 ms | CPU p99 ms |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...timings,
      '',
      `Plan of the lookup query (EXPLAIN, ${fmt(fixtureContacts.length + FILLER_CONTACTS)} contacts): ${plan
        .filter((l) => !l.includes('Cond:'))
        .map((l) => l.replace(/^-> /, '').split(' (cost')[0]!.trim())
        .join(' / ')}. Blind-index indexes used: ${planIndexes.join(', ') || 'NONE'}.`,
      '',
      `SQL alone: ${floors.join('; ')}. The budget is 1 ms; a round trip to PostgreSQL on this loaded machine is part of every wall-clock figure with the value check.`,
      '',
      ...PROFILE_NOTES,
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
