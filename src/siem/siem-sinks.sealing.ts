// Where a SIEM sink's extra headers (an auth token for the collector) are sealed: one
// JSON object bound to (table, column, sink id), so headers copied to another sink fail
// to open. Listed in src/keys/sealed-tables.ts, so key rotation re-seals them and key
// retirement sees them. Headers are secrets, not PHI: no audit event names their values.
export const siemSinksSealing = {
  table: 'siem_sinks',
  columns: ['headers_sealed'],
  resourceType: 'SiemSink',
  readAction: 'siem_sink.read',
  fieldNames: { headers_sealed: ['siem_sink.headers'] },
} as const;

export const headersPlace = (sinkId: string) => ({
  table: siemSinksSealing.table,
  column: 'headers_sealed',
  rowId: sinkId,
});

/** Header names a sink may not set: the transport's own, or the body's framing. */
const reserved = new Set(['host', 'content-length', 'content-type', 'connection', 'transfer-encoding', 'upgrade']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** What is wrong with a set of headers, or null: a token name, not reserved, a value without CR/LF/NUL. */
export function headersProblem(headers: Record<string, string>): string | null {
  const names = Object.keys(headers);
  if (names.length > 10) return 'at most 10 headers';
  const seen = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) return 'a header name is not an HTTP token';
    if (reserved.has(lower)) return `${lower} cannot be set`;
    if (seen.has(lower)) return 'a header is named twice';
    seen.add(lower);
    const value = headers[name]!;
    if (value.length > 4096 || /[\r\n\0]/.test(value)) return 'a header value is too long or holds a line break';
  }
  return null;
}

/** Lower-cased names, sorted: what the API shows of the headers. */
export const headerNames = (headers: Record<string, string>): string[] =>
  Object.keys(headers)
    .map((n) => n.toLowerCase())
    .sort();
