// Patient-rights free text is sealed like PHI, each value bound to (table, column, row id).
// Listed in src/keys/sealed-tables.ts so rotation, re-sealing and retirement see them.
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Sealed } from '../crypto/sealed.js';

export const accessRequestsSealing = {
  table: 'access_requests',
  columns: ['verification_note_sealed', 'extension_reason_sealed', 'denial_note_sealed'],
  resourceType: 'AccessRequest',
  readAction: 'access_request.read',
  fieldNames: {
    verification_note_sealed: ['access_request.verification_note'],
    extension_reason_sealed: ['access_request.extension_reason'],
    denial_note_sealed: ['access_request.denial_note'],
  },
} as const;

export const accessBundlesSealing = {
  table: 'access_request_bundles',
  columns: ['bundle_sealed'],
  resourceType: 'AccessRequestBundle',
  readAction: 'access_request.download',
  fieldNames: { bundle_sealed: ['access_request.bundle'] },
} as const;

export const accountingRequestsSealing = {
  table: 'accounting_requests',
  columns: ['extension_reason_sealed'],
  resourceType: 'AccountingRequest',
  readAction: 'accounting_request.read',
  fieldNames: { extension_reason_sealed: ['accounting_request.extension_reason'] },
} as const;

export const disclosuresSealing = {
  table: 'disclosures',
  columns: ['recipient_sealed', 'recipient_address_sealed', 'description_sealed'],
  resourceType: 'Disclosure',
  readAction: 'disclosure.read',
  fieldNames: {
    recipient_sealed: ['disclosure.recipient'],
    recipient_address_sealed: ['disclosure.recipient_address'],
    description_sealed: ['disclosure.description'],
  },
} as const;

type Spec =
  | typeof accessRequestsSealing
  | typeof accessBundlesSealing
  | typeof accountingRequestsSealing
  | typeof disclosuresSealing;

export function sealIn<S extends Spec>(
  crypto: TenantCrypto,
  spec: S,
  column: S['columns'][number],
  rowId: string,
  text: string,
): Sealed<string> {
  return crypto.seal({ table: spec.table, column, rowId }, text);
}

export function sealOptional<S extends Spec>(
  crypto: TenantCrypto,
  spec: S,
  column: S['columns'][number],
  rowId: string,
  text: string | null | undefined,
): Sealed<string> | null {
  return text === null || text === undefined ? null : sealIn(crypto, spec, column, rowId, text);
}

export async function openIn<S extends Spec>(
  crypto: TenantCrypto,
  spec: S,
  column: S['columns'][number],
  rowId: string,
  sealed: Sealed<string> | null,
): Promise<string | null> {
  return sealed === null ? null : crypto.open({ table: spec.table, column, rowId }, sealed);
}
