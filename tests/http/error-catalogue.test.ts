// Issue 19: errors that say what to do. The catalogue in docs/errors.md lists exactly the codes
// the service can send, each at the anchor its problem `type` URI names; a schema violation
// lists every problem with where it is and the allowed values; REST and GraphQL say the same
// failure in the same shape.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, maxErrorDetails, problemTypeFor, type ErrorCode } from '../../src/errors.js';
import { graphqlOnlyCodes } from '../../src/graphql/errors.js';
import { statuses } from '../../src/tickets/ticket-rules.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client } from '../helpers/actors.js';

const catalogue = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

/** Each documented code: its heading, the anchor under it and the HTTP status it states. */
const documented = [...catalogue.matchAll(/^### ([A-Z_]+)\n+<a id="([a-z-]+)"><\/a>\*\*HTTP (\d{3})\*\*/gm)].map(
  (m) => ({ code: m[1]!, anchor: m[2]!, status: Number(m[3]) }),
);

describe('the error catalogue (docs/errors.md)', () => {
  it('documents every code the service sends, and no other', () => {
    const documentedCodes = documented.map((d) => d.code).sort();
    expect(documentedCodes).toEqual([...Object.keys(errorCodes), ...graphqlOnlyCodes].sort());
    // every "### CODE" heading is an entry (none was written in another form and skipped)
    expect(catalogue.match(/^### [A-Z_]+$/gm)).toHaveLength(documented.length);
  });

  it("states each code's HTTP status and puts it at the anchor its type URI names", () => {
    for (const { code, anchor, status } of documented) {
      if (code in errorCodes) {
        expect(status, code).toBe(errorCodes[code as ErrorCode]);
        expect(problemTypeFor(code as ErrorCode)).toBe(`https://phidesk.dev/problems/${anchor}`);
      } else expect(status, code).toBe(400);
      // a meaning and what to do, not only a heading
      const entry = catalogue.slice(catalogue.indexOf(`<a id="${anchor}">`)).split('\n### ')[0]!;
      expect(entry, code).toMatch(/\*\*Fix:\*\* \S/);
    }
  });
});

describe('errors that say what to do', () => {
  let t: TestApp;
  let supervisor: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await seedTenant(t);
    supervisor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
  });
  afterAll(async () => t?.close());

  it('GET /v1/tickets?status=bogus names the parameter and lists the allowed values', async () => {
    const res = await supervisor.get('/v1/tickets?status=bogus');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: 'https://phidesk.dev/problems/validation-failed',
      code: 'VALIDATION_FAILED',
      errors: [{ parameter: 'status', detail: 'must be one of the allowed values', allowed: [...statuses] }],
    });
    expect(res.body).not.toContain('bogus');
  });

  it('a body with three bad fields lists all three, each with its pointer, quoting none', async () => {
    const res = await supervisor.post('/v1/tickets', { subject: 5, priority: 'bogus', colour: 'Jane Doe' });
    expect(res.statusCode, res.body).toBe(400);
    const { errors } = res.json();
    expect(errors).toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/subject', detail: 'must be string' },
        {
          pointer: '/priority',
          detail: 'must be one of the allowed values',
          allowed: expect.arrayContaining(['low', 'urgent']),
        },
        { pointer: '/colour', detail: 'is not a known field; remove it' },
      ]),
    );
    expect(res.body).not.toMatch(/bogus|Jane Doe/);
  });

  it(`lists at most ${maxErrorDetails} problems and says how many there were`, async () => {
    const res = await supervisor.post('/v1/tickets', { subject: 'x', tags: Array.from({ length: 60 }, () => 5) });
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json();
    expect(problem.errors).toHaveLength(maxErrorDetails);
    expect(problem.detail).toMatch(/61 problems, the first 50 listed/);
  });
});

