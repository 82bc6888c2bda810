import { describe, expect, it } from 'vitest';
import { canonicalEventJson, chainEvent, hashCanonicalEvent } from '../../src/audit/chain/event-hash.js';
import { GENESIS_HASH, type AuditEvent } from '../../src/audit/capture/event.js';
import { parseAuditEvent } from '../../src/audit/capture/event-validation.js';
import { formatExportLine, splitExportLine } from '../../src/audit/export/export-line.js';
import { buildChain, eventBody } from './chain-fixture.js';

const events = buildChain(3, 80);

describe('export lines', () => {
  it('are JSON that reads back as the event, with explicit nulls', () => {
    for (const event of events) {
      const parsed = parseAuditEvent(JSON.parse(formatExportLine(event)));
      expect(canonicalEventJson(parsed)).toBe(canonicalEventJson(event));
      expect([parsed.prevHash, parsed.hash]).toEqual([event.prevHash, event.hash]);
    }
  });

  it('split into the chain fields and the exact bytes that were hashed', () => {
    for (const event of events) {
      const parts = splitExportLine(formatExportLine(event));
      expect(parts).toEqual({
        tenantId: event.tenantId,
        seq: event.seq,
        prevHash: event.prevHash,
        hash: event.hash,
        canonical: canonicalEventJson(event),
      });
      expect(hashCanonicalEvent(parts!.prevHash, parts!.canonical)).toBe(event.hash);
    }
  });

  it('decode a tenant id that needed escaping, and are not fooled by look-alike text in values', () => {
    const body = {
      ...eventBody(1, 1),
      tenantId: 'odd "tenant" \\ id',
      breakGlassReason: ',"seq":99,"tenantId":"evil","userAgentFamily":',
    };
    const event: AuditEvent = chainEvent(GENESIS_HASH, body);
    expect(splitExportLine(formatExportLine(event))).toMatchObject({ tenantId: 'odd "tenant" \\ id', seq: 1 });
  });

  it('are not recognised in other shapes, which then take the full parse', () => {
    const event = events[5] as AuditEvent;
    const line = formatExportLine(event);
    expect(splitExportLine(JSON.stringify(event))).toBeUndefined();
    expect(splitExportLine(line.slice(0, -1))).toBeUndefined();
    expect(splitExportLine(line + ' ')).toBeUndefined();
    expect(splitExportLine(line.replace('"seq":6,', '"seq":06,'))).toBeUndefined();
    expect(splitExportLine(line.replace('"seq":6,', '"seq":"6",'))).toBeUndefined();
    expect(splitExportLine('')).toBeUndefined();
    expect(splitExportLine('x'.repeat(400))).toBeUndefined();
  });

  it('refuse to format an event without well-formed hashes', () => {
    expect(() => formatExportLine({ ...(events[0] as AuditEvent), hash: 'nope' })).toThrow(TypeError);
  });
});
