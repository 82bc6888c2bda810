import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryCheckpointSink } from '../../src/audit/checkpoint/checkpoint-sink.js';
import type { AuditEvent } from '../../src/audit/capture/event.js';
import { formatExportLine } from '../../src/audit/export/export-line.js';
import { auditPublicJwks, publicKeyToBase64, publicKeyToJwk } from '../../src/audit/checkpoint/signing-key.js';
import { runAuditVerify } from '../../src/cli/audit-verify.js';
import { buildChain, checkpointsFor, clone, otherKey, testKey } from './chain-fixture.js';

let dir: string;
let cleanFile: string;
let tamperedFile: string;
let truncatedFile: string;
let malformedFile: string;
let checkpointDir: string;
const publicKey = publicKeyToBase64(testKey.publicKey);
const chainA = buildChain(1, 120);
const chainB = buildChain(2, 80);

// Export lines (as `phidesk audit export` writes them) and plain JSON objects are both read.
const ndjson = (events: AuditEvent[], format: (event: AuditEvent) => string = formatExportLine): string =>
  events.map((event) => format(event) + '\n').join('');

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAuditVerify(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phidesk-audit-cli-'));
  checkpointDir = join(dir, 'checkpoints');
  const sink = new DirectoryCheckpointSink(checkpointDir);
  for (const checkpoint of [...checkpointsFor(chainA, 25), ...checkpointsFor(chainB, 25)]) await sink.write(checkpoint);
  cleanFile = join(dir, 'export.ndjson');
  await writeFile(cleanFile, ndjson([...chainA, ...chainB]));
  const tampered = [...chainA, ...chainB].map(clone);
  (tampered[40] as AuditEvent).resource.id = 'another-record';
  tamperedFile = join(dir, 'tampered.ndjson');
  await writeFile(
    tamperedFile,
    ndjson(tampered, (event) => JSON.stringify(event)),
  );
  truncatedFile = join(dir, 'truncated.ndjson');
  await writeFile(truncatedFile, ndjson([...chainA.slice(0, 110), ...chainB]));
  malformedFile = join(dir, 'malformed.ndjson');
  await writeFile(malformedFile, ndjson(chainA.slice(0, 5)) + '{"tenantId": "oops"\n');
  await writeFile(join(dir, 'key.txt'), publicKey + '\n');
  await writeFile(join(dir, 'jwks.json'), JSON.stringify(auditPublicJwks([otherKey.publicKey, testKey.publicKey])));
  await writeFile(join(dir, 'jwk.json'), JSON.stringify(publicKeyToJwk(testKey.publicKey)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('phidesk audit verify', () => {
  it('exits 0 and says OK for an untouched export', async () => {
    const { code, stdout, stderr } = await run([
      '--file',
      cleanFile,
      '--public-key',
      publicKey,
      '--checkpoints',
      checkpointDir,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('audit verify: OK');
    expect(stdout).toContain('200 events, 2 tenant(s)');
    expect(stdout).toMatch(/ok, 120 events, head seq 120 .*5 checkpoint\(s\) verified, covering 1\.\.120/);
    expect(stderr).toBe('');
  });

  it('accepts the leading "audit verify" words and keys from files (base64, JWK, JWK set)', async () => {
    for (const keyFile of ['key.txt', 'jwk.json', 'jwks.json']) {
      const { code } = await run([
        'audit',
        'verify',
        '-f',
        cleanFile,
        '-k',
        join(dir, keyFile),
        '--checkpoints',
        checkpointDir,
      ]);
      expect(code, keyFile).toBe(0);
    }
  });

  it('prints a machine-readable report with --json', async () => {
    const { code, stdout } = await run([
      '--file',
      tamperedFile,
      '--public-key',
      publicKey,
      '--checkpoints',
      checkpointDir,
      '--json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.keyIds).toEqual([testKey.keyId]);
    expect(report.tenants[0]).toMatchObject({ damage: 'hash_mismatch', firstBadSeq: 41 });
    expect(report.tenants[1].findings).toEqual([]);
  });

  it('exits 1 and names the damage for a tampered or truncated export', async () => {
    const tampered = await run(['--file', tamperedFile, '--public-key', publicKey, '--checkpoints', checkpointDir]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('DAMAGE FOUND in 1 of 2 tenant(s)');
    expect(tampered.stdout).toContain('hash_mismatch at seq 41');
    const truncated = await run(['--file', truncatedFile, '--public-key', publicKey, '--checkpoints', checkpointDir]);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toContain('truncated at seq 111');
  });

  it('exits 1 for an export line edited as text', async () => {
    const lines = ndjson([...chainA, ...chainB]).split('\n');
    lines[7] = (lines[7] as string).replace(/"occurredAt":"[^"]+"/, '"occurredAt":"2020-01-01T00:00:00.000Z"');
    const edited = join(dir, 'edited.ndjson');
    await writeFile(edited, lines.join('\n'));
    const { code, stdout } = await run(['--file', edited, '--public-key', publicKey, '--checkpoints', checkpointDir]);
    expect(code).toBe(1);
    expect(stdout).toContain('hash_mismatch at seq 8');
  });

  it('exits 1 when checkpoints are signed by a key it was not given', async () => {
    const { code, stdout } = await run([
      '--file',
      cleanFile,
      '--public-key',
      publicKeyToBase64(otherKey.publicKey),
      '--checkpoints',
      checkpointDir,
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('checkpoint_signature_invalid');
  });

  it('exits 1 with the line number for a malformed export', async () => {
    const { code, stderr } = await run(['--file', malformedFile, '--public-key', publicKey]);
    expect(code).toBe(1);
    expect(stderr).toContain('export is damaged: malformed audit event at line 6');
  });

  it('warns that without checkpoints truncation cannot be detected', async () => {
    const { code, stderr } = await run(['--file', truncatedFile, '--public-key', publicKey]);
    expect(code).toBe(0);
    expect(stderr).toContain('warning: no --checkpoints given');
  });

  it.each([
    [[], '--file is required'],
    [['--file', 'x.ndjson'], '--public-key is required'],
    [['--file', 'x', '--public-key', 'k', '--bogus'], "Unknown option '--bogus'"],
    [['--file', 'x', '--public-key', 'k', 'extra'], 'positional'],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: phidesk audit verify');
  });

  it('exits 2 for a missing file, an unusable key or a missing checkpoint directory', async () => {
    expect((await run(['--file', join(dir, 'nope.ndjson'), '--public-key', publicKey])).code).toBe(2);
    const badKey = await run(['--file', cleanFile, '--public-key', join(dir, 'no-such-key')]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('neither a base64 Ed25519 key nor a readable file');
    expect((await run(['--file', cleanFile, '--public-key', join(dir, 'export.ndjson')])).code).toBe(2);
    expect((await run(['--file', cleanFile, '--public-key', publicKey, '--checkpoints', join(dir, 'none')])).code).toBe(
      2,
    );
  });

  it('prints usage with --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: phidesk audit verify');
  });
});
