// Content-Disposition both ways (RFC 6266, RFC 8187): the filename a raw upload names,
// and the header a download answers with. Filenames are PHI-ish: they travel only in
// these headers and the sealed column, never in a URL or a log line.

/** The filename a `Content-Disposition` request header names (filename* preferred), if any. */
export function filenameFromDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return cleanFilename(decodeURIComponent(extended[1]!.trim()));
    } catch {
      // a malformed escape: fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name ? cleanFilename(name) : undefined;
}

/** A stored filename: no path, no control characters, at most 255 characters. */
export function cleanFilename(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base ? base.slice(0, 255) : undefined;
}

/** `attachment` with an ASCII fallback and the exact name in filename* (so any browser saves it right). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
