// Acceptance 4: every REST route and every GraphQL root field is reachable only through
// a declared policy; the public list is explicit and short; an undeclared route stops
// start-up. Checked structurally and by calling each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, isEnumType } from 'graphql';
import { toGlobalId } from '../../src/graphql/relay.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant } from '../helpers/actors.js';
import { loadSchemaSdl } from '../../src/graphql/schema.js';

const expectedPublic = [
  'GET /healthz',
  'GET /readyz',
  'GET /openapi.yaml',
  'GET /docs',
  'GET /docs/*',
  'GET /docs/static/*',
  'GET /docs/json',
  'GET /docs/yaml',
  'GET /docs/static/index.html',
  'GET /docs/static/swagger-initializer.js',
  'GET /graphql',
  'POST /graphql',
  'GET /graphiql',
  'GET /graphiql/*',
  'GET /graphiql/main.js',
  'GET /graphiql/sw.js',
  'GET /graphiql/config.js',
  'GET /.well-known/phidesk-audit-key',
];
const publicGraphqlFields: string[] = [];

let t: TestApp;
let noRolesKey: string;

beforeAll(async () => {
  t = await startTestApp();
  const tenant = await seedTenant(t);
  noRolesKey = (await mintKey(t.app, tenant.adminKey, ['integration'], [])).secret;
});
afterAll(async () => t?.close());

const sampleId = '7b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, sampleId);
const routes = () => t.app.routeIndex.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');

describe('REST gating', () => {
  it('every route is public by explicit declaration or has a declared policy', () => {
    for (const r of routes()) expect(r.public || r.policy !== undefined, `${r.method} ${r.url}`).toBe(true);
  });

  it('the public list is exactly the expected short list', () => {
    const pub = routes()
      .filter((r) => r.public)
      .map((r) => `${r.method} ${r.url}`);
    for (const p of pub) expect(expectedPublic, p).toContain(p);
    expect(pub.filter((p) => p.includes('/v1/'))).toEqual([]);
  });

  it('every non-public route answers 401 without credentials', async () => {
    const gated = routes().filter((r) => !r.public);
    expect(gated.length).toBeGreaterThan(20);
    for (const r of gated) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('every resource route answers 403 to an actor with no abilities', async () => {
    const gated = routes().filter((r) => !r.public && r.policy !== 'authenticated');
    for (const r of gated) {
      const res = await client(t.app, { apiKey: noRolesKey })[
        r.method === 'GET'
          ? 'get'
          : r.method === 'DELETE'
            ? 'delete'
            : r.method === 'PUT'
              ? 'put'
              : r.method === 'PATCH'
                ? 'patch'
                : 'post'
      ](concrete(r.url), {} as never);
      expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(403);
    }
  });

  it('a route without a declared policy stops start-up', async () => {
    await expect(
      startTestApp({
        beforeReady: (app) => {
          app.get('/v1/_undeclared', async () => ({ secret: true }));
        },
      }),
    ).rejects.toThrow(/routes without a declared policy: GET \/v1\/_undeclared/);
  });
});

describe('GraphQL gating', () => {
  const schema = buildSchema(loadSchemaSdl());
  const rootFields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
    Object.values(type.getFields()).map((f) => ({ type: type.name, field: f })),
  );

  it('every root field is reachable only through a declared policy', async () => {
    const anon = client(t.app);
    const none = client(t.app, { apiKey: noRolesKey });
    for (const { type, field } of rootFields) {
      const key = `${type}.${field.name}`;
      if (publicGraphqlFields.includes(key)) continue;
      // minimal selection and dummy arguments, so the call reaches the resolver's gate
      // node(id:) takes a global id: one of a ticket, so its refusal is ticket(id:)'s
      const args =
        key === 'Query.node'
          ? `(id: "${toGlobalId('Ticket', sampleId)}")`
          : field.args.length
            ? `(${field.args.map((a) => `${a.name}: ${dummy(String(a.type))}`).join(', ')})`
            : '';
      const selection = selectionFor(String(field.type));
      const op = `${type === 'Mutation' ? 'mutation' : 'query'} { ${field.name}${args}${selection} }`;
      const anonBody = await anon.gql(op);
      expect(anonBody.errors?.[0]?.extensions?.code, `${key}: ${JSON.stringify(anonBody)}`).toBe('UNAUTHENTICATED');
      if (key === 'Query.me') continue;
      const noneBody = await none.gql(op);
      expect(['FORBIDDEN', 'VALIDATION_FAILED'], `${key}: ${JSON.stringify(noneBody)}`).toContain(
        noneBody.errors?.[0]?.extensions?.code,
      );
    }
  });

  function selectionFor(typeName: string): string {
    const named = schema.getType(typeName.replace(/[[\]!]/g, ''));
    if (!named || !('getFields' in named)) return '';
    const fields = (named as { getFields(): Record<string, { type: unknown }> }).getFields();
    const scalar = Object.entries(fields).find(([, f]) => /^(ID|String|Boolean|Int|DateTime)!?$/.test(String(f.type)));
    if (scalar) return ` { ${scalar[0]} }`;
    const [name, f] = Object.entries(fields)[0]!;
    return ` { ${name}${selectionFor(String(f.type))} }`;
  }

  function dummy(type: string): string {
    const base = type.replace(/!/g, '');
    if (base.startsWith('[')) return `[${dummy(base.slice(1, -1))}]`;
    if (base === 'ID' || base === 'String') return `"${sampleId}"`;
    if (base === 'Int' || base === 'Float') return '1';
    if (base === 'Boolean') return 'true';
    if (base === 'DateTime') return '"2030-01-01T00:00:00Z"';
    if (base === 'JSON') return '{}';
    const input = schema.getType(base);
    if (isEnumType(input)) return input.getValues()[0]!.name;
    if (input && 'getFields' in input) {
      const required = Object.values(
        (input as { getFields(): Record<string, { name: string; type: unknown }> }).getFields(),
      ).filter((f) => String(f.type).endsWith('!'));
      return `{ ${required.map((f) => `${f.name}: ${dummy(String(f.type))}`).join(', ')} }`;
    }
    return 'null';
  }
});
