// An attachment's bytes as one libsodium secretstream (XChaCha20-Poly1305): each chunk is
// sealed as it arrives, so neither the whole file nor any plaintext is ever held or stored.
// The stream itself chains its chunks (a reordered or replayed chunk fails to open) and
// marks the last one with TAG_FINAL (a stream cut short is detected); the additional data
// binds the attachment id and the chunk index as well, so a chunk moved to another
// attachment, or to another position, fails on its own.
import { UnsealError } from '../crypto/errors.js';
import { getSodium, randomBytesArray, wipe } from '../crypto/sodium.js';

/**
 * Plaintext bytes per chunk. 48 KiB, not 64: pg moves a bytea as a hex string of twice its
 * size, and V8 puts a string over 128 KiB in its large-object space, which only a full GC
 * frees; under that size the strings die young in cheap scavenges, and a fast 50 MiB
 * transfer grows the server's RSS far less. A chunk's 17 bytes of overhead stay noise.
 */
export const CHUNK_BYTES = 48 * 1024;

/** Where a chunk failure is recorded (an UnsealError's location; never any bytes). */
const chunkLocation = (attachmentId: string) => ({
  table: 'attachments',
  column: 'content',
  rowId: attachmentId,
});

function additionalData(attachmentId: string, index: number): Buffer {
  const id = Buffer.from(attachmentId, 'utf8');
  const ad = Buffer.allocUnsafe(id.length + 4);
  id.copy(ad, 0);
  ad.writeUInt32BE(index, id.length);
  return ad;
}

export function newStreamKey(): Uint8Array {
  return randomBytesArray(getSodium().crypto_secretstream_xchacha20poly1305_KEYBYTES);
}

/** Seals one attachment's chunks in order; `final` must be the last call. */
export class ChunkSealer {
  readonly header: Buffer;
  readonly #state: unknown;
  readonly #attachmentId: string;
  #index = 0;
  #done = false;

  constructor(key: Uint8Array, attachmentId: string) {
    const { state, header } = getSodium().crypto_secretstream_xchacha20poly1305_init_push(key);
    this.#state = state;
    this.header = Buffer.from(header);
    this.#attachmentId = attachmentId;
  }

  /** The next chunk index this sealer will produce (so, after final, the chunk count). */
  get count(): number {
    return this.#index;
  }

  seal(plaintext: Uint8Array, final: boolean): { index: number; sealed: Buffer } {
    if (this.#done) throw new Error('the attachment stream is already final');
    const sodium = getSodium();
    const index = this.#index++;
    const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
      this.#state as never,
      plaintext,
      additionalData(this.#attachmentId, index),
      final
        ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
    );
    this.#done = final;
    // libsodium hands back a fresh copy out of its heap: wrap it, do not copy it again
    return { index, sealed: Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength) };
  }
}

/** Opens one attachment's chunks, which must arrive in order, all of them, ending with the final one. */
export class ChunkOpener {
  readonly #state: unknown;
  readonly #attachmentId: string;
  readonly #expectedChunks: number;
  #index = 0;
  #final = false;

  constructor(key: Uint8Array, header: Uint8Array, attachmentId: string, expectedChunks: number) {
    const sodium = getSodium();
    if (header.length !== sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES) throw this.#fail('malformed');
    this.#state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    this.#attachmentId = attachmentId;
    this.#expectedChunks = expectedChunks;
  }

  /** Opens the chunk stored at `index`; any gap, reordering, alteration or data past the final chunk throws. */
  open(index: number, sealed: Uint8Array): Buffer {
    if (index !== this.#index || this.#final) throw this.#fail('tampered');
    const sodium = getSodium();
    const result = sodium.crypto_secretstream_xchacha20poly1305_pull(
      this.#state as never,
      sealed,
      additionalData(this.#attachmentId, index),
    ) as { message: Uint8Array; tag: number } | false;
    if (!result) throw this.#fail('tampered');
    this.#index++;
    const isLast = this.#index === this.#expectedChunks;
    this.#final = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    // the final tag must be on the last chunk the metadata names, and only there
    if (this.#final !== isLast) {
      wipe(result.message);
      throw this.#fail('tampered');
    }
    return Buffer.from(result.message.buffer, result.message.byteOffset, result.message.byteLength);
  }

  /** Throws unless the final chunk was opened: a stream that stops early is an error, not a short file. */
  finish(): void {
    if (!this.#final) throw this.#fail('tampered');
  }

  #fail(reason: 'tampered' | 'malformed'): UnsealError {
    return new UnsealError(reason).at(chunkLocation(this.#attachmentId));
  }
}
