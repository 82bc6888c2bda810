// Issue 16, acceptance 3: the deadlines of both kinds of request, with a controlled clock.
// An access request (164.524(b)(2)) is due 30 days after it is opened, due soon in its last
// 7 days, overdue after; one extension adds 30 days. An accounting request (164.528(c)) is
// due after 60 days, one extension adds 30; its report covers the six years before the
// request; the first in any 12 months is free. The services take time from deps.clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import * as access from '../../src/patient-rights/access-requests.service.js';
import * as accounting from '../../src/patient-rights/accounting-requests.service.js';
import { recordDisclosure } from '../../src/patient-rights/disclosures.service.js';
import type { PatientRightsDeps } from '../../src/patient-rights/patient-rights.model.js';
import type { Actor } from '../../src/auth/actor.js';
import { canary, ok } from '../tickets/helpers.js';
import { officerActor, rightsDeps, rightsDesk, type RightsDesk } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2027-03-01T12:00:00.000Z');
let now = T0;
const at = (days: number) => {
  now = new Date(T0.getTime() + days * DAY);
};

let t: TestApp;
let d: RightsDesk;
let deps: PatientRightsDeps;
let officer: Actor;
let contactId: string;

beforeAll(async () => {
  t = await startTestApp();
  d = await rightsDesk(t);
  deps = rightsDeps(t, () => now);
  officer = officerActor(d.tenantId);
  contactId = (await ok(d.supervisor.post('/v1/contacts', { name: canary('CLOCK') }), 201)).id;
}, 60_000);
afterAll(async () => t?.close());

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((x) => x.id);

describe('access request clock', () => {
  it('is due in 30 days, due soon in the last 7, extended once by 30, then overdue', async () => {
    at(0);
    const opened = await access.openAccessRequest(deps, officer, { contactId, verificationMethod: 'government_id' });
    expect(opened.dueAt.getTime()).toBe(T0.getTime() + 30 * DAY);
    expect(opened.timing).toBe('on_time');

    at(22);
    expect((await access.getAccessRequest(deps, officer, opened.id)).timing).toBe('on_time');
    expect(ids(await access.listAccessRequests(deps, officer, { timing: 'due_soon' }))).toEqual([]);
    at(24);
    expect((await access.getAccessRequest(deps, officer, opened.id)).timing).toBe('due_soon');
    expect(ids(await access.listAccessRequests(deps, officer, { timing: 'due_soon' }))).toEqual([opened.id]);

    at(25);
    const extended = await access.extendAccessRequest(deps, officer, opened.id, { reason: 'Archive retrieval' });
    expect(extended.dueAt.getTime()).toBe(T0.getTime() + 60 * DAY);
    expect(extended.extendedAt?.getTime()).toBe(now.getTime());
    expect(extended.timing).toBe('on_time');
    await expect(access.extendAccessRequest(deps, officer, opened.id, { reason: 'again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    at(31); // past the first deadline, not the extended one
    expect(ids(await access.listAccessRequests(deps, officer, { timing: 'overdue' }))).toEqual([]);
    at(61);
    expect((await access.getAccessRequest(deps, officer, opened.id)).timing).toBe('overdue');
    expect(ids(await access.listAccessRequests(deps, officer, { timing: 'overdue' }))).toEqual([opened.id]);
    expect(ids(await access.listAccessRequests(deps, officer, { timing: 'due_soon' }))).toEqual([]);

    // closing it takes it off the overdue list
    const denied = await access.denyAccessRequest(deps, officer, opened.id, { ground: 'privacy_act' });
    expect(denied).toMatchObject({ status: 'denied', timing: 'closed' });
    expect(denied.denial).toMatchObject({ reviewable: false });
    expect(ids(await access.listAccessRequests(deps, officer, { timing: 'overdue' }))).toEqual([]);
  });
});

describe('accounting request clock', () => {
  it('is due in 60 days, extended once by 30, then overdue; the report covers six years back', async () => {
    at(100);
    const opened = await accounting.openAccountingRequest(deps, officer, { contactId });
    const start = now.getTime();
    expect(opened.dueAt.getTime()).toBe(start + 60 * DAY);
    expect(opened.chargeable).toBe(false);

    at(154);
    expect((await accounting.getAccountingRequest(deps, officer, opened.id)).timing).toBe('due_soon');
    at(155);
    const extended = await accounting.extendAccountingRequest(deps, officer, opened.id, { reason: 'Awaiting a BA' });
    expect(extended.dueAt.getTime()).toBe(start + 90 * DAY);
    expect(extended.timing).toBe('on_time');
    await expect(
      accounting.extendAccountingRequest(deps, officer, opened.id, { reason: 'again' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    at(161);
    expect(ids(await accounting.listAccountingRequests(deps, officer, { timing: 'overdue' }))).toEqual([]);
    at(191);
    expect((await accounting.getAccountingRequest(deps, officer, opened.id)).timing).toBe('overdue');
    expect(ids(await accounting.listAccountingRequests(deps, officer, { timing: 'overdue' }))).toEqual([opened.id]);

    // six years before the request: one disclosure just inside, one just outside
    const requested = opened.requestedAt;
    const yearsBack = (years: number, days: number) => {
      const x = new Date(requested);
      x.setUTCFullYear(x.getUTCFullYear() - years);
      return new Date(x.getTime() + days * DAY).toISOString();
    };
    const manual = {
      contactId,
      recipient: 'State registry',
      description: 'Registry report',
      purpose: 'required_by_law',
    };
    const inside = await recordDisclosure(deps, officer, { ...manual, disclosedAt: yearsBack(6, 1) });
    await recordDisclosure(deps, officer, { ...manual, disclosedAt: yearsBack(6, -1) });
    const report = await accounting.fulfilAccountingRequest(deps, officer, opened.id);
    expect(report.disclosures.map((x) => x.id)).toEqual([inside.id]);
    expect(report.periodEnd.getTime()).toBe(now.getTime());
    expect((await accounting.getAccountingRequest(deps, officer, opened.id)).timing).toBe('closed');
  });

  it('the first accounting in any 12 months is free, a later one within them chargeable', async () => {
    const patient = (await ok(d.supervisor.post('/v1/contacts', { name: canary('FEES') }), 201)).id;
    at(1000);
    expect((await accounting.openAccountingRequest(deps, officer, { contactId: patient })).chargeable).toBe(false);
    at(1200);
    expect((await accounting.openAccountingRequest(deps, officer, { contactId: patient })).chargeable).toBe(true);
    at(1566); // more than 365 days after both
    expect((await accounting.openAccountingRequest(deps, officer, { contactId: patient })).chargeable).toBe(false);
  });
});
