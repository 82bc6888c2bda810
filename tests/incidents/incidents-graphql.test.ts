// Issue 17, GraphQL parity: the activity review and incidents through GraphQL give what
// REST gives for the same records, through the same services. A privacy officer lists a
// finding the detectors (runActivityReview) raised, opens an incident from it, reads its
// affected patients (equal to REST's list) and records risk factors (the note sealed);
// an agent is refused (FORBIDDEN, audited as denied); another tenant sees nothing.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { createAuditInbox } from '../../src/audit/index.js';
import { runActivityReview } from '../../src/activity-review/review-run.service.js';
import type { ServiceDeps } from '../../src/services/scope.js';
import { canary, desk, gqlOk, newAuditEvents, ok, type Desk } from '../tickets/helpers.js';

const FINDING = `globalId id kind actorId actorKind period windowStart windowEnd records baseline status
  dismissReason masked incidentId decidedBy decidedAt createdAt updatedAt`;
const RISK = `natureAndExtent { categories note } unauthorizedRecipient { kind note }
  acquiredOrViewed { status note } mitigation { extent note } conclusion`;
const INCIDENT = `id status discoveredAt sourceFindingId scope { actorId sessionId from to } affectedCount
  riskAssessment { ${RISK} } masked createdBy createdAt updatedAt`;
const PATIENT = 'contactId operations phiFields events firstAt lastAt';
const SETTINGS = `timeZone businessStart businessEnd businessDays offHoursMinRecords volumeMinRecords
  volumeFactor deniedBurstMin relationshipMatch { surname address } isDefault`;

// no business day at all: every moment is off hours; three patients' records make a finding
const closed = {
  timeZone: 'America/New_York',
  businessStart: '09:00',
  businessEnd: '17:00',
  businessDays: [],
  offHoursMinRecords: 3,
  volumeMinRecords: 100000,
  volumeFactor: 3,
  deniedBurstMin: 1000,
};

let t: TestApp;
let d: Desk;
let other: Desk;
let deps: ServiceDeps;
let officer: Client;
let agent: Client;
let otherOfficer: Client;
let snoopId: string;
let snoop: Client;
const contacts: string[] = [];
let incidentId: string;
let incidentGlobalId: string;

beforeAll(async () => {
  t = await startTestApp({ auditJobs: false });
  d = await desk(t);
  other = await desk(t);
  deps = { db: t.database.db, audit: createAuditInbox(t.database.db, { addressHashKey: randomBytes(32) }) };
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
  otherOfficer = client(t.app, { apiKey: (await mintKey(t.app, other.adminKey, ['privacy_officer'])).secret });
  const key = await mintKey(t.app, d.adminKey, ['supervisor']);
  snoopId = key.id;
  snoop = client(t.app, { apiKey: key.secret });
  for (let i = 0; i < 5; i++)
    contacts.push((await ok(d.supervisor.post('/v1/contacts', { name: canary(`PATIENT${i}`) }), 201)).id);
}, 60_000);
afterAll(async () => t?.close());

