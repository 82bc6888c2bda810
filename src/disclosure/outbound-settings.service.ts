// The settings every public reply's checks apply, read once per reply in one statement
// (outbound-settings.repository.ts) and handed to each check in its context, so adding a
// check does not add a round trip to the reply's transaction.
import type { Tx } from '../db/tenant-tx.js';
import { fromRow as phiDetectionSettingsFrom } from '../phi-detection/settings.repository.js';
import { defaultPhiDetectionSettings, type PhiDetectionSettings } from '../phi-detection/settings.model.js';
import { disclosureSettingsFrom, type DisclosureSettingsView } from './disclosure-settings.service.js';
import { outboundSettingsRows } from './outbound-settings.repository.js';

export interface OutboundSettings {
  disclosure: DisclosureSettingsView;
  phiDetection: PhiDetectionSettings;
}

export async function outboundSettingsOf(tx: Tx, tenantId: string): Promise<OutboundSettings> {
  const rows = await outboundSettingsRows(tx, tenantId);
  return {
    disclosure: disclosureSettingsFrom(rows.disclosure),
    phiDetection: rows.phiDetection
      ? phiDetectionSettingsFrom(rows.phiDetection)
      : { ...defaultPhiDetectionSettings, patternKinds: [...defaultPhiDetectionSettings.patternKinds] },
  };
}
