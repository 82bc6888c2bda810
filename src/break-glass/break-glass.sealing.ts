// Break-glass free text (the reason for opening a grant, the privacy officer's review
// note) may hold PHI, so it is sealed like PHI, bound to (table, column, grant id).
// Listed in src/keys/sealed-tables.ts so rotation and retirement see it.
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Sealed } from '../crypto/sealed.js';

export const breakGlassSealing = {
  table: 'break_glass_grants',
  columns: ['reason_sealed', 'review_note_sealed'],
  resourceType: 'BreakGlass',
  readAction: 'break_glass.read',
  fieldNames: { reason_sealed: ['break_glass.reason'], review_note_sealed: ['break_glass.review_note'] },
} as const;

type Column = (typeof breakGlassSealing.columns)[number];
const place = (column: Column, grantId: string) => ({ table: breakGlassSealing.table, column, rowId: grantId });

export function sealText(crypto: TenantCrypto, column: Column, grantId: string, text: string): Sealed<string> {
  return crypto.seal(place(column, grantId), text);
}

/** Opens a sealed value; a legacy row (opened before sealing) hands its plaintext through. */
export async function openText(
  crypto: TenantCrypto,
  column: Column,
  grantId: string,
  sealed: Sealed<string> | null,
  legacy: string | null,
): Promise<string | null> {
  if (sealed === null) return legacy;
  return crypto.open(place(column, grantId), sealed);
}
