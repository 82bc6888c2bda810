// Reads an audit export: one JSON event per line (NDJSON), from a file stream or
// any async source of chunks, without holding the file in memory. Each event's
// shape is checked here, with its line number, so the verifier can trust the type.
//
// Lines are framed on bytes: a newline byte never occurs inside a multi-byte UTF-8
// sequence, so each chunk is cut at its last newline and only whole lines are
// decoded (see LineReader). JSON.parse is the main cost of reading an export; the
// framing is kept out of its way.

import { isAscii, isUtf8 } from 'node:buffer';
import type { AuditEvent } from '../capture/event.js';
import { AuditEventFormatError, parseAuditEvent } from '../capture/event-validation.js';

export interface NdjsonOptions {
  /** a line longer than this (bytes, or UTF-16 units once decoded) is refused rather than buffered without bound; default 1 MiB */
  maxLineLength?: number;
}

const DEFAULT_MAX_LINE_LENGTH = 1 << 20;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 13;
const OPEN_BRACE = 0x7b;

/** Parses one export line into a shape-checked event; errors name `line`, never the content. */
export function parseEventLine(text: string, line: number): AuditEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the input; the line number is enough.
    throw new AuditEventFormatError('not valid JSON', line);
  }
  return parseAuditEvent(value, line);
}

export function isBlankLine(text: string): boolean {
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

const ASCII_BLOCK_BYTES = 4096;

/**
 * The lines of a chunk that holds only whole lines (the last without its newline).
 * Decoding the chunk as UTF-8 in one go makes all of it a two-byte string as soon as
 * one line holds a non-ASCII character (a break-glass reason with an accent), which
 * slows every later step. So the chunk is read as latin1, where string index equals
 * byte offset, and only lines holding a byte >= 0x80 are decoded again as UTF-8.
 * Which lines those are comes from isAscii over 4 KiB blocks, then over the line
 * if its block is not clean: far cheaper than scanning with a regular expression.
 */
class LineReader {
  readonly #bytes: Buffer;
  readonly #latin1: string;
  #start = 0;
  #done = false;
  readonly #asciiBlocks: Uint8Array;

  constructor(bytes: Buffer, firstLine: number) {
    if (!isUtf8(bytes)) throw new AuditEventFormatError('not valid UTF-8', firstNonUtf8Line(bytes, firstLine));
    this.#bytes = bytes;
    this.#latin1 = bytes.toString('latin1');
    this.#asciiBlocks = new Uint8Array(Math.ceil(bytes.length / ASCII_BLOCK_BYTES));
    for (let block = 0, at = 0; at < bytes.length; block++, at += ASCII_BLOCK_BYTES) {
      this.#asciiBlocks[block] = isAscii(bytes.subarray(at, at + ASCII_BLOCK_BYTES)) ? 1 : 0;
    }
  }

  /** The next line without its CR/LF, or undefined after the last one. */
  next(): string | undefined {
    if (this.#done) return undefined;
    const text = this.#latin1;
    const start = this.#start;
    let end = text.indexOf('\n', start);
    if (end === -1) {
      this.#done = true;
      end = text.length;
    }
    this.#start = end + 1;
    return this.#line(start, end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end);
  }

  #line(start: number, stop: number): string {
    if (this.#isAscii(start, stop)) return this.#latin1.slice(start, stop);
    return this.#bytes.toString('utf8', start, stop);
  }

  #isAscii(start: number, stop: number): boolean {
    const last = Math.floor((stop - 1) / ASCII_BLOCK_BYTES);
    for (let block = Math.floor(start / ASCII_BLOCK_BYTES); block <= last; block++) {
      if (this.#asciiBlocks[block] === 0) return isAscii(this.#bytes.subarray(start, stop));
    }
    return true;
  }
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** The lines of one input chunk: lines[i] is line number firstLine + i, without CR/LF. */
export interface NdjsonLines {
  firstLine: number;
  lines: string[];
}

/**
 * Yields the lines of an NDJSON stream, a chunk's worth at a time (an async generator
 * costs a promise per yield, so one per line would be felt). Blank lines are kept, so
 * line numbers stay right; a line over the limit is refused.
 */
export async function* readNdjsonLines(
  input: AsyncIterable<Uint8Array | string>,
  options: NdjsonOptions = {},
): AsyncGenerator<NdjsonLines, void, undefined> {
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
      const reader = new LineReader(bytes.subarray(0, lastNewline), line + 1);
      carry = Buffer.from(bytes.subarray(lastNewline + 1));
      const lines: string[] = [];
      for (let text = reader.next(); text !== undefined; text = reader.next()) {
        if (text.length > maxLineLength) throw new AuditEventFormatError('line too long', line + lines.length + 1);
        lines.push(text);
      }
      yield { firstLine: line + 1, lines };
      line += lines.length;
    }
    if (carry.length > maxLineLength) throw new AuditEventFormatError('line too long', line + 1);
  }
  if (carry.length > 0) yield { firstLine: line + 1, lines: [new LineReader(carry, line + 1).next() ?? ''] };
}

/** Yields the events of an NDJSON export in file order, one array per input chunk; blank lines are skipped, CRLF is accepted. */
export async function* parseNdjsonBatches(
  input: AsyncIterable<Uint8Array | string>,
  options: NdjsonOptions = {},
): AsyncGenerator<AuditEvent[], void, undefined> {
  for await (const { firstLine, lines } of readNdjsonLines(input, options)) {
    const batch: AuditEvent[] = [];
    lines.forEach((text, index) => {
      if (!isBlankLine(text)) batch.push(parseEventLine(text, firstLine + index));
    });
    if (batch.length > 0) yield batch;
  }
}

/** Yields the events of an NDJSON export one at a time, in file order. */
export async function* parseNdjson(
  input: AsyncIterable<Uint8Array | string>,
  options: NdjsonOptions = {},
): AsyncGenerator<AuditEvent, void, undefined> {
  for await (const batch of parseNdjsonBatches(input, options)) yield* batch;
}
