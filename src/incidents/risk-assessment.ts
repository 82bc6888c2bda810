// The four-factor risk assessment of 45 CFR 164.402(2): a breach is presumed unless it
// shows a low probability that the PHI was compromised. Each factor has closed codes
// (stored plainly: they hold no PHI) and a note (the officer's free text: sealed).
import { AppError } from '../errors.js';

export const phiCategories = [
  'names',
  'contact_details',
  'dates',
  'identifiers',
  'clinical',
  'financial',
  'free_text',
  'other',
] as const;
export const recipientKinds = ['workforce', 'covered_entity', 'business_associate', 'external', 'unknown'] as const;
export const acquisitionStatuses = ['viewed', 'acquired', 'not_viewed', 'unknown'] as const;
export const mitigationExtents = ['none', 'partial', 'full'] as const;
export const conclusions = ['undetermined', 'low_probability', 'breach'] as const;

export interface RiskFactors {
  /** (i) nature and extent of the PHI, identifiers and likelihood of re-identification */
  natureAndExtent: { categories: string[]; note: string | null };
  /** (ii) the unauthorized person who used it or to whom it was disclosed */
  unauthorizedRecipient: { kind: string; note: string | null };
  /** (iii) whether it was actually acquired or viewed */
  acquiredOrViewed: { status: string; note: string | null };
  /** (iv) the extent to which the risk has been mitigated */
  mitigation: { extent: string; note: string | null };
  conclusion: string;
}

export const initialRiskFactors: RiskFactors = {
  natureAndExtent: { categories: [], note: null },
  unauthorizedRecipient: { kind: 'unknown', note: null },
  acquiredOrViewed: { status: 'unknown', note: null },
  mitigation: { extent: 'none', note: null },
  conclusion: 'undetermined',
};

export type FactorName = 'natureAndExtent' | 'unauthorizedRecipient' | 'acquiredOrViewed' | 'mitigation';
export const factorNames: readonly FactorName[] = [
  'natureAndExtent',
  'unauthorizedRecipient',
  'acquiredOrViewed',
  'mitigation',
];

export type RiskInput = {
  natureAndExtent?: { categories?: string[] | undefined; note?: string | null | undefined } | undefined;
  unauthorizedRecipient?: { kind?: string | undefined; note?: string | null | undefined } | undefined;
  acquiredOrViewed?: { status?: string | undefined; note?: string | null | undefined } | undefined;
  mitigation?: { extent?: string | undefined; note?: string | null | undefined } | undefined;
  conclusion?: string | undefined;
};

function oneOf(pointer: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value))
    throw new AppError('VALIDATION_FAILED', `${pointer.slice(1)} must be one of ${allowed.join(', ')}.`, [
      { pointer, detail: allowed.join(', ') },
    ]);
}

/** Merges a change into the current factors, checking every code and note. */
export function mergeRisk(current: RiskFactors, input: RiskInput): RiskFactors {
  for (const c of input.natureAndExtent?.categories ?? []) oneOf('/natureAndExtent/categories', c, phiCategories);
  oneOf('/unauthorizedRecipient/kind', input.unauthorizedRecipient?.kind, recipientKinds);
  oneOf('/acquiredOrViewed/status', input.acquiredOrViewed?.status, acquisitionStatuses);
  oneOf('/mitigation/extent', input.mitigation?.extent, mitigationExtents);
  oneOf('/conclusion', input.conclusion, conclusions);
  for (const f of factorNames) {
    const note = input[f]?.note;
    if (typeof note === 'string' && (note.length < 1 || note.length > 4000))
      throw new AppError('VALIDATION_FAILED', `${f}.note must be 1..4000 characters.`, [
        { pointer: `/${f}/note`, detail: '1..4000 characters' },
      ]);
  }
  const note = (f: FactorName) => (input[f]?.note === undefined ? current[f].note : input[f]!.note!);
  return {
    natureAndExtent: {
      categories: input.natureAndExtent?.categories
        ? [...new Set(input.natureAndExtent.categories)].sort()
        : current.natureAndExtent.categories,
      note: note('natureAndExtent'),
    },
    unauthorizedRecipient: {
      kind: input.unauthorizedRecipient?.kind ?? current.unauthorizedRecipient.kind,
      note: note('unauthorizedRecipient'),
    },
    acquiredOrViewed: {
      status: input.acquiredOrViewed?.status ?? current.acquiredOrViewed.status,
      note: note('acquiredOrViewed'),
    },
    mitigation: { extent: input.mitigation?.extent ?? current.mitigation.extent, note: note('mitigation') },
    conclusion: input.conclusion ?? current.conclusion,
  };
}

/** The codes alone (stored plainly) and the notes alone (sealed as one JSON value, or null when there are none). */
export function splitRisk(r: RiskFactors): { codes: Record<string, unknown>; notes: string | null } {
  const notes = Object.fromEntries(factorNames.filter((f) => r[f].note !== null).map((f) => [f, r[f].note]));
  return {
    codes: {
      natureAndExtent: { categories: r.natureAndExtent.categories },
      unauthorizedRecipient: { kind: r.unauthorizedRecipient.kind },
      acquiredOrViewed: { status: r.acquiredOrViewed.status },
      mitigation: { extent: r.mitigation.extent },
      conclusion: r.conclusion,
    },
    notes: Object.keys(notes).length > 0 ? JSON.stringify(notes) : null,
  };
}

/** The factors from stored codes and (opened) notes; notes null when not disclosed. */
export function joinRisk(codes: Record<string, unknown>, notes: Record<string, string> | null): RiskFactors {
  const c = codes as Partial<Record<string, Record<string, unknown>>> & { conclusion?: string };
  const n = (f: FactorName) => notes?.[f] ?? null;
  return {
    natureAndExtent: {
      categories: (c['natureAndExtent']?.['categories'] as string[] | undefined) ?? [],
      note: n('natureAndExtent'),
    },
    unauthorizedRecipient: {
      kind: (c['unauthorizedRecipient']?.['kind'] as string | undefined) ?? 'unknown',
      note: n('unauthorizedRecipient'),
    },
    acquiredOrViewed: {
      status: (c['acquiredOrViewed']?.['status'] as string | undefined) ?? 'unknown',
      note: n('acquiredOrViewed'),
    },
    mitigation: { extent: (c['mitigation']?.['extent'] as string | undefined) ?? 'none', note: n('mitigation') },
    conclusion: typeof c.conclusion === 'string' ? c.conclusion : 'undetermined',
  };
}
