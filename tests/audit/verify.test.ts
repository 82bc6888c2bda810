import { describe, expect, it } from 'vitest';
import { signCheckpoint, type SignedCheckpoint } from '../../src/audit/checkpoint/checkpoint.js';
import { chainEvent, computeEventHash } from '../../src/audit/chain/event-hash.js';
import { GENESIS_HASH, type AuditEvent } from '../../src/audit/capture/event.js';
import { formatExportLine } from '../../src/audit/export/export-line.js';
import { merkleRoot } from '../../src/audit/checkpoint/merkle.js';
import { parseEventLine } from '../../src/audit/export/ndjson.js';
import {
  AuditChainVerifier,
  verifyChain,
  type TenantVerification,
  type VerificationReport,
  type VerifyOptions,
} from '../../src/audit/export/verify.js';
import {
  buildChain,
  checkpointsFor,
  clone,
  eventBody,
  otherKey,
  rechainFrom,
  tenantIdFor,
  testKey,
} from './chain-fixture.js';

const chain = buildChain(1, 300);
const checkpoints = checkpointsFor(chain, 50); // tree sizes 50, 100, ..., 300
const tenantA = tenantIdFor(1);

// As the CLI reads a file: each export line is checked from its bytes when it can be,
// and parsed in full when it cannot.
function verifyLines(lines: string[], options: VerifyOptions): { report: VerificationReport; verbatim: number } {
  const verifier = new AuditChainVerifier(options);
  let verbatim = 0;
  lines.forEach((line, index) => {
    if (verifier.addExportLine(line)) verbatim++;
    else verifier.add(parseEventLine(line, index + 1));
  });
  return { report: verifier.finish(), verbatim };
}

// Every scenario runs twice, on events and on export lines, and both must agree.
async function verify(events: AuditEvent[], cps: SignedCheckpoint[] = checkpoints): Promise<VerificationReport> {
  const options = { publicKey: testKey.publicKey, checkpoints: cps };
  const report = await verifyChain(events, options);
  expect(verifyLines(events.map(formatExportLine), options).report).toEqual(report);
  return report;
}

function only(report: VerificationReport): TenantVerification {
  expect(report.tenants).toHaveLength(1);
  return report.tenants[0] as TenantVerification;
}

function at(seq: number): AuditEvent {
  return clone(chain[seq - 1] as AuditEvent);
}

describe('verifyChain: an untouched chain', () => {
  it('passes, with every checkpoint verified', async () => {
    const report = await verify(chain);
    expect(report.ok).toBe(true);
    expect(report.events).toBe(300);
    expect(only(report)).toEqual({
      tenantId: tenantA,
      checked: 300,
      headSeq: 300,
      headHash: chain[299]?.hash,
      checkpointsVerified: 6,
      checkpointedSize: 300,
      findings: [],
    });
  });

  it('passes from an async source too', async () => {
    async function* stream(): AsyncGenerator<AuditEvent> {
      yield* chain;
    }
    expect((await verifyChain(stream(), { publicKey: testKey.publicKey, checkpoints })).ok).toBe(true);
  });

  it('accepts checkpoints from a rotated key when both keys are trusted', async () => {
    const mixed = [...checkpoints.slice(0, 3), ...checkpointsFor(chain, 50, otherKey).slice(3)];
    const report = await verifyChain(chain, { publicKey: [testKey.publicKey, otherKey.publicKey], checkpoints: mixed });
    expect(report.ok).toBe(true);
    expect(only(report).checkpointsVerified).toBe(6);
  });

  it('verifies a checkpoint of the empty tree', async () => {
    const empty = signCheckpoint(
      {
        tenantId: tenantA,
        treeSize: 0,
        headHash: GENESIS_HASH,
        merkleRoot: merkleRoot([]),
        issuedAt: '2025-01-01T00:00:00.000Z',
      },
      testKey,
    );
    const report = await verify(chain, [empty, ...checkpoints]);
    expect(report.ok).toBe(true);
    expect(only(report).checkpointsVerified).toBe(7);
  });
});