describe('one error shape over REST and GraphQL', () => {
  let t: TestApp;
  let supervisor: Client;
  let narrowKey: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await seedTenant(t);
    supervisor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
    narrowKey = client(t.app, {
      apiKey: (await mintKey(t.app, tenant.adminKey, ['integration'], ['contacts:read'])).secret,
    });
  });
  afterAll(async () => t?.close());

  const createTicket = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';

  /** The members a REST problem and a GraphQL error share, from each. */
  const fromRest = (body: Record<string, unknown>) => ({
    code: body['code'],
    status: body['status'],
    detail: body['detail'],
    errors: body['errors'],
    requestId: typeof body['requestId'],
  });
  const fromGraphql = (error: { message: string; extensions: Record<string, unknown> }) => ({
    code: error.extensions['code'],
    status: error.extensions['status'],
    detail: error.message,
    errors: error.extensions['errors'],
    requestId: typeof error.extensions['requestId'],
  });

  it.each([
    ['a blank subject', { subject: '   ' }, '/subject'],
    ['an unknown custom field', { subject: 'Referral', customFields: { nosuch: 'x' } }, '/customFields/nosuch'],
  ])('a ticket with %s: VALIDATION_FAILED with the same errors entries', async (_, input, pointer) => {
    const rest = await supervisor.post('/v1/tickets', input);
    expect(rest.statusCode, rest.body).toBe(400);
    const gql = await supervisor.post('/graphql', { query: createTicket, variables: { input } });
    const error = gql.json().errors?.[0];
    const shared = fromRest(rest.json());
    expect(fromGraphql(error), gql.body).toEqual(shared);
    expect(shared).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, requestId: 'string' });
    expect(shared.errors).toEqual([{ pointer, detail: expect.any(String) }]);
    // the old GraphQL name is gone
    expect(error.extensions).not.toHaveProperty('details');
  });

  it('GraphQL variables with bad fields: an entry for each, pointing into the variables, quoting none', async () => {
    const input = { status: 'Jane Doe', colour: 'crimson', tags: [5] };
    // the third time the document runs compiled (graphql-jit), whose messages differ: same answer
    const document = `${createTicket} # variables-${Date.now()}`;
    for (const attempt of [1, 2, 3]) {
      const res = await supervisor.post('/graphql', { query: document, variables: { input } });
      expect(res.statusCode, res.body).toBe(400);
      const errors = res.json().errors as Array<{ message: string; extensions: Record<string, unknown> }>;
      const entries = errors.flatMap((e) => e.extensions['errors'] as unknown[]);
      expect(entries, `attempt ${attempt}: ${res.body}`).toEqual(
        expect.arrayContaining([
          { pointer: '/variables/input/subject', detail: 'is required' },
          {
            pointer: '/variables/input/status',
            detail: expect.stringMatching(/^must be (a value of the )?TicketStatus/),
          },
          { pointer: '/variables/input/colour', detail: 'is not a known field; remove it' },
          // graphql-jit names the list, not the item
          { pointer: expect.stringMatching(/^\/variables\/input\/tags(\/0)?$/), detail: 'must be String' },
        ]),
      );
      for (const e of errors) expect(e.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
      expect(res.body).not.toMatch(/Jane Doe|crimson/);
    }
  });

  it('FORBIDDEN: the same code, status and words, naming the scope', async () => {
    const rest = await narrowKey.get('/v1/tickets');
    expect(rest.statusCode).toBe(403);
    const gql = await narrowKey.post('/graphql', { query: '{ tickets { nodes { id } } }' });
    const error = gql.json().errors?.[0];
    const shared = fromRest(rest.json());
    expect(fromGraphql(error), gql.body).toEqual(shared);
    expect(shared).toMatchObject({ code: 'FORBIDDEN', status: 403, errors: undefined, requestId: 'string' });
    expect(shared.detail).toMatch(/needs the tickets:read scope/);
  });

  it('GraphQL extensions carry the request id of the response', async () => {
    const gql = await narrowKey.post('/graphql', { query: '{ tickets { nodes { id } } }' });
    expect(gql.json().errors[0].extensions.requestId).toBe(gql.headers['x-request-id']);
  });
});
