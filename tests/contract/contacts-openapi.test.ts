// The contact routes and openapi.yaml agree on shapes: every contact operation is called
// for real (masked and unmasked, merge patch, search, errors, an UNSEAL_FAILED problem),
// and each response is validated with ajv against the schema documented for its status
// and content type ($refs resolved, objects closed so undocumented fields fail), with its
// documented headers (Location, ETag); accepted request bodies and query strings must
// satisfy the documented schemas too. (The helpers are those of tickets-openapi.test.ts.)
// Route coverage (every served route documented, nothing phantom) is openapi-routes.test.ts.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LightMyRequestResponse } from 'fastify';
import { openapiPath } from '../../src/http/docs.routes.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client } from '../helpers/actors.js';

type Json = Record<string, any>;

const doc = parse(readFileSync(openapiPath, 'utf8')) as Json;
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

const operations = Object.entries(doc['paths'] as Record<string, Json>).flatMap(([path, item]) =>
  methods.filter((m) => item[m] !== undefined).map((m) => ({ method: m.toUpperCase(), path, op: item[m] as Json })));

function pointer(ref: string): unknown {
  return ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).reduce<any>((node, key) => {
    if (node === undefined || node === null || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
    return node[key];
  }, doc);
}

function resolve(node: unknown): any {
  if (Array.isArray(node)) return node.map(resolve);
  if (node === null || typeof node !== 'object') return node;
  const { $ref, ...rest } = node as Json;
  if (typeof $ref === 'string') {
    const target = resolve(pointer($ref));
    return Object.keys(rest).length === 0 ? target : { allOf: [target], ...resolve(rest) };
  }
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, resolve(v)]));
}

/** Responses are checked closed-world: every field the server sends must be documented. */
function closed(schema: any): any {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, closed(s)]));
    else if (k === 'items' || k === 'oneOf' || k === 'anyOf' || k === 'allOf') out[k] = closed(v);
    else out[k] = v;
  }
  if (out['properties'] && out['additionalProperties'] === undefined && out['allOf'] === undefined) out['additionalProperties'] = false;
  return out;
}

const formatsModule = 'ajv-formats';
const addFormats = await import(formatsModule).then((m: any) => m.default?.default ?? m.default ?? m, () => undefined);
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: typeof addFormats === 'function' });
if (typeof addFormats === 'function') addFormats(ajv);

function schemaErrors(schema: unknown, value: unknown): string | undefined {
  const validate = ajv.compile(schema as object);
  return validate(value) ? undefined : ajv.errorsText(validate.errors, { separator: '; ' });
}

