// Reads an audit export: one JSON event per line (NDJSON), from a file stream or
// any async source of chunks, without holding the file in memory. Each event's
// shape is checked here, with its line number, so the verifier can trust the type.

import type { AuditEvent } from './event.js';
import { AuditEventFormatError, parseAuditEvent } from './event-validation.js';

export interface NdjsonOptions {
  /** a longer line is refused rather than buffered without bound; default 1 MiB */
  maxLineLength?: number;
}

const DEFAULT_MAX_LINE_LENGTH = 1 << 20;

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
  return text.length === 0 || (text.charCodeAt(0) !== 0x7b && text.trim().length === 0);
}

/** Yields the events of an NDJSON export in file order; blank lines are skipped, CRLF is accepted. */
export async function* parseNdjson(
  input: AsyncIterable<Uint8Array | string>,
  options: NdjsonOptions = {},
): AsyncGenerator<AuditEvent, void, undefined> {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  // fatal: bytes that are not UTF-8 are damage, not something to replace silently.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let line = 0;
  const decode = (chunk: Uint8Array | undefined): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new AuditEventFormatError('not valid UTF-8', line + 1);
    }
  };

  for await (const chunk of input) {
    const text = pending + (typeof chunk === 'string' ? chunk : decode(chunk));
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      line++;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (stop - start > maxLineLength) throw new AuditEventFormatError('line too long', line);
      const lineText = text.slice(start, stop);
      start = end + 1;
      if (!isBlank(lineText)) yield parseLine(lineText, line);
    }
    pending = text.slice(start);
    if (pending.length > maxLineLength) throw new AuditEventFormatError('line too long', line + 1);
  }
  pending += decode(undefined);
  if (!isBlank(pending)) yield parseLine(pending, line + 1);
}
