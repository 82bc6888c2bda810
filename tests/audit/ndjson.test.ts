import { describe, expect, it } from 'vitest';
import { AuditEventFormatError } from '../../src/audit/capture/event-validation.js';
import { parseNdjson } from '../../src/audit/export/ndjson.js';
import type { AuditEvent } from '../../src/audit/capture/event.js';
import { buildChain } from './chain-fixture.js';

const events = buildChain(1, 25).map((event, i) => (i === 3 ? { ...event, breakGlassReason: 'héllo — 😀' } : event));

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(source: AsyncIterable<AuditEvent>): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for await (const event of source) out.push(event);
  return out;
}

describe('parseNdjson', () => {
  const text = events.map((event) => JSON.stringify(event)).join('\n') + '\n';

  it('reads events whatever the chunk boundaries, even inside a multi-byte character', async () => {
    for (const size of [1, 7, 64, 1000, 1 << 20]) {
      expect(await collect(parseNdjson(chunked(Buffer.from(text), size)))).toEqual(events);
    }
  });

  it('accepts CRLF, blank lines and a last line without a newline', async () => {
    const messy = '\r\n' + events.map((event) => JSON.stringify(event)).join('\r\n\r\n');
    expect(await collect(parseNdjson(chunked(Buffer.from(messy), 100)))).toEqual(events);
  });

  it('counts lines across blank lines, CRLF and non-ASCII lines when naming a bad one', async () => {
    const lines = events.slice(0, 6).map((event) => JSON.stringify(event));
    const messy = [lines[0], '', lines[1], lines[3], '  ', lines[4], '{"bad":', lines[5]].join('\r\n');
    for (const size of [5, 97, 1 << 16]) {
      await expect(collect(parseNdjson(chunked(Buffer.from(messy), size)))).rejects.toThrow('line 7: not valid JSON');
    }
  });

  it('reads string chunks', async () => {
    async function* strings(): AsyncGenerator<string> {
      yield text.slice(0, 500);
      yield text.slice(500);
    }
    expect(await collect(parseNdjson(strings()))).toHaveLength(25);
  });

  it('names the line of invalid JSON without quoting it', async () => {
    const broken = text.replace('\n', '\n{"tenantId": "Jane Doe\n');
    const error = await collect(parseNdjson(chunked(Buffer.from(broken), 50))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditEventFormatError);
    expect((error as AuditEventFormatError).line).toBe(2);
    expect((error as Error).message).not.toContain('Jane');
  });

  it('names the line of an event with the wrong shape', async () => {
    const lines = text.split('\n');
    lines[9] = JSON.stringify({ ...events[9], extra: true });
    await expect(collect(parseNdjson(chunked(Buffer.from(lines.join('\n')), 333)))).rejects.toThrow(
      'line 10: unknown field "extra"',
    );
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bad = Buffer.concat([Buffer.from(JSON.stringify(events[0]) + '\n'), Buffer.from([0xff, 0xfe, 0x0a])]);
    await expect(collect(parseNdjson(chunked(bad, 10)))).rejects.toThrow('not valid UTF-8');
  });

  it('refuses a line longer than the limit instead of buffering it', async () => {
    const huge = Buffer.from('x'.repeat(5000));
    await expect(collect(parseNdjson(chunked(huge, 100), { maxLineLength: 1000 }))).rejects.toThrow('line too long');
  });
});
