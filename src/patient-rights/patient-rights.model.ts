// Patient rights: the closed sets (verification methods, denial grounds, purposes,
// exclusions, sources), the clocks' rules, and where each sealed column lives. Codes are
// not PHI; every piece of free text staff type is sealed (patient-rights.sealing.ts).
import type { Keyring } from '../crypto/keyring.js';
import { AppError } from '../errors.js';
import type { ServiceDeps } from '../services/scope.js';

/** Services take time from here: tests pass a controlled clock. */
export type PatientRightsDeps = ServiceDeps & { keyring: Keyring; clock?: (() => Date) | undefined };
export const nowOf = (deps: { clock?: (() => Date) | undefined }): Date => deps.clock?.() ?? new Date();

const DAY_MS = 24 * 60 * 60 * 1000;
export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/** 164.524(b)(2): act within 30 days; one extension of at most 30 days, with a written reason. */
export const ACCESS_DAYS = 30;
export const ACCESS_EXTENSION_DAYS = 30;
/** 164.528(c)(1): act within 60 days; one extension of at most 30 days. */
export const ACCOUNTING_DAYS = 60;
export const ACCOUNTING_EXTENSION_DAYS = 30;
/** Listed as due soon this many days before the deadline. */
export const DUE_SOON_DAYS = 7;
/** 164.528(a)(3): the accounting covers the six years before the request. */
export const ACCOUNTING_YEARS = 6;
/** 164.528(c)(2): the first accounting in any 12 months is free. */
export const FREE_ACCOUNTING_WINDOW_DAYS = 365;
/** How long a bundle's single-use link stays valid. */
export const BUNDLE_LINK_HOURS = 72;

export type Timing = 'on_time' | 'due_soon' | 'overdue' | 'closed';

/** Where an open request stands against its deadline at `now`. */
export function timingOf(status: string, dueAt: Date, now: Date): Timing {
  if (status !== 'open') return 'closed';
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  if (now.getTime() > addDays(dueAt, -DUE_SOON_DAYS).getTime()) return 'due_soon';
  return 'on_time';
}

export const timingFilters = ['open', 'due_soon', 'overdue', 'all'] as const;
export type TimingFilter = (typeof timingFilters)[number];

export const verificationMethods = [
  'government_id',
  'portal_account',
  'knowledge_based',
  'notarized_request',
  'personal_representative_documents',
  'other',
] as const;

/**
 * 164.524(a)(2) unreviewable grounds (with (a)(1)'s exceptions: psychotherapy notes,
 * information compiled for litigation) and (a)(3) reviewable grounds.
 */
export const denialGrounds = {
  psychotherapy_notes: { rule: '164.524(a)(1)(i), (a)(2)(i)', reviewable: false },
  litigation_compilation: { rule: '164.524(a)(1)(ii), (a)(2)(i)', reviewable: false },
  correctional_institution: { rule: '164.524(a)(2)(ii)', reviewable: false },
  research_suspension: { rule: '164.524(a)(2)(iii)', reviewable: false },
  privacy_act: { rule: '164.524(a)(2)(iv)', reviewable: false },
  confidential_source: { rule: '164.524(a)(2)(v)', reviewable: false },
  endanger_life_or_safety: { rule: '164.524(a)(3)(i)', reviewable: true },
  harm_to_referenced_person: { rule: '164.524(a)(3)(ii)', reviewable: true },
  harm_via_personal_representative: { rule: '164.524(a)(3)(iii)', reviewable: true },
} as const;
export type DenialGround = keyof typeof denialGrounds;
export const denialGroundNames = Object.keys(denialGrounds) as DenialGround[];

export const purposes = [
  'treatment',
  'payment',
  'health_care_operations',
  'to_individual',
  'with_authorization',
  'business_associate',
  'required_by_law',
  'public_health',
  'health_oversight',
  'judicial_proceeding',
  'law_enforcement',
  'research',
  'other',
] as const;
export type Purpose = (typeof purposes)[number];

/** 164.528(a)(1)(i)-(ix) (and (a)(1)'s compliance date): disclosures the accounting leaves out. */
export const exclusions = [
  'treatment',
  'payment',
  'health_care_operations',
  'to_individual',
  'incident_to_permitted_use',
  'with_authorization',
  'facility_directory',
  'persons_involved_in_care',
  'national_security',
  'correctional_institution',
  'limited_data_set',
  'before_compliance_date',
] as const;
export type Exclusion = (typeof exclusions)[number];

/** The exclusion a purpose implies by itself (TPO, to the individual, with authorisation). */
export function exclusionOf(purpose: Purpose): Exclusion | null {
  switch (purpose) {
    case 'treatment':
    case 'payment':
    case 'health_care_operations':
    case 'to_individual':
    case 'with_authorization':
      return purpose;
    default:
      return null;
  }
}

export const sources = ['webhook', 'access_request', 'export', 'manual'] as const;
export type Source = (typeof sources)[number];

/** A 400 naming the field, for values outside a closed set or text outside its limits (GraphQL's plain strings too). */
export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field} ${message}.`, [{ pointer: `/${field}`, detail: message }]);
}

export function assertOneOf(field: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw invalid(field, `must be one of ${allowed.join(', ')}`);
}

export function assertText(field: string, value: unknown, max: number, required: boolean): void {
  if (value === undefined || value === null) {
    if (required) throw invalid(field, 'is required');
    return;
  }
  if (typeof value !== 'string' || value.trim().length < 1 || value.length > max)
    throw invalid(field, `must be 1..${max} characters`);
}
