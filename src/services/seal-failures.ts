// A stored value that fails to open (tampered, moved between rows, under a retired or
// destroyed key) or a value that cannot be sealed is recorded the same way for every
// sealed table: an 'error' event naming the record, the fields and the reason kind,
// never a value. Written outside the use case's transaction (which rolls back), so the
// failure stays on record even though nothing else does.
import type { Actor } from '../auth/actor.js';
import { SealError, UnsealError } from '../crypto/errors.js';
import type { Keyring } from '../crypto/keyring.js';
import { TenantCrypto } from '../crypto/tenant-crypto.js';
import { sealedTables } from '../keys/sealed-tables.js';
import type { AuditEventInput, AuditPort } from './audit-port.js';

export const isCryptoFailure = (e: unknown): e is UnsealError | SealError =>
  e instanceof UnsealError || e instanceof SealError;

/** The event for one failure; `tenantId` names the tenant whose key could not be used. */
export function cryptoFailureEvent(e: UnsealError | SealError, tenantId: string): AuditEventInput {
  const reasonCode = `${e.code}:${e.reason}`;
  const location = e instanceof UnsealError ? e.location : undefined;
  const spec = location && sealedTables.find((t) => t.table === location.table);
  if (!location || !spec) {
    // no stored value involved (sealing, or a key that could not be loaded): the tenant's keys failed
    return { action: 'tenant.key_use', resourceType: 'Tenant', resourceId: tenantId, outcome: 'error', reasonCode };
  }
  return {
    action: spec.readAction,
    resourceType: spec.resourceType,
    resourceId: location.rowId,
    phiFields: spec.fieldNames[location.column] ?? [],
    subjectContactId: spec.resourceType === 'Contact' ? location.rowId : undefined,
    outcome: 'error',
    reasonCode,
  };
}

/** Records a crypto failure (if that is what `e` is) and hands `e` back for re-throwing. */
export async function recordCryptoFailure(audit: AuditPort, actor: Actor, e: unknown): Promise<unknown> {
  if (isCryptoFailure(e)) await audit.writeDetached(actor.tenantId, actor, [cryptoFailureEvent(e, actor.tenantId)]);
  return e;
}

interface CryptoDeps {
  keyring: Keyring;
  audit: AuditPort;
}

/** TenantCrypto.forWrite for a use case, its failures (a shredded tenant, no active key) audited. */
export async function cryptoForWrite(deps: CryptoDeps, actor: Actor): Promise<TenantCrypto> {
  try {
    return await TenantCrypto.forWrite(deps.keyring, actor.tenantId);
  } catch (e) {
    throw await recordCryptoFailure(deps.audit, actor, e);
  }
}

/** TenantCrypto.forRead for a use case, its failures (a key that cannot be unwrapped) audited. */
export async function cryptoForRead(deps: CryptoDeps, actor: Actor): Promise<TenantCrypto> {
  try {
    return await TenantCrypto.forRead(deps.keyring, actor.tenantId);
  } catch (e) {
    throw await recordCryptoFailure(deps.audit, actor, e);
  }
}
