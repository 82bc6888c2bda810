// The sealing library's public surface; import from here rather than from the
// individual files so internals (cache, derivation) can move freely.

export { initSodium, getSodium } from './sodium.js';
export type { Sealed, SealablePlaintext, BlindIndex } from './sealed.js';
export { UnsealError, SealError, isUnsealError, isSealError } from './errors.js';
export type { UnsealFailureReason, SealFailureReason } from './errors.js';
export type { MasterKeyProvider, LoadMasterKeyOptions } from './master-key.js';
export { LocalFileMasterKeyProvider, createMasterKeyFile, loadOrCreateDevMasterKey } from './master-key.js';
export { TenantKeyMaterial, BlindIndexKey } from './tenant-key.js';
export type { SealContext, TenantKeySource } from './envelope.js';
export {
  sealValue,
  openValue,
  openBytes,
  openValueWith,
  openBytesWith,
  resealValue,
  sealedKeyVersion,
  SEAL_FORMAT_VERSION,
  ALGORITHM_XCHACHA20_POLY1305_IETF,
} from './envelope.js';
export { Keyring, BLIND_INDEX_ROOT_VERSION, wrapContext } from './keyring.js';
export type {
  KeyringOptions,
  RewrapSummary,
  TenantKeyStore,
  WrappedTenantKey,
  RewrappedTenantKey,
  TenantKeyStatus,
} from './keyring.js';
export { blindIndex, normaliseForBlindIndex, blindIndexNormalisers, BLIND_INDEX_BYTES } from './blind-index.js';
export type { BlindIndexKind } from './blind-index.js';
export { TenantCrypto } from './tenant-crypto.js';