describe('activity review and incidents through GraphQL', () => {
  it('settings set through GraphQL are what REST reads', async () => {
    const set = await gqlOk(
      officer,
      `mutation($input: ReviewSettingsInput!) { setReviewSettings(input: $input) { ${SETTINGS} } }`,
      { input: closed },
    );
    expect(set.setReviewSettings).toEqual({
      ...closed,
      relationshipMatch: { surname: false, address: false },
      isDefault: false,
    });
    expect(await ok(officer.get('/v1/activity-review/settings'))).toEqual(set.setReviewSettings);
    const bad = await officer.gql(
      `mutation($input: ReviewSettingsInput!) { setReviewSettings(input: $input) { isDefault } }`,
      { input: { ...closed, timeZone: 'Mars/Olympus' } },
    );
    expect(bad).toMatchObject({
      data: { setReviewSettings: null },
      errors: [{ extensions: { code: 'VALIDATION_FAILED' } }],
    });
    // REST's bounds hold here too (the service checks them for both)
    const zero = await officer.gql(
      `mutation($input: ReviewSettingsInput!) { setReviewSettings(input: $input) { isDefault } }`,
      { input: { ...closed, offHoursMinRecords: 0 } },
    );
    expect(zero.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await officer.put('/v1/activity-review/settings', { ...closed, offHoursMinRecords: 0 })).toMatchObject({
      statusCode: 400,
    });
  });

  it('a privacy officer lists a finding, opens an incident, reads its patients and records risk factors', async () => {
    for (const id of contacts) await ok(snoop.get(`/v1/contacts/${id}`));
    expect(await runActivityReview(deps)).toBeGreaterThanOrEqual(1);

    const queue = await gqlOk(
      officer,
      `{ reviewFindings(kind: off_hours, status: open) { edges { cursor node { ${FINDING} } } pageInfo { hasNextPage } } }`,
    );
    const finding = queue.reviewFindings.edges.find(
      (e: { node: { actorId: string } }) => e.node.actorId === snoopId,
    )?.node;
    expect(finding, JSON.stringify(queue)).toMatchObject({ kind: 'off_hours', records: 5, status: 'open' });
    const { globalId, ...restShape } = finding;
    expect(await ok(officer.get(`/v1/review-findings/${finding.id}`))).toEqual(restShape);
    const byNode = await gqlOk(officer, `query($id: ID!) { node(id: $id) { ... on ReviewFinding { id } } }`, {
      id: globalId,
    });
    expect(byNode.node).toEqual({ id: finding.id });

    const opened = await gqlOk(
      officer,
      `mutation($id: ID!) { openIncidentFromFinding(id: $id) { globalId ${INCIDENT} } }`,
      { id: finding.id },
    );
    const incident = opened.openIncidentFromFinding;
    incidentId = incident.id;
    incidentGlobalId = incident.globalId;
    expect(incident).toMatchObject({
      status: 'open',
      sourceFindingId: finding.id,
      scope: { actorId: snoopId, from: finding.windowStart, to: finding.windowEnd },
      affectedCount: 5,
      riskAssessment: { conclusion: 'undetermined' },
    });
    const again = await officer.gql(`mutation($id: ID!) { openIncidentFromFinding(id: $id) { id } }`, {
      id: finding.id,
    });
    expect(again).toMatchObject({
      data: { openIncidentFromFinding: null },
      errors: [{ extensions: { code: 'CONFLICT' } }],
    });

    // affected patients, two at a time through the connection, equal REST's whole list
    const listed: unknown[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const data: any = await gqlOk(
        officer,
        `query($id: ID!, $after: String) { incidentAffectedPatients(id: $id, first: 2, after: $after) {
           edges { cursor node { ${PATIENT} } } pageInfo { hasNextPage endCursor } } }`,
        { id: incidentId, after },
      );
      const page = data.incidentAffectedPatients;
      listed.push(...page.edges.map((e: { node: unknown }) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const rest = await ok(officer.get(`/v1/incidents/${incidentId}/affected-patients?limit=100`));
    expect(listed).toHaveLength(5);
    expect(listed).toEqual(rest.items);
    expect(new Set(rest.items.map((p: { contactId: string }) => p.contactId))).toEqual(new Set(contacts));
    // an edge's cursor in the middle of a page resumes after that edge
    const firstPage = await gqlOk(
      officer,
      `query($id: ID!) { incidentAffectedPatients(id: $id, first: 3) { edges { cursor node { contactId } } } }`,
      { id: incidentId },
    );
    const mid = firstPage.incidentAffectedPatients.edges[0].cursor;
    const resumed = await gqlOk(
      officer,
      `query($id: ID!, $after: String) { incidentAffectedPatients(id: $id, first: 1, after: $after) { nodes { contactId } } }`,
      { id: incidentId, after: mid },
    );
    expect(resumed.incidentAffectedPatients.nodes).toEqual([
      { contactId: firstPage.incidentAffectedPatients.edges[1].node.contactId },
    ]);

    // the risk factors, with a note that is sealed at rest and never logged
    const note = canary('NOTE');
    const updated = await gqlOk(
      officer,
      `mutation($id: ID!, $input: UpdateIncidentInput!) { updateIncident(id: $id, input: $input) { ${INCIDENT} } }`,
      {
        id: incidentId,
        input: {
          natureAndExtent: { categories: ['names', 'identifiers'], note },
          unauthorizedRecipient: { kind: 'workforce' },
          acquiredOrViewed: { status: 'viewed' },
          conclusion: 'breach',
        },
      },
    );
    expect(updated.updateIncident.riskAssessment).toEqual({
      natureAndExtent: { categories: ['identifiers', 'names'], note },
      unauthorizedRecipient: { kind: 'workforce', note: null },
      acquiredOrViewed: { status: 'viewed', note: null },
      mitigation: { extent: 'none', note: null },
      conclusion: 'breach',
    });
    expect(await ok(officer.get(`/v1/incidents/${incidentId}`))).toEqual(updated.updateIncident);
    const read = await gqlOk(officer, `query($id: ID!) { incident(id: $id) { ${INCIDENT} } }`, { id: incidentId });
    expect(read.incident).toEqual(updated.updateIncident);
    const listedIncidents = await gqlOk(officer, `{ incidents { nodes { id } } }`);
    expect(listedIncidents.incidents.nodes).toEqual([{ id: incidentId }]);
    const { rows } = await sql<{ sealed: Buffer }>`
      select risk_notes_sealed as sealed from incidents where id = ${incidentId}`.execute(t.database.db);
    expect(rows[0]!.sealed.toString('latin1')).not.toContain(note);
    expect(t.logs.text).not.toContain(note);

    // REST's limits hold: a bad code or an empty change is VALIDATION_FAILED
    const empty = await officer.gql(`mutation($id: ID!) { updateIncident(id: $id, input: {}) { id } }`, {
      id: incidentId,
    });
    expect(empty.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const longNote = await officer.gql(
      `mutation($id: ID!, $note: String) { updateIncident(id: $id, input: { mitigation: { note: $note } }) { id } }`,
      { id: incidentId, note: 'x'.repeat(4001) },
    );
    expect(longNote.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    // the breach assessment is REST's, with its state map as a list
    const assessment = await gqlOk(
      officer,
      `query($id: ID!) { incidentBreachAssessment(id: $id) { incidentId discoveredAt affectedCount
         residentsByState { state count } stateUnknown businessAssociate deadlines { kind rule dueBy states }
         safeHarbour { applies sealedAtRest unsealedFields keysIntact shownInClear reasons } } }`,
      { id: incidentId },
    );
    const restAssessment = await ok(officer.get(`/v1/incidents/${incidentId}/breach-assessment`));
    const { residentsByState, ...sameShape } = assessment.incidentBreachAssessment;
    const { residentsByState: restStates, ...restSame } = restAssessment;
    expect(sameShape).toEqual(restSame);
    expect(
      Object.fromEntries(residentsByState.map((r: { state: string; count: number }) => [r.state, r.count])),
    ).toEqual(restStates);
    expect(sameShape).toMatchObject({ incidentId, affectedCount: 5 });
  }, 60_000);

  it('an agent is refused with FORBIDDEN, and each refusal is audited as denied', async () => {
    const seen = new Set<string>();
    await newAuditEvents(t, d.tenantId, seen);
    const read = await agent.gql(`query($id: ID!) { incident(id: $id) { id } }`, { id: incidentId });
    expect(read).toMatchObject({ data: { incident: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const change = await agent.gql(
      `mutation($id: ID!) { updateIncident(id: $id, input: { conclusion: low_probability }) { id } }`,
      { id: incidentId },
    );
    expect(change).toMatchObject({ data: { updateIncident: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const queue = await agent.gql(`{ reviewFindings { nodes { id } } }`);
    expect(queue).toMatchObject({ data: { reviewFindings: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const events = await newAuditEvents(t, d.tenantId, seen);
    expect(events.map((e) => [e['outcome'], e['resource'].type, e['resource'].id])).toEqual([
      ['denied', 'Incident', incidentId],
      ['denied', 'Incident', incidentId],
      ['denied', 'ReviewFinding', '*'],
    ]);
    // nothing changed
    const still = await ok(officer.get(`/v1/incidents/${incidentId}`));
    expect(still.riskAssessment.conclusion).toBe('breach');
  });

  it('another tenant cannot see the incident: null with NOT_FOUND, and an empty list', async () => {
    const byId = await otherOfficer.gql(`query($id: ID!) { incident(id: $id) { id affectedCount } }`, {
      id: incidentId,
    });
    expect(byId).toMatchObject({ data: { incident: null }, errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const byNode = await otherOfficer.gql(`query($id: ID!) { node(id: $id) { ... on Incident { id } } }`, {
      id: incidentGlobalId,
    });
    expect(byNode).toMatchObject({ data: { node: null }, errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const patients = await otherOfficer.gql(
      `query($id: ID!) { incidentAffectedPatients(id: $id) { nodes { contactId } } }`,
      { id: incidentId },
    );
    expect(patients).toMatchObject({
      data: { incidentAffectedPatients: null },
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
    const change = await otherOfficer.gql(
      `mutation($id: ID!) { updateIncident(id: $id, input: { status: closed }) { id } }`,
      { id: incidentId },
    );
    expect(change.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gqlOk(otherOfficer, `{ incidents { nodes { id } } }`)).incidents.nodes).toEqual([]);
    // and the owner's incident is untouched
    expect((await ok(officer.get(`/v1/incidents/${incidentId}`))).status).toBe('open');
  });
});
