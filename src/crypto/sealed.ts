// Branded byte types for what the database stores in place of PHI. At runtime
// both are plain Buffers (bytea); the brands exist only for the compiler so that
// a repository cannot write plaintext (or a Sealed value of another plaintext
// type, or a blind index) into a sealed column by mistake.

declare const sealedPlaintext: unique symbol;
declare const blindIndexBrand: unique symbol;

/** What can be sealed: text, or raw bytes. */
export type SealablePlaintext = string | Buffer;

/**
 * Envelope ciphertext of a `T`. Only sealValue() produces one; a column typed
 * `Sealed<string>` rejects strings, Buffers and `Sealed<Buffer>` alike.
 */
export type Sealed<T extends SealablePlaintext = SealablePlaintext> = Buffer & {
  readonly [sealedPlaintext]: T;
};

/** Keyed, truncated hash of a normalised value, for equality search on PHI. */
export type BlindIndex = Buffer & { readonly [blindIndexBrand]: true };
