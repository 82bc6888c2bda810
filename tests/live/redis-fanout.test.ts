// Acceptance 3 of the integration issue: two server instances over one database and one
// Redis (REDIS_URL). A ticket changed through instance A reaches a subscriber on instance
// B; a subscriber on B who may not see that ticket receives nothing (proven by order: the
// refused change is published before one they do receive); a key revoked through A ends
// its subscription on B (the revocation reaches B's authentication cache through
// LISTEN/NOTIFY, and B's re-check closes the socket with 4401).
//
// Redis: TEST_REDIS_URL, else redis://127.0.0.1:6379 when it answers. .ci/run sets
// TEST_REDIS_URL whenever that port answers, so in CI this file cannot skip itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAnswers, redisUrl } from '../helpers/redis.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey } from '../helpers/actors.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { desk, ok, type Desk } from '../tickets/helpers.js';
import { changeUntilReceived, listen, subscribe, type Subscriber } from './helpers.js';

const AUD = 'phidesk-api';
const redisUp = await redisAnswers();

let database: TestDatabase;
let a: TestApp;
let b: TestApp;
let idp: FakeIdp;
let d: Desk;
let urlB: string;
let inGroup: string;
let loose: string;
let agentToken: string;
const open: Subscriber[] = [];
let n = 0;
const touch = (ticketId: string) => () => ok(d.supervisor.patch(`/v1/tickets/${ticketId}`, { tags: [`t${++n}`] }));

describe.skipIf(!redisUp)('subscriptions across two instances through Redis', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      REDIS_URL: redisUrl,
      SUBSCRIPTION_RECHECK_MS: '200',
      ALLOW_HTTP_JWKS: 'true',
    };
    a = await startTestApp({ database, env, authCache: true });
    // one deployment: the same database and the same master key
    b = await startTestApp({ database, env, authCache: true, masterKey: a.masterKey });
    idp = await startFakeIdp();
    // d's clients call instance A
    d = await desk(a, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: AUD } });
    urlB = await listen(b);
    const groupId = (await ok(d.admin.post('/v1/groups', { name: 'Pharmacy' }), 201)).id;
    const now = Math.floor(Date.now() / 1000);
    agentToken = idp.sign({ aud: AUD, sub: 'agent-b', name: 'Agent', iat: now, exp: now + 3600, roles: ['agent'] });
    const agent = await ok(client(a.app, { bearer: agentToken }).get('/v1/me'));
    await ok(d.admin.put(`/v1/groups/${groupId}/members/${agent.id}`));
    inGroup = (await ok(d.supervisor.post('/v1/tickets', { subject: 'in group', groupId }), 201)).id;
    loose = (await ok(d.supervisor.post('/v1/tickets', { subject: 'loose' }), 201)).id;
  });

  afterAll(async () => {
    await Promise.all(open.map((s) => s.dispose()));
    await idp?.close();
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a ticket changed through A reaches a subscriber on B', async () => {
    const key = await mintKey(a.app, d.adminKey, ['supervisor']);
    const s = subscribe(urlB, { 'x-api-key': key.secret });
    open.push(s);
    const got = await changeUntilReceived(s, touch(inGroup), (e) => e.ticketId === inGroup);
    expect(got).toMatchObject({ type: 'ticket.updated', ticketId: inGroup, ticket: { id: inGroup } });
  });

  it('a subscriber on B who may not see a ticket receives nothing about it', async () => {
    const agent = subscribe(urlB, { authorization: `Bearer ${agentToken}` });
    open.push(agent);
    await changeUntilReceived(agent, touch(inGroup), (e) => e.ticketId === inGroup);
    const seen = agent.events.length;
    await touch(loose)();
    await touch(inGroup)();
    await agent.waitFor(() => agent.events.length > seen);
    expect(agent.events.map((e) => e.ticketId)).not.toContain(loose);
    expect(agent.errors).toEqual([]);
  });

  it('a key revoked through A ends its subscription on B', async () => {
    const key = await mintKey(a.app, d.adminKey, ['supervisor']);
    const s = subscribe(urlB, { 'x-api-key': key.secret });
    open.push(s);
    await changeUntilReceived(s, touch(inGroup), (e) => e.ticketId === inGroup);
    await ok(d.admin.delete(`/v1/api-keys/${key.id}`));
    expect(await s.waitClosed(5000)).toBe(4401);
  });
});