describe('verifyChain: tampering', () => {
  it('finds a changed field as hash_mismatch at that seq', async () => {
    const events = chain.map(clone);
    (events[99] as AuditEvent).actor.id = 'someone-innocent';
    const tenant = only(await verify(events));
    expect(tenant).toMatchObject({ damage: 'hash_mismatch', firstBadSeq: 100, checked: 99, headSeq: 99 });
  });

  it('finds a deleted middle row as a gap at its seq', async () => {
    const events = chain.filter((event) => event.seq !== 150);
    expect(only(await verify(events))).toMatchObject({ damage: 'gap', firstBadSeq: 150, checked: 149 });
  });

  it('finds a forged row inserted with a valid link and hash', async () => {
    const forged = chainEvent(at(119).hash, { ...eventBody(1, 120), action: 'contact.export' });
    const events = [...chain.slice(0, 119), forged, ...chain.slice(119)];
    expect(only(await verify(events))).toMatchObject({ damage: 'duplicate_or_reordered', firstBadSeq: 120 });
  });

  it('finds a forged row with a made-up hash', async () => {
    const forged: AuditEvent = { ...chainEvent(at(119).hash, eventBody(1, 120)), hash: 'f'.repeat(64) };
    const events = [...chain.slice(0, 119), forged, ...chain.slice(120)];
    expect(only(await verify(events))).toMatchObject({ damage: 'hash_mismatch', firstBadSeq: 120 });
  });

  it('finds a forged row inserted and the rest renumbered and re-hashed, through the checkpoints', async () => {
    const renumbered = [...chain.slice(0, 119), { ...at(120), action: 'contact.export' }, ...chain.slice(119)].map(
      (event, index) => ({ ...event, seq: index + 1 }),
    );
    const tenant = only(await verify(rechainFrom(renumbered, 119)));
    expect(tenant).toMatchObject({ damage: 'checkpoint_mismatch', firstBadSeq: 101, checkpointsVerified: 2 });
    expect(tenant.findings[0]).toMatchObject({ seq: 101, lastSuspectSeq: 150, checkpointTreeSize: 150 });
  });

  it('finds two swapped rows, reporting the first out-of-place seq', async () => {
    const events = [...chain];
    [events[200], events[201]] = [events[201] as AuditEvent, events[200] as AuditEvent];
    const tenant = only(await verify(events));
    expect(tenant).toMatchObject({ damage: 'duplicate_or_reordered', firstBadSeq: 201, checked: 200 });
  });

  it('finds two rows whose contents were swapped under their seq numbers', async () => {
    const events = [...chain];
    events[200] = { ...at(202), seq: 201 };
    events[201] = { ...at(201), seq: 202 };
    expect(only(await verify(events))).toMatchObject({ damage: 'broken_link', firstBadSeq: 201 });
  });

  it('finds a row exported twice', async () => {
    const events = [...chain.slice(0, 80), at(80), ...chain.slice(80)];
    expect(only(await verify(events))).toMatchObject({ damage: 'duplicate_or_reordered', firstBadSeq: 80 });
  });

  it('finds a first event that does not start from genesis', async () => {
    const events = chain.map(clone);
    (events[0] as AuditEvent).prevHash = '1'.repeat(64);
    expect(only(await verify(events))).toMatchObject({ damage: 'broken_link', firstBadSeq: 1, checked: 0 });
  });

  it('finds a cut tail as truncated, through the last checkpoint', async () => {
    const tenant = only(await verify(chain.slice(0, 260)));
    expect(tenant).toMatchObject({
      damage: 'truncated',
      firstBadSeq: 261,
      checked: 260,
      checkpointsVerified: 5,
      checkpointedSize: 250,
    });
    expect(tenant.findings[0]?.checkpointTreeSize).toBe(300);
  });

  it('finds a tenant whose whole chain was removed', async () => {
    const other = buildChain(2, 20);
    const report = await verify(other, [...checkpoints, ...checkpointsFor(other, 10)]);
    const removed = report.tenants.find((tenant) => tenant.tenantId === tenantA);
    expect(removed).toMatchObject({ damage: 'truncated', firstBadSeq: 1, checked: 0 });
    expect(report.tenants.find((tenant) => tenant.tenantId === tenantIdFor(2))?.findings).toEqual([]);
  });

  it('finds a chain recomputed after an edit as checkpoint_mismatch, naming the suspect range', async () => {
    const edited = chain.map(clone);
    (edited[130] as AuditEvent).outcome = 'allowed';
    (edited[130] as AuditEvent).phiFields = [];
    const recomputed = rechainFrom(edited, 130);
    const noCheckpoints = only(await verify(recomputed, []));
    expect(noCheckpoints.findings).toEqual([]); // the chain alone cannot tell
    const tenant = only(await verify(recomputed));
    expect(tenant).toMatchObject({
      damage: 'checkpoint_mismatch',
      firstBadSeq: 101,
      checkpointsVerified: 2,
      checkpointedSize: 100,
    });
    expect(tenant.findings[0]).toMatchObject({ lastSuspectSeq: 150 });
    expect(computeEventHash(at(130).hash, edited[130] as AuditEvent)).toBe(recomputed[130]?.hash);
  });

  it('finds a checkpoint signed by another key', async () => {
    const forged = signCheckpoint({ ...checkpoints[2]! }, otherKey);
    const report = await verify(
      chain,
      checkpoints.map((cp, i) => (i === 2 ? forged : cp)),
    );
    const tenant = only(report);
    expect(report.ok).toBe(false);
    expect(tenant.damage).toBe('checkpoint_signature_invalid');
    expect(tenant.firstBadSeq).toBeUndefined();
    expect(tenant.findings[0]).toMatchObject({ checkpointTreeSize: 150 });
    expect(tenant.checkpointsVerified).toBe(5);
  });

  it('finds a checkpoint that claims the trusted key id but was signed by another', async () => {
    const forged = { ...signCheckpoint({ ...checkpoints[5]! }, otherKey), keyId: testKey.keyId };
    const tenant = only(await verify(chain, [...checkpoints.slice(0, 5), forged]));
    expect(tenant.damage).toBe('checkpoint_signature_invalid');
    expect(tenant.findings[0]?.detail).toContain('does not verify');
  });

  it('finds two validly signed checkpoints that disagree about one tree size', async () => {
    const forked = signCheckpoint({ ...checkpoints[1]!, merkleRoot: checkpoints[0]!.merkleRoot }, testKey);
    const tenant = only(await verify(chain, [...checkpoints, forked]));
    expect(tenant.damage).toBe('checkpoint_mismatch');
    expect(tenant.findings[0]).toMatchObject({ checkpointTreeSize: 100 });
    expect(tenant.findings[0]?.detail).toContain('disagree');
  });

  it('verifies interleaved tenants independently', async () => {
    const other = buildChain(2, 200);
    const interleaved: AuditEvent[] = [];
    for (let i = 0; i < 300; i++) {
      interleaved.push(chain[i] as AuditEvent);
      if (i < 200) interleaved.push(other[i] as AuditEvent);
    }
    const allCheckpoints = [...checkpointsFor(other, 40), ...checkpoints];
    const clean = await verify(interleaved, allCheckpoints);
    expect(clean.ok).toBe(true);
    expect(clean.tenants.map((t) => [t.tenantId, t.checked, t.checkpointsVerified])).toEqual([
      [tenantA, 300, 6],
      [tenantIdFor(2), 200, 5],
    ]);

    const tampered = interleaved.map((event) =>
      event.tenantId === tenantIdFor(2) && event.seq === 50 ? { ...event, action: 'x.y' } : event,
    );
    const report = await verify(tampered, allCheckpoints);
    expect(report.ok).toBe(false);
    expect(report.tenants[0]?.findings).toEqual([]);
    expect(report.tenants[1]).toMatchObject({ damage: 'hash_mismatch', firstBadSeq: 50, checked: 49 });
  });
});

