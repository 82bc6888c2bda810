// Plain-text tables for the list commands (`--json` prints the records instead).

/** Left-aligned columns under upper-case headers; empty values show as '-'. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | null | undefined)[])[],
): string {
  const cells = [
    headers.map((h) => h.toUpperCase()),
    ...rows.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? '-' : v))),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return (
    cells.map((r) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  ')).join('\n') + '\n'
  );
}

export const isoOrNone = (d: Date | null | undefined): string | undefined => d?.toISOString();
