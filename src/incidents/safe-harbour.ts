// The encryption safe harbour (164.402(2) "unsecured PHI", HHS guidance of 2009): PHI
// rendered unreadable by encryption whose keys were not compromised is secured, and its loss
// is not a reportable breach. Pure: the caller says which fields were involved, which of them
// phidesk seals at rest, whether the tenant's keys still stand, and whether the incident's
// operations showed the values in clear (an actor reading through the API saw them decrypted:
// sealing at rest does not help then).
export interface SafeHarbourReport {
  applies: boolean;
  /** every PHI field involved is a sealed column (src/keys/sealed-tables.ts) */
  sealedAtRest: boolean;
  unsealedFields: string[];
  /** the tenant's keys were not shredded; phidesk records no other compromise of them */
  keysIntact: boolean;
  /** the operations returned or wrote PHI values in clear (not ciphertext) */
  shownInClear: boolean;
  reasons: string[];
}

export function safeHarbour(input: {
  phiFields: readonly string[];
  sealedFieldNames: ReadonlySet<string>;
  tenantStatus: string | undefined;
}): SafeHarbourReport {
  const unsealedFields = [...new Set(input.phiFields.filter((f) => !input.sealedFieldNames.has(f)))].sort();
  const sealedAtRest = unsealedFields.length === 0;
  const keysIntact = input.tenantStatus === 'active' || input.tenantStatus === 'suspended';
  const shownInClear = input.phiFields.length > 0;
  const reasons: string[] = [];
  if (!sealedAtRest) reasons.push('fields_not_sealed');
  if (!keysIntact) reasons.push('keys_not_intact');
  if (shownInClear) reasons.push('phi_shown_in_clear');
  return { applies: reasons.length === 0, sealedAtRest, unsealedFields, keysIntact, shownInClear, reasons };
}
