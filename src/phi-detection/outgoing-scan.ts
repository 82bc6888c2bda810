// PHI detection of one outgoing text under a tenant's settings: the pattern pass (kinds
// the tenant chose, its own MRN/account formats) and the value pass (another patient's
// email, phone or MRN, by blind index), then the one action that applies. Used by the
// public-reply check and the webhook payload scan alike.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ErrorDetail } from '../errors.js';
import { PatternDetector, redact, type PhiFinding } from './patterns.js';
import type { PhiDetectionAction, PhiDetectionSettings } from './settings.model.js';
import { valueCandidates } from './value-candidates.js';
import {
  findOtherPatients,
  otherPatientFindings,
  type BlindIndexer,
  type OtherPatientFinding,
  type PrefetchedValueLookup,
} from './value-lookup.js';

export interface OutgoingScan {
  patterns: PhiFinding[];
  otherPatients: OtherPatientFinding[];
  /** the most severe action among the passes that found something; 'off' when none did */
  action: PhiDetectionAction;
  /** the text with the findings of every 'redact' pass replaced by [KIND]; when action is 'redact' */
  redacted?: string;
}

export interface ValueLookup {
  db: Kysely<Database>;
  tenantId: string;
  index: BlindIndexer;
  /** contacts whose own identifiers may appear: the ticket's patient, the reply's recipients */
  allowedContactIds: readonly string[];
  /** the lookup already done (in the statement that read the settings); used only for this exact text */
  prefetched?: PrefetchedValueLookup | undefined;
}

const severity: Record<PhiDetectionAction, number> = { off: 0, warn: 1, redact: 2, hold: 3, block: 4 };

// A detector compiles the tenant's patterns: kept per distinct settings, a handful per process.
const detectors = new Map<string, PatternDetector>();
function detectorFor(settings: PhiDetectionSettings): PatternDetector {
  const key = JSON.stringify([settings.mrnPatterns, settings.accountPatterns]);
  let d = detectors.get(key);
  if (!d) {
    if (detectors.size >= 256) detectors.clear();
    d = new PatternDetector({ mrn: settings.mrnPatterns, account: settings.accountPatterns });
    detectors.set(key, d);
  }
  return d;
}

export function detectionIsOff(settings: PhiDetectionSettings): boolean {
  return settings.otherPatientAction === 'off' && settings.patternAction === 'off';
}

export async function scanOutgoing(
  text: string,
  settings: PhiDetectionSettings,
  lookup: ValueLookup,
): Promise<OutgoingScan> {
  const kinds = new Set<string>(settings.patternKinds);
  const patterns =
    settings.patternAction === 'off'
      ? []
      : detectorFor(settings)
          .detect(text)
          .filter((f) => kinds.has(f.kind));
  const otherPatients =
    settings.otherPatientAction === 'off'
      ? []
      : lookup.prefetched?.text === text
        ? otherPatientFindings(lookup.prefetched.hashed, lookup.prefetched.rows, lookup.allowedContactIds)
        : await findOtherPatients(
            lookup.db,
            lookup.tenantId,
            lookup.index,
            valueCandidates(text),
            lookup.allowedContactIds,
          );
  let action: PhiDetectionAction = 'off';
  if (patterns.length > 0 && severity[settings.patternAction] > severity[action]) action = settings.patternAction;
  if (otherPatients.length > 0 && severity[settings.otherPatientAction] > severity[action])
    action = settings.otherPatientAction;
  const scan: OutgoingScan = { patterns, otherPatients, action };
  if (action === 'redact') {
    const toRedact: PhiFinding[] = [
      ...(settings.patternAction === 'redact' ? patterns : []),
      ...(settings.otherPatientAction === 'redact' ? otherPatients : []),
    ];
    scan.redacted = redact(text, toRedact);
  }
  return scan;
}

const MAX_LISTED = 20;

/**
 * The findings as an audit reasonCode: where, what kind, how many; never a value.
 * e.g. "public_reply action:block other_patient.phone@12+14 pattern.ssn@40+11 count:2".
 */
export function findingsReason(channel: string, scan: OutgoingScan): string {
  const listed = [
    ...scan.otherPatients.map((f) => `other_patient.${f.kind}@${f.offset}+${f.length}`),
    ...scan.patterns.map((f) => `pattern.${f.kind}@${f.offset}+${f.length}`),
  ];
  const more = listed.length > MAX_LISTED ? [`+${listed.length - MAX_LISTED}more`] : [];
  return [
    `${channel}`,
    `action:${scan.action}`,
    ...listed.slice(0, MAX_LISTED),
    ...more,
    `count:${listed.length}`,
  ].join(' ');
}

/** Problem entries naming each finding's kind and position in `pointer`, never the value. */
export function findingErrors(pointer: string, scan: OutgoingScan): ErrorDetail[] {
  return [
    ...scan.otherPatients.map((f) => ({
      pointer,
      detail: `another patient's ${f.kind} at characters ${f.offset}-${f.offset + f.length}`,
    })),
    ...scan.patterns.map((f) => ({
      pointer,
      detail: `a ${f.kind} identifier at characters ${f.offset}-${f.offset + f.length}`,
    })),
  ].slice(0, MAX_LISTED);
}
