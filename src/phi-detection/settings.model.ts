// A tenant's PHI detection settings, their defaults and their validation (shared by REST
// and GraphQL). Two detections, each with its own action:
// - otherPatient: an email, phone or MRN in the text that belongs to a contact of the
//   tenant other than the ticket's patient (and the reply's recipients): a wrong-patient
//   disclosure, found by value through the contacts' blind indexes;
// - patterns: identifier-shaped strings of the chosen kinds (SSN, dates, addresses, ...),
//   which a reply to the patient themself may legitimately hold, hence a separate action.
// Default: both 'off', so tenants that existed before detection are unchanged and no
// reply is refused by a setting nobody chose (README, "PHI detection settings").
import type { ErrorDetail } from '../errors.js';
import { PHI_KINDS, TenantPatternError, validateTenantPattern, type PhiPatternKind } from './patterns.js';

export const PHI_DETECTION_ACTIONS = ['off', 'warn', 'redact', 'hold', 'block'] as const;
export type PhiDetectionAction = (typeof PHI_DETECTION_ACTIONS)[number];

export interface PhiDetectionSettings {
  otherPatientAction: PhiDetectionAction;
  patternAction: PhiDetectionAction;
  patternKinds: PhiPatternKind[];
  mrnPatterns: string[];
  accountPatterns: string[];
}

export interface PhiDetectionSettingsView extends PhiDetectionSettings {
  /** true while the tenant has not set its own (the defaults apply) */
  isDefault: boolean;
  updatedAt: Date | null;
}

export const defaultPhiDetectionSettings: Readonly<PhiDetectionSettings> = Object.freeze({
  otherPatientAction: 'off',
  patternAction: 'off',
  patternKinds: [...PHI_KINDS],
  mrnPatterns: [],
  accountPatterns: [],
});

const MAX_TENANT_PATTERNS = 10;

/** The problems with `input`, each with its JSON pointer; never echoes a pattern back. */
export function invalidSettings(input: PhiDetectionSettings): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const field of ['otherPatientAction', 'patternAction'] as const) {
    if (!(PHI_DETECTION_ACTIONS as readonly string[]).includes(input[field]))
      problems.push({ pointer: `/${field}`, detail: 'must be one of the actions', allowed: PHI_DETECTION_ACTIONS });
  }
  if (!Array.isArray(input.patternKinds) || input.patternKinds.length > PHI_KINDS.length)
    problems.push({ pointer: '/patternKinds', detail: 'must list each kind at most once', allowed: PHI_KINDS });
  else {
    const seen = new Set<string>();
    input.patternKinds.forEach((kind, i) => {
      if (!(PHI_KINDS as readonly string[]).includes(kind))
        problems.push({ pointer: `/patternKinds/${i}`, detail: 'must be one of the kinds', allowed: PHI_KINDS });
      else if (seen.has(kind)) problems.push({ pointer: `/patternKinds/${i}`, detail: 'repeats an earlier kind' });
      seen.add(kind);
    });
  }
  for (const field of ['mrnPatterns', 'accountPatterns'] as const) {
    const list = input[field];
    if (!Array.isArray(list) || list.length > MAX_TENANT_PATTERNS) {
      problems.push({ pointer: `/${field}`, detail: `must list at most ${MAX_TENANT_PATTERNS} patterns` });
      continue;
    }
    list.forEach((source, i) => {
      try {
        if (typeof source !== 'string') throw new TenantPatternError(i, 'must be a string');
        validateTenantPattern(source, i);
      } catch (e) {
        const reason = e instanceof TenantPatternError ? e.reason : 'not a valid regular expression';
        problems.push({ pointer: `/${field}/${i}`, detail: reason });
      }
    });
  }
  return problems;
}
