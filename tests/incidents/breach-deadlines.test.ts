// Deadline computation under a controlled clock: the discovery date is the only time input.
import { describe, expect, it } from 'vitest';
import { breachDeadlines } from '../../src/incidents/breach-deadlines.js';

const discoveredAt = new Date('2026-03-10T00:00:00.000Z');
const byKind = (ds: ReturnType<typeof breachDeadlines>) => Object.fromEntries(ds.map((d) => [d.kind, d]));

describe('breachDeadlines (164.404-410)', () => {
  it('under 500 affected: individuals in 60 days, HHS in the yearly log due 60 days after year end', () => {
    const d = byKind(
      breachDeadlines({ discoveredAt, affectedCount: 499, residentsByState: { CA: 499 }, businessAssociate: false }),
    );
    expect(Object.keys(d).sort()).toEqual(['hhs_annual_log', 'individuals']);
    expect(d.individuals!.dueBy.toISOString()).toBe('2026-05-09T00:00:00.000Z');
    expect(d.hhs_annual_log!.dueBy.toISOString()).toBe('2027-03-02T00:00:00.000Z');
  });

  it('500 or more affected: HHS at once (within 60 days), no yearly-log entry', () => {
    const d = byKind(
      breachDeadlines({ discoveredAt, affectedCount: 500, residentsByState: { CA: 500 }, businessAssociate: false }),
    );
    expect(Object.keys(d).sort()).toEqual(['hhs_immediate', 'individuals']);
    expect(d.hhs_immediate!.dueBy.toISOString()).toBe('2026-05-09T00:00:00.000Z');
  });

  it('media notice only for states with MORE than 500 residents affected', () => {
    const d = byKind(
      breachDeadlines({
        discoveredAt,
        affectedCount: 1200,
        residentsByState: { CA: 501, NY: 500, TX: 199 },
        businessAssociate: false,
      }),
    );
    expect(d.media!.states).toEqual(['CA']);
    expect(d.media!.dueBy.toISOString()).toBe('2026-05-09T00:00:00.000Z');
  });

  it('a business associate owes the covered entity notice within 60 days of discovery', () => {
    const d = byKind(
      breachDeadlines({ discoveredAt, affectedCount: 3, residentsByState: {}, businessAssociate: true }),
    );
    expect(d.covered_entity!.dueBy.toISOString()).toBe('2026-05-09T00:00:00.000Z');
  });

  it('a breach discovered late in December reports its yearly log within 60 days of 1 January', () => {
    const d = byKind(
      breachDeadlines({
        discoveredAt: new Date('2026-12-31T23:00:00Z'),
        affectedCount: 1,
        residentsByState: {},
        businessAssociate: false,
      }),
    );
    expect(d.hhs_annual_log!.dueBy.toISOString()).toBe('2027-03-02T00:00:00.000Z');
  });

  it('rejects nonsense inputs', () => {
    expect(() =>
      breachDeadlines({
        discoveredAt: new Date('x'),
        affectedCount: 1,
        residentsByState: {},
        businessAssociate: false,
      }),
    ).toThrow(RangeError);
    expect(() =>
      breachDeadlines({ discoveredAt, affectedCount: -1, residentsByState: {}, businessAssociate: false }),
    ).toThrow(RangeError);
  });
});
