import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditEventBody } from '../../src/audit/capture/event.js';
import { canonicalEventJson, chainEvents, computeEventHash, EVENT_HASH_TAG } from '../../src/audit/chain/event-hash.js';
import { eventBody } from './chain-fixture.js';

const golden: AuditEventBody = {
  tenantId: '7d1f3c2a-0b4e-4c7d-9a51-2f6e8b0c4d13',
  seq: 1,
  id: '0f8e2b5c-3a1d-4e6f-8b9c-1d2e3f4a5b6c',
  occurredAt: '2025-03-14T09:26:53.589Z',
  actor: { id: 'c0a8e1f2-5b6d-4c3e-9f1a-7b8c9d0e1f2a', kind: 'user', authMethod: 'jwt', sessionId: 'sess_41' },
  action: 'contact.read',
  resource: { type: 'contact', id: 'e4d3c2b1-a0f9-4e8d-8c7b-6a5f4e3d2c1b' },
  phiFields: ['contact.name', 'contact.dob'],
  subjectContactId: 'e4d3c2b1-a0f9-4e8d-8c7b-6a5f4e3d2c1b',
  requestId: 'req_01HQ',
  breakGlassReason: 'ED "stat" \\ page\n',
  outcome: 'allowed',
};

// Pinned: changing either line breaks every chain already stored.
const goldenCanonical =
  '{"action":"contact.read","actor":{"authMethod":"jwt","id":"c0a8e1f2-5b6d-4c3e-9f1a-7b8c9d0e1f2a","keyId":null,"kind":"user","sessionId":"sess_41"},' +
  '"breakGlassReason":"ED \\"stat\\" \\\\ page\\n","clientAddrHash":null,"id":"0f8e2b5c-3a1d-4e6f-8b9c-1d2e3f4a5b6c","occurredAt":"2025-03-14T09:26:53.589Z",' +
  '"outcome":"allowed","phiFields":["contact.name","contact.dob"],"purposeOfUse":null,"reasonCode":null,"requestId":"req_01HQ",' +
  '"resource":{"id":"e4d3c2b1-a0f9-4e8d-8c7b-6a5f4e3d2c1b","type":"contact"},"seq":1,"subjectContactId":"e4d3c2b1-a0f9-4e8d-8c7b-6a5f4e3d2c1b",' +
  '"tenantId":"7d1f3c2a-0b4e-4c7d-9a51-2f6e8b0c4d13","userAgentFamily":null}';
const goldenHash = '2608514a0a9ad6e01c5c434c5359f9fe13804c10fade38003159712231f6a45c';

const optionalFields = [
  'subjectContactId',
  'requestId',
  'clientAddrHash',
  'userAgentFamily',
  'purposeOfUse',
  'breakGlassReason',
  'reasonCode',
] as const;

// The format's definition, written the slow and obvious way.
function referenceCanonical(event: AuditEventBody): string {
  const withNulls = (value: Record<string, unknown>, optional: readonly string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...value };
    for (const key of optional) out[key] ??= null;
    return out;
  };
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  };
  const { prevHash: _p, hash: _h, ...body } = event as AuditEventBody & { prevHash?: string; hash?: string };
  const top = withNulls(body as unknown as Record<string, unknown>, optionalFields);
  top.actor = withNulls(event.actor as unknown as Record<string, unknown>, ['sessionId', 'keyId']);
  return JSON.stringify(sortKeys(top));
}

describe('canonical form', () => {
  it('matches the pinned golden vector', () => {
    expect(canonicalEventJson(golden)).toBe(goldenCanonical);
    expect(computeEventHash(GENESIS_HASH, golden)).toBe(goldenHash);
    const independent = createHash('sha256')
      .update(EVENT_HASH_TAG + GENESIS_HASH + '\n' + goldenCanonical, 'utf8')
      .digest('hex');
    expect(independent).toBe(goldenHash);
  });

  it('is sorted-key JSON with explicit nulls, for varied events', () => {
    for (let seq = 1; seq <= 64; seq++) {
      const body = eventBody(seq % 3, seq);
      expect(canonicalEventJson(body)).toBe(referenceCanonical(body));
    }
  });

  it('escapes strings exactly as JSON.stringify does', () => {
    const awkward = [
      'quote " and \\ backslash',
      'tab\tnewline\ncr\r',
      '\u0000\u001f',
      'emoji 😀 and é',
      'lone \ud800 surrogate',
      'line sep \u2028',
      '',
    ];
    for (const text of awkward) {
      const body: AuditEventBody = { ...golden, action: text, breakGlassReason: text, phiFields: [text, 'x'] };
      expect(canonicalEventJson(body)).toBe(referenceCanonical(body));
    }
  });

  it('hashes an absent optional field and an explicit null the same', () => {
    const withNulls: AuditEventBody = {
      ...golden,
      clientAddrHash: null,
      purposeOfUse: null,
      actor: { ...golden.actor, keyId: null },
    };
    expect(computeEventHash(GENESIS_HASH, withNulls)).toBe(goldenHash);
  });

  it('ignores prevHash and hash already on the object', () => {
    const chained = { ...golden, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) };
    expect(computeEventHash(GENESIS_HASH, chained)).toBe(goldenHash);
  });
});

describe('computeEventHash', () => {
  it('changes when any field changes', () => {
    const variants: AuditEventBody[] = [
      { ...golden, tenantId: 'other' },
      { ...golden, seq: 2 },
      { ...golden, id: '1f8e2b5c-3a1d-4e6f-8b9c-1d2e3f4a5b6c' },
      { ...golden, occurredAt: '2025-03-14T09:26:53.590Z' },
      { ...golden, actor: { ...golden.actor, id: 'someone-else' } },
      { ...golden, actor: { ...golden.actor, kind: 'system' } },
      { ...golden, actor: { ...golden.actor, authMethod: 'api_key' } },
      { ...golden, actor: { ...golden.actor, sessionId: null } },
      { ...golden, actor: { ...golden.actor, keyId: 'k1' } },
      { ...golden, action: 'contact.update' },
      { ...golden, resource: { ...golden.resource, type: 'ticket' } },
      { ...golden, resource: { ...golden.resource, id: 'x' } },
      { ...golden, phiFields: ['contact.dob', 'contact.name'] },
      { ...golden, phiFields: [] },
      ...optionalFields.map((field) => ({ ...golden, [field]: 'changed' })),
      { ...golden, outcome: 'denied' },
      { ...golden, breakGlassReason: '' },
    ];
    const hashes = new Set(variants.map((variant) => computeEventHash(GENESIS_HASH, variant)));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(goldenHash)).toBe(false);
  });

  it('binds the previous hash', () => {
    expect(computeEventHash('1'.repeat(64), golden)).not.toBe(goldenHash);
  });

  it('refuses a malformed previous hash rather than hashing it', () => {
    expect(() => computeEventHash('abc', golden)).toThrow(TypeError);
    expect(() => computeEventHash('A'.repeat(64), golden)).toThrow(TypeError);
  });

  it('chains bodies in order', () => {
    const chain = chainEvents(GENESIS_HASH, [golden, { ...golden, seq: 2 }]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[0]?.hash).toBe(goldenHash);
    expect(chain[1]?.prevHash).toBe(goldenHash);
    expect(chain[1]?.hash).toBe(computeEventHash(goldenHash, { ...golden, seq: 2 }));
  });
});
