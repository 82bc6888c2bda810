// Unambiguous byte encodings for data that is authenticated or hashed: each
// string is a uint32 big-endian byte length followed by its UTF-8 bytes, so
// ("ab", "c") and ("a", "bc") can never encode to the same bytes.

/** Concatenation of `prefix` and the length-prefixed UTF-8 of every part. */
export function encodeLengthPrefixed(parts: readonly string[], prefix?: Uint8Array): Buffer {
  let size = prefix?.length ?? 0;
  for (const part of parts) size += 4 + Buffer.byteLength(part, 'utf8');
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  if (prefix !== undefined) {
    out.set(prefix, 0);
    offset = prefix.length;
  }
  for (const part of parts) {
    const written = out.write(part, offset + 4, 'utf8');
    out.writeUInt32BE(written, offset);
    offset += 4 + written;
  }
  return out;
}

/** A Buffer view over the same memory as `bytes` (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