function operationFor(method: string, url: string): { path: string; op: Json } {
  const path = url.split('?')[0]!;
  const candidates = operations.filter((o) => o.method === method);
  const match = candidates.find((o) => o.path === path) ?? candidates.find((o) => new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  if (!match) throw new Error(`${method} ${path} is not documented`);
  return match;
}

/** Query values as the server sees them: repeated parameters and `explode` arrays become arrays. */
function queryValue(values: string[], schema: Json): unknown {
  const scalar = (raw: string, s: Json): unknown => (s['type'] === 'integer' || s['type'] === 'number' ? Number(raw)
    : s['type'] === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw);
  return schema['type'] === 'array' ? values.map((v) => scalar(v, schema['items'] ?? {})) : scalar(values[0]!, schema);
}

function queryErrors(op: Json, url: string): string[] {
  const query = new URL(url, 'http://x').searchParams;
  const params = (resolve(op['parameters'] ?? []) as Json[]).filter((p) => p['in'] === 'query');
  return [...new Set(query.keys())].flatMap((name) => {
    const param = params.find((p) => p['name'] === name);
    if (!param) return [`?${name} is not documented`];
    const errors = schemaErrors(param['schema'], queryValue(query.getAll(name), param['schema']));
    return errors ? [`?${name}: ${errors}`] : [];
  });
}

const checked = new Set<string>();

function checkResponse(method: string, url: string, res: LightMyRequestResponse, body: unknown, schemaInvalid: boolean): void {
  const { path, op } = operationFor(method, url);
  const where = `${method} ${path} -> ${res.statusCode}`;
  const documented = op['responses']?.[String(res.statusCode)];
  expect(documented, `${where} is not a documented status: ${res.body}`).toBeDefined();
  const response = resolve(documented) as Json;
  const content = response['content'] as Record<string, Json> | undefined;
  if (!content) {
    expect(res.body, `${where}: documented without a body`).toBe('');
  } else {
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    expect(Object.keys(content), `${where}: content type`).toContain(mediaType);
    const errors = schemaErrors(closed(content[mediaType]!['schema']), res.json());
    expect(errors, `${where}: body does not match the documented schema: ${res.body}`).toBeUndefined();
  }
  for (const [name, header] of Object.entries((response['headers'] ?? {}) as Record<string, Json>)) {
    if (name.toLowerCase() === 'retry-after') continue;
    const value = res.headers[name.toLowerCase()];
    expect(value, `${where}: documented header ${name} is missing`).toBeDefined();
    expect(schemaErrors(header['schema'] ?? {}, value), `${where}: header ${name}`).toBeUndefined();
  }
  // The document accepts what the server accepted, and refuses what the server refused by schema.
  const content2 = resolve(op['requestBody'])?.content as Record<string, Json> | undefined;
  const requestSchema = content2?.['application/json']?.['schema'];
  const bodyErrors = body !== undefined && requestSchema ? schemaErrors(requestSchema, body) : undefined;
  const qErrors = queryErrors(op, url);
  if (res.statusCode < 300) {
    expect(bodyErrors, `${method} ${path}: accepted body rejected by the doc`).toBeUndefined();
    expect(qErrors, `${method} ${path}: accepted query rejected by the doc`).toEqual([]);
  }
  if (schemaInvalid) expect(bodyErrors !== undefined || qErrors.length > 0, `${method} ${path}: refused by the server, accepted by the doc`).toBe(true);
  checked.add(`${method} ${path} ${res.statusCode}`);
}

interface Call {
  as: Client;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect: number;
  code?: string;
  schemaInvalid?: boolean;
}

async function call(c: Call): Promise<LightMyRequestResponse> {
  const { as, method, url, body, headers } = c;
  const res = method === 'GET' ? await as.get(url, headers)
    : method === 'POST' ? await as.post(url, body, headers)
      : method === 'PUT' ? await as.put(url, body)
        : method === 'PATCH' ? await as.patch(url, body, headers)
          : await as.delete(url);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(c.expect);
  if (c.code) expect(res.json().code, `${method} ${url}`).toBe(c.code);
  checkResponse(method, url, res, method === 'GET' || method === 'DELETE' ? undefined : body, c.schemaInvalid ?? false);
  return res;
}

let t: TestApp;
let admin: Client;
let supervisor: Client;
let agent: Client;
let anon: Client;
let noAbilities: Client;

beforeAll(async () => {
  t = await startTestApp();
  const tenant = await seedTenant(t);
  const key = async (roles: string[], scopes: string[] = []) => client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, roles, scopes)).secret });
  admin = client(t.app, { apiKey: tenant.adminKey });
  anon = client(t.app);
  supervisor = await key(['supervisor']);
  agent = await key(['agent']);
  noAbilities = await key(['integration']);
});
afterAll(async () => t?.close());

