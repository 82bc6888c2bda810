// Failures of sealing and opening. The reason is a closed set of kinds that the
// audit layer can record verbatim; the message is the same for every reason and
// never mentions values, so neither logs nor API responses become an oracle
// for what was stored or why exactly it failed.

import { AppError } from '../errors.js';

export type UnsealFailureReason =
  /** bytes are not a sealed value of a format/algorithm this code understands */
  | 'malformed'
  /** authentication failed: bytes altered, or presented for another tenant/table/column/row */
  | 'tampered'
  /** the key handed to openValue is for another tenant or key version than the value names */
  | 'wrong_key'
  /** the tenant has no key with the version the value names */
  | 'unknown_key_version'
  /** the key version was retired after re-sealing; reading it is refused by policy */
  | 'retired_key_version'
  /** the tenant's keys were destroyed (crypto-shredded); the value is gone for good */
  | 'destroyed_key_version'
  /** the master key provider refused to unwrap the tenant key */
  | 'key_unwrap_failed'
  /** the tenant key is wrapped under a master key this process is not configured with */
  | 'unknown_master_key'
  /** the key object was wiped by cache eviction while the caller still held it */
  | 'key_evicted';

export type SealFailureReason =
  /** ensureTenantKey() was never called for this tenant */
  | 'no_tenant_key'
  /** the tenant has keys but none is active (interrupted rotation or manual change) */
  | 'no_active_key'
  /** the tenant was crypto-shredded; nothing may be sealed or indexed for it again */
  | 'tenant_shredded'
  /** tenantId, table, column or rowId is empty */
  | 'invalid_context'
  /** the key handed to sealValue belongs to another tenant than the context names */
  | 'wrong_key'
  /** the key object was wiped by cache eviction while the caller still held it */
  | 'key_evicted';

/** Where a value that failed to open lives: names and ids only, never values. */
export interface SealedLocation {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

export class UnsealError extends AppError {
  readonly reason: UnsealFailureReason;
  /** set by callers that know the place (TenantCrypto), so the failure can be audited */
  readonly location: SealedLocation | undefined;

  constructor(reason: UnsealFailureReason, options?: { cause?: unknown; location?: SealedLocation }) {
    super('UNSEAL_FAILED', 'A protected value could not be opened.', undefined, options);
    this.name = 'UnsealError';
    this.reason = reason;
    this.location = options?.location;
  }

  /** The same failure, annotated with where the value lives. */
  at(location: SealedLocation): UnsealError {
    return new UnsealError(this.reason, { cause: this, location });
  }
}

export class SealError extends AppError {
  readonly reason: SealFailureReason;

  constructor(reason: SealFailureReason, options?: { cause?: unknown }) {
    super('SEAL_FAILED', 'A value could not be protected for storage.', undefined, options);
    this.name = 'SealError';
    this.reason = reason;
  }
}

export function isUnsealError(e: unknown): e is UnsealError {
  return e instanceof UnsealError;
}

export function isSealError(e: unknown): e is SealError {
  return e instanceof SealError;
}
