// The settings every public reply's checks apply, read once per reply in one statement
// (outbound-settings.repository.ts) and handed to each check in its context, so adding a
// check does not add a round trip to the reply's transaction. The same statement carries
// PHI detection's value lookup when the caller hashed the reply's candidates beforehand.
import type { Tx } from '../db/tenant-tx.js';
import { fromRow as phiDetectionSettingsFrom } from '../phi-detection/settings.repository.js';
import { defaultPhiDetectionSettings, type PhiDetectionSettings } from '../phi-detection/settings.model.js';
import type { HashedCandidates, PrefetchedValueLookup } from '../phi-detection/value-lookup.js';
import { disclosureSettingsFrom, type DisclosureSettingsView } from './disclosure-settings.service.js';
import { outboundSettingsRows } from './outbound-settings.repository.js';

export interface OutboundSettings {
  disclosure: DisclosureSettingsView;
  phiDetection: PhiDetectionSettings;
  /** the value lookup done in the same statement, for the text it was hashed from */
  valueLookup?: PrefetchedValueLookup | undefined;
}

export async function outboundSettingsOf(
  tx: Tx,
  tenantId: string,
  lookup?: { text: string; hashed: HashedCandidates },
): Promise<OutboundSettings> {
  const rows = await outboundSettingsRows(tx, tenantId, lookup?.hashed);
  return {
    disclosure: disclosureSettingsFrom(rows.disclosure),
    phiDetection: rows.phiDetection
      ? phiDetectionSettingsFrom(rows.phiDetection)
      : { ...defaultPhiDetectionSettings, patternKinds: [...defaultPhiDetectionSettings.patternKinds] },
    valueLookup:
      lookup && rows.valueMatches ? { text: lookup.text, hashed: lookup.hashed, rows: rows.valueMatches } : undefined,
  };
}
