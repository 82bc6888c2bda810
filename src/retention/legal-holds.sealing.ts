// A legal hold's reason is staff free text (it may name a patient, a lawsuit, a claim):
// sealed like PHI, bound to (table, column, row id). Listed in src/keys/sealed-tables.ts
// so key rotation, re-sealing and retirement see it.
import type { Sealed } from '../crypto/sealed.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';

export const legalHoldsSealing = {
  table: 'legal_holds',
  columns: ['reason_sealed'],
  resourceType: 'LegalHold',
  readAction: 'legal_hold.read',
  fieldNames: { reason_sealed: ['legal_hold.reason'] },
} as const;

export function sealReason(crypto: TenantCrypto, holdId: string, reason: string): Sealed<string> {
  return crypto.seal({ table: legalHoldsSealing.table, column: 'reason_sealed', rowId: holdId }, reason);
}

export async function openReason(crypto: TenantCrypto, holdId: string, sealed: Sealed<string>): Promise<string> {
  return crypto.open({ table: legalHoldsSealing.table, column: 'reason_sealed', rowId: holdId }, sealed);
}