describe('verifying export lines from their bytes', () => {
  const lines = chain.map(formatExportLine);
  const options = { publicKey: testKey.publicKey, checkpoints };

  it('takes every line verbatim while a signed checkpoint lies ahead', () => {
    const { report, verbatim } = verifyLines(lines, options);
    expect(report.ok).toBe(true);
    expect(verbatim).toBe(300);
  });

  it('parses in full every line past the newest checkpoint', () => {
    const { report, verbatim } = verifyLines(lines, { ...options, checkpoints: checkpoints.slice(0, 5) });
    expect(report.ok).toBe(true);
    expect(verbatim).toBe(250);
    expect(verifyLines(lines, { publicKey: testKey.publicKey }).verbatim).toBe(0);
  });

  it('finds a line edited as text', () => {
    const edited = [...lines];
    edited[99] = (edited[99] as string).replace(/"action":"[a-z.]+"/, '"action":"contact.list"');
    const { report } = verifyLines(edited, options);
    expect(only(report)).toMatchObject({ damage: 'hash_mismatch', firstBadSeq: 100, checked: 99 });
  });

  it('does not let a line with look-alike text name another tenant', () => {
    const edited = [...lines];
    edited[10] = (edited[10] as string).replace(`"tenantId":"${tenantA}"`, `"tenantId":"${tenantIdFor(9)}"`);
    const { report } = verifyLines(edited, options);
    expect(report.tenants.map((t) => [t.tenantId, t.damage, t.firstBadSeq])).toEqual([
      [tenantA, 'gap', 11],
      [tenantIdFor(9), 'gap', 1],
    ]);
  });
});
