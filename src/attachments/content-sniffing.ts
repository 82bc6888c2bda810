// What a file is, decided by its first bytes (magic numbers), never by what the caller
// declares: a tenant's allowlist is checked against this. A small signature table of the
// types a help desk receives; anything else is refused unless it reads as UTF-8 text.

/** Bytes needed to recognise every type below (and to judge text). */
export const SNIFF_BYTES = 4096;

interface Signature {
  type: string;
  /** bytes at `offset` */
  magic: readonly number[];
  offset?: number;
  /** further bytes that must match too, e.g. WEBP inside a RIFF container */
  also?: { offset: number; magic: readonly number[] };
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const signatures: readonly Signature[] = [
  { type: 'application/pdf', magic: ascii('%PDF-') },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', magic: ascii('GIF87a') },
  { type: 'image/gif', magic: ascii('GIF89a') },
  { type: 'image/webp', magic: ascii('RIFF'), also: { offset: 8, magic: ascii('WEBP') } },
  { type: 'image/tiff', magic: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', magic: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/dicom', magic: ascii('DICM'), offset: 128 },
  // Office documents are ZIP containers; the container is what the bytes prove
  { type: 'application/zip', magic: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/x-msdownload', magic: ascii('MZ') },
  { type: 'application/x-executable', magic: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Every type sniffContentType can decide: what a tenant's allowlist may name. */
export const recognisedTypes: readonly string[] = [...new Set([...signatures.map((s) => s.type), 'text/plain'])];

const matchesAt = (bytes: Uint8Array, offset: number, magic: readonly number[]): boolean =>
  bytes.length >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);

/** Text: no NUL and valid UTF-8, allowing a sequence cut by the sniff window's end. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  // a multi-byte character cut at the window's end is not an error: drop up to 3 trailing bytes
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      if (bytes.length < SNIFF_BYTES) return false; // the whole file: nothing was cut
    }
  }
  return false;
}

/** The media type the bytes prove, or undefined (an empty or unrecognised file). */
export function sniffContentType(head: Uint8Array): string | undefined {
  for (const s of signatures) {
    if (matchesAt(head, s.offset ?? 0, s.magic) && (!s.also || matchesAt(head, s.also.offset, s.also.magic)))
      return s.type;
  }
  return head.length > 0 && looksLikeText(head) ? 'text/plain' : undefined;
}

/** The media type part of a Content-Type header, lowercased, parameters dropped. */
export function mediaTypeOf(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}
