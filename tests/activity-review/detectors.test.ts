// The detectors' rules without a database: off hours by the tenant's business hours in its
// own time zone (weekends, DST), what counts as a patient's record (entity groups, a ticket's
// requester, single-record events), who is reviewed (people and keys, not system jobs), and
// thresholds against the actor's own baseline.
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/audit/index.js';
import { crossesThreshold, reviewedGrants, tallyBatch, userPatientPairs } from '../../src/activity-review/detectors.js';
import { addressKey, surnameKey } from '../../src/contacts/contacts.model.js';
import {
  assertSettings,
  defaultReviewSettings,
  isOffHours,
  type ReviewSettings,
} from '../../src/activity-review/review-settings.js';
import { patientTouches } from '../../src/incidents/patient-touches.js';

const ny: ReviewSettings = { ...defaultReviewSettings, timeZone: 'America/New_York' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function event(over: Partial<AuditEvent> & { at: string }): AuditEvent {
  const { at, ...rest } = over;
  return {
    tenantId: uuid(0),
    seq: 1,
    id: uuid(99),
    occurredAt: at,
    actor: { id: 'actor-a', kind: 'api_key', authMethod: 'api_key' },
    action: 'contact.read',
    resource: { type: 'Contact', id: uuid(1) },
    phiFields: ['contact.name'],
    subjectContactId: uuid(1),
    outcome: 'allowed',
    prevHash: '',
    hash: '',
    ...rest,
  };
}

describe('business hours', () => {
  it('reads the time in the tenant zone, weekends included, across daylight saving', () => {
    // Tuesday 2026-12-08 13:00 UTC is 08:00 in New York (EST, UTC-5): the first business minute
    expect(isOffHours(new Date('2026-12-08T13:00:00Z'), ny)).toBe(false);
    expect(isOffHours(new Date('2026-12-08T12:59:00Z'), ny)).toBe(true);
    // 18:00 local is the end (exclusive)
    expect(isOffHours(new Date('2026-12-08T22:59:00Z'), ny)).toBe(false);
    expect(isOffHours(new Date('2026-12-08T23:00:00Z'), ny)).toBe(true);
    // in July (EDT, UTC-4) 08:00 local is 12:00 UTC
    expect(isOffHours(new Date('2026-07-07T12:00:00Z'), ny)).toBe(false);
    expect(isOffHours(new Date('2026-07-07T11:59:00Z'), ny)).toBe(true);
    // Saturday noon is off hours with the default weekdays
    expect(isOffHours(new Date('2026-12-12T17:00:00Z'), ny)).toBe(true);
    expect(isOffHours(new Date('2026-12-12T17:00:00Z'), { ...ny, businessDays: [6] })).toBe(false);
  });

  it('refuses settings that make no sense', () => {
    expect(() => assertSettings({ ...ny, timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
    expect(() => assertSettings({ ...ny, businessStart: '18:00', businessEnd: '08:00' })).toThrow(/businessEnd/);
    expect(() => assertSettings({ ...ny, businessDays: [1, 1] })).toThrow(/businessDays/);
    expect(() => assertSettings({ ...ny, businessEnd: '24:00' })).not.toThrow();
  });
});

describe('what an event touched', () => {
  it('names every patient of a multi-record event, a ticket through its requester, none for records of no patient', () => {
    const e = event({
      at: '2026-12-08T03:00:00Z',
      action: 'ticket.read',
      subjectContactId: null,
      entities: [
        {
          action: 'ticket.read',
          type: 'Ticket',
          phiFields: ['ticket.subject'],
          ids: [uuid(10), uuid(11)],
          contactIds: [uuid(2), uuid(3)],
        },
        { action: 'user.read', type: 'User', phiFields: [], ids: [uuid(12)], contactIds: [null] },
      ],
    });
    expect(patientTouches(e)).toEqual([
      { contactId: uuid(2), action: 'ticket.read', phiFields: ['ticket.subject'] },
      { contactId: uuid(3), action: 'ticket.read', phiFields: ['ticket.subject'] },
    ]);
  });

  it('tallies patients per actor and period; system jobs and refusals do not count as access', () => {
    const night = '2026-12-08T03:00:00Z'; // 22:00 the evening before in New York
    const tallies = tallyBatch(
      [
        event({ at: night }),
        event({ at: night, subjectContactId: uuid(2) }),
        event({ at: night, actor: { id: 'seq', kind: 'system', authMethod: 'system' } }),
        event({ at: night, outcome: 'denied' }),
        event({ at: '2026-12-08T15:00:00Z' }), // 10:00 local: business hours
      ],
      ny,
    );
    const off = tallies.filter((t) => t.kind === 'off_hours');
    expect(off).toEqual([expect.objectContaining({ actorId: 'actor-a', periodKey: '2026-12-07', records: 2 })]);
    expect(tallies.filter((t) => t.kind === 'volume').map((t) => [t.periodKey, t.records])).toEqual([
      ['2026-12-08T03', 2],
      ['2026-12-08T15', 1],
    ]);
    expect(tallies.filter((t) => t.kind === 'denied_burst')).toEqual([expect.objectContaining({ records: 1 })]);
    expect(tallies.some((t) => t.actorId === 'seq')).toBe(false);
  });

  it('queues a break-glass grant from its open event and answers it with its review', () => {
    const grantId = uuid(77);
    const opened = event({
      at: '2026-12-08T15:00:00Z',
      action: 'break_glass.open',
      resource: { type: 'Ticket', id: uuid(5) },
      subjectContactId: null,
      phiFields: [],
      breakGlassReason: `break_glass_grants/${grantId}`,
    });
    expect(tallyBatch([opened], ny).filter((t) => t.kind === 'break_glass')).toEqual([
      expect.objectContaining({ actorId: 'actor-a', periodKey: grantId, records: 1 }),
    ]);
    expect(crossesThreshold('break_glass', 1, ny, null)).toBe(true);
    const review = event({
      at: '2026-12-08T16:00:00Z',
      action: 'break_glass.review',
      actor: { id: 'officer', kind: 'user', authMethod: 'jwt' },
      resource: { type: 'BreakGlass', id: grantId },
      subjectContactId: null,
    });
    expect(reviewedGrants([opened, review])).toEqual([
      { grantId, by: 'officer', at: new Date('2026-12-08T16:00:00Z') },
    ]);
  });

  it('judges volume against the actor’s own baseline', () => {
    const s = { ...ny, volumeMinRecords: 50, volumeFactor: 3 };
    expect(crossesThreshold('volume', 49, s, null)).toBe(false);
    expect(crossesThreshold('volume', 50, s, null)).toBe(true);
    expect(crossesThreshold('volume', 80, s, 30)).toBe(false); // a heavy user's normal hour
    expect(crossesThreshold('volume', 90, s, 30)).toBe(true);
    expect(crossesThreshold('off_hours', ny.offHoursMinRecords, ny, null)).toBe(true);
    expect(crossesThreshold('denied_burst', ny.deniedBurstMin - 1, ny, null)).toBe(false);
  });
});

describe('relationship match: the pairs a batch offers and the values compared', () => {
  it('pairs each signed-in user with each patient their allowed requests touched, once per pair', () => {
    const user = { id: uuid(50), kind: 'user', authMethod: 'jwt' } as AuditEvent['actor'];
    const pairs = userPatientPairs([
      event({ at: '2026-12-08T13:00:00Z', actor: user }),
      event({ at: '2026-12-08T14:00:00Z', actor: user }),
      event({
        at: '2026-12-08T15:00:00Z',
        actor: user,
        subjectContactId: uuid(2),
        resource: { type: 'Contact', id: uuid(2) },
      }),
      // refused, an API key, a system job: never compared
      event({ at: '2026-12-08T15:00:00Z', actor: user, outcome: 'denied', subjectContactId: uuid(3) }),
      event({ at: '2026-12-08T15:00:00Z', subjectContactId: uuid(4) }),
      event({
        at: '2026-12-08T15:00:00Z',
        actor: { id: 'job', kind: 'system', authMethod: 'system' },
        subjectContactId: uuid(5),
      }),
    ]);
    expect(pairs.map((p) => [p.actorId, p.periodKey, p.records]).sort()).toEqual([
      [uuid(50), uuid(1), 2],
      [uuid(50), uuid(2), 1],
    ]);
    expect(pairs.every((p) => p.kind === 'relationship_match')).toBe(true);
    expect(crossesThreshold('relationship_match', 1, defaultReviewSettings, null)).toBe(true);
  });

  it('compares the last word of a name and (line1, postal code) of an address, normalised', () => {
    expect(surnameKey('John  DOE')).toBe(surnameKey(' doe '));
    expect(surnameKey('Ann Smith')).not.toBe(surnameKey('John Doe'));
    expect(surnameKey('   ')).toBeNull();
    expect(addressKey({ line1: '1 Main  St', postalCode: 'AB1 2CD' })).toBe(
      addressKey({ line1: '1 main st', postalCode: 'ab12cd' }),
    );
    expect(addressKey({ line1: '1 Main St' })).toBeNull();
    expect(addressKey(null)).toBeNull();
  });
});