describe('contact responses match their documented schemas', () => {
  it('create, read (masked and not), list, patch, search, delete, and the error answers', async () => {
    const body = {
      name: 'Ana Schema', email: 'ana.schema@example.org', phone: '+1 (555) 010-2233', dateOfBirth: '1980-02-29',
      address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' }, mrn: 'E-004127',
      healthPlanMemberId: 'HP123', externalIds: [{ system: 'fhir', value: 'Patient/77' }],
    };
    const created = await call({ as: agent, method: 'POST', url: '/v1/contacts', body, expect: 201 });
    const id = created.json().id as string;
    expect(created.headers['location']).toBe(`/v1/contacts/${id}`);
    expect(created.headers['etag']).toBe('"v1"');
    await call({ as: agent, method: 'POST', url: '/v1/contacts', body: { name: 'Min Imal' }, expect: 201 });
    await call({ as: agent, method: 'POST', url: '/v1/contacts', body: { ...body, colour: 'blue' }, expect: 400, code: 'VALIDATION_FAILED', schemaInvalid: true });
    await call({ as: agent, method: 'POST', url: '/v1/contacts', body: { ...body, email: 'not-an-email' }, expect: 400, code: 'VALIDATION_FAILED', schemaInvalid: true });
    await call({ as: agent, method: 'POST', url: '/v1/contacts', body: { ...body, dateOfBirth: '1981-02-29' }, expect: 400, code: 'VALIDATION_FAILED' });
    await call({ as: admin, method: 'POST', url: '/v1/contacts', body, expect: 403, code: 'FORBIDDEN' });
    await call({ as: anon, method: 'POST', url: '/v1/contacts', body, expect: 401, code: 'UNAUTHENTICATED' });

    const read = await call({ as: agent, method: 'GET', url: `/v1/contacts/${id}`, expect: 200 });
    expect(read.json()).toMatchObject({ ...body, masked: false });
    const masked = await call({ as: admin, method: 'GET', url: `/v1/contacts/${id}`, expect: 200 });
    expect(masked.json()).toMatchObject({ masked: true, name: null, externalIds: null });
    await call({ as: agent, method: 'GET', url: `/v1/contacts/${randomUUID()}`, expect: 404, code: 'NOT_FOUND' });
    await call({ as: agent, method: 'GET', url: '/v1/contacts/not-a-uuid', expect: 400, code: 'VALIDATION_FAILED' });
    await call({ as: noAbilities, method: 'GET', url: `/v1/contacts/${id}`, expect: 403, code: 'FORBIDDEN' });

    const page = await call({ as: agent, method: 'GET', url: '/v1/contacts?limit=1', expect: 200 });
    await call({ as: admin, method: 'GET', url: `/v1/contacts?limit=1&cursor=${page.json().nextCursor}`, expect: 200 });
    await call({ as: agent, method: 'GET', url: '/v1/contacts?limit=0', expect: 400, code: 'VALIDATION_FAILED', schemaInvalid: true });

    const patch = { email: null, address: { line2: 'Apt 2', postalCode: null }, externalIds: [] };
    const patched = await call({ as: agent, method: 'PATCH', url: `/v1/contacts/${id}`, body: patch, headers: { 'content-type': 'application/merge-patch+json', 'if-match': '"v1"' }, expect: 200 });
    expect(patched.headers['etag']).toBe('"v2"');
    expect(patched.json()).toMatchObject({ email: null, externalIds: [], address: { line1: '1 Main St', line2: 'Apt 2' } });
    await call({ as: agent, method: 'PATCH', url: `/v1/contacts/${id}`, body: { mrn: 'X1' }, headers: { 'if-match': '"v1"' }, expect: 412, code: 'PRECONDITION_FAILED' });
    await call({ as: agent, method: 'PATCH', url: `/v1/contacts/${id}`, body: {}, expect: 400, code: 'VALIDATION_FAILED', schemaInvalid: true });
    await call({ as: agent, method: 'PATCH', url: `/v1/contacts/${id}`, body: { name: null }, expect: 400, code: 'VALIDATION_FAILED', schemaInvalid: true });
    await call({ as: agent, method: 'PATCH', url: `/v1/contacts/${randomUUID()}`, body: { mrn: 'X1' }, expect: 404, code: 'NOT_FOUND' });

    const found = await call({ as: agent, method: 'POST', url: '/v1/contacts/search', body: { mrn: 'e004127' }, expect: 200 });
    expect(found.json().items.map((c: Json) => c.id)).toEqual([id]);
    await call({ as: agent, method: 'POST', url: '/v1/contacts/search', body: { dateOfBirth: '1980-2-29', name: 'ANA  SCHEMA' }, expect: 200 });
    await call({ as: agent, method: 'POST', url: '/v1/contacts/search', body: { mrn: 'E-004127', phone: '5550102233' }, expect: 400, code: 'VALIDATION_FAILED' });
    await call({ as: agent, method: 'POST', url: '/v1/contacts/search', body: { ssn: '123' }, expect: 400, code: 'VALIDATION_FAILED', schemaInvalid: true });
    await call({ as: admin, method: 'POST', url: '/v1/contacts/search', body: { mrn: 'E-004127' }, expect: 403, code: 'FORBIDDEN' });

    // a damaged value: the documented 500 problem
    const { id: broken } = (await agent.post('/v1/contacts', { name: 'Broken Value' })).json();
    await sql`update contacts set name = set_byte(name, 40, get_byte(name, 40) # 1) where id = ${broken}`.execute(t.database.db);
    await call({ as: agent, method: 'GET', url: `/v1/contacts/${broken}`, expect: 500, code: 'UNSEAL_FAILED' });

    await call({ as: agent, method: 'DELETE', url: `/v1/contacts/${id}`, expect: 403, code: 'FORBIDDEN' });
    await call({ as: supervisor, method: 'DELETE', url: `/v1/contacts/${id}`, expect: 204 });
    await call({ as: supervisor, method: 'DELETE', url: `/v1/contacts/${id}`, expect: 404, code: 'NOT_FOUND' });
  });

  it('checked the success response of every documented contact operation', () => {
    const contactOps = operations.filter((o) => o.path === '/v1/contacts' || o.path.startsWith('/v1/contacts/'));
    expect(contactOps.length).toBe(6);
    const unchecked = contactOps
      .filter(({ method, path, op }) => !Object.keys(op['responses']).some((s) => /^2\d\d$/.test(s) && checked.has(`${method} ${path} ${s}`)))
      .map(({ method, path }) => `${method} ${path}`);
    expect(unchecked, 'contact operations whose success response was never validated').toEqual([]);
  });
});
