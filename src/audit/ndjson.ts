// Reads an audit export: one JSON event per line (NDJSON), from a file stream or
// any async source of chunks, without holding the file in memory. Each event's
// shape is checked here, with its line number, so the verifier can trust the type.
//
// Lines are framed on bytes: a newline byte never occurs inside a multi-byte UTF-8
// sequence, so each chunk is cut after its last newline and only whole lines are
// decoded, in one call per chunk. That is measurably faster than a streaming
// TextDecoder, and JSON.parse already dominates the cost of reading an export.

import { isUtf8 } from 'node:buffer';
import type { AuditEvent } from './event.js';
import { AuditEventFormatError, parseAuditEvent } from './event-validation.js';

export interface NdjsonOptions {
  /** a line longer than this (bytes, or UTF-16 units once decoded) is refused rather than buffered without bound; default 1 MiB */
  maxLineLength?: number;
}

const DEFAULT_MAX_LINE_LENGTH = 1 << 20;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 13;
const OPEN_BRACE = 0x7b;

function parseLine(text: string, line: number): AuditEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the input; the line number is enough.
    throw new AuditEventFormatError('not valid JSON', line);
  }
  return parseAuditEvent(value, line);
}

function isBlank(text: string): boolean {
  // Nearly every line starts with '{'; skip the trim (and its copy) for those.
  return text.length === 0 || (text.charCodeAt(0) !== OPEN_BRACE && text.trim().length === 0);
}

// Only on failure: which of the lines in `bytes` (the first being firstLine) is not UTF-8.
function firstNonUtf8Line(bytes: Buffer, firstLine: number): number {
  let line = firstLine;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    start = stop + 1;
  }
  return line;
}

function decodeLines(bytes: Buffer, firstLine: number): string {
  if (!isUtf8(bytes)) throw new AuditEventFormatError('not valid UTF-8', firstNonUtf8Line(bytes, firstLine));
  return bytes.toString('utf8');
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Yields the events of an NDJSON export in file order, one array per input chunk:
 * the verifier's fast path, since an async generator costs a promise per yield.
 * Blank lines are skipped and CRLF is accepted.
 */
export async function* parseNdjsonBatches(
  input: AsyncIterable<Uint8Array | string>,
  options: NdjsonOptions = {},
): AsyncGenerator<AuditEvent[], void, undefined> {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;

  for await (const chunk of input) {
    const bytes = carry.length === 0 ? toBuffer(chunk) : Buffer.concat([carry, toBuffer(chunk)]);
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    // The partial last line is copied: a source may reuse its chunk buffers.
    if (lastNewline === -1) {
      carry = Buffer.from(bytes);
    } else {
      const text = decodeLines(bytes.subarray(0, lastNewline + 1), line + 1);
      carry = Buffer.from(bytes.subarray(lastNewline + 1));
      const batch: AuditEvent[] = [];
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        line++;
        const stop = end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
        if (stop - start > maxLineLength) throw new AuditEventFormatError('line too long', line);
        const lineText = text.slice(start, stop);
        start = end + 1;
        if (!isBlank(lineText)) batch.push(parseLine(lineText, line));
      }
      if (batch.length > 0) yield batch;
    }
    if (carry.length > maxLineLength) throw new AuditEventFormatError('line too long', line + 1);
  }
  if (carry.length > 0) {
    const lineText = decodeLines(carry, line + 1);
    if (!isBlank(lineText)) yield [parseLine(lineText, line + 1)];
  }
}

/** Yields the events of an NDJSON export one at a time, in file order. */
export async function* parseNdjson(
  input: AsyncIterable<Uint8Array | string>,
  options: NdjsonOptions = {},
): AsyncGenerator<AuditEvent, void, undefined> {
  for await (const batch of parseNdjsonBatches(input, options)) yield* batch;
}
