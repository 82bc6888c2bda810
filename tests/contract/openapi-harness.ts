// The one harness of the contract tests that call routes for real: openapi.yaml parsed once,
// $refs resolved (cycles throw), response schemas closed so undocumented fields fail, and
// call(), which sends a request as a test actor and holds both the response (status, content
// type, headers, body) and the request (query, body) to the document.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { openapiPath } from '../../src/http/docs.routes.js';
import { client, mintKey, seedTenant, type Client } from '../helpers/actors.js';
import type { TestApp } from '../helpers/app.js';

export type Json = Record<string, any>;

export const doc = parse(readFileSync(openapiPath, 'utf8')) as Json;
// All the methods OpenAPI allows, so a documented HEAD or OPTIONS that is not served is caught too.
const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

export interface Operation {
  method: string;
  path: string;
  op: Json;
}

export const operations: readonly Operation[] = Object.entries(doc['paths'] as Record<string, Json>).flatMap(
  ([path, item]) =>
    methods.filter((m) => item[m] !== undefined).map((m) => ({ method: m.toUpperCase(), path, op: item[m] as Json })),
);

/** The operations at each prefix or below it (a prefix ends at a path segment). */
export function operationsUnder(prefixes: readonly string[]): Operation[] {
  return operations.filter((o) => prefixes.some((p) => o.path === p || o.path.startsWith(`${p}/`)));
}

// ---------------------------------------------------------------------------------------
// $ref resolution and schema validation

// openapi.yaml is one self-contained file, so a ref out of it is a mistake in the document.
function pointer(ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => {
      if (node === undefined || node === null || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
      return node[key];
    }, doc);
}

/** Inlines every local $ref (siblings of a $ref are kept through allOf); a cyclic $ref throws instead of recursing forever. */
export function resolve(node: unknown, seen: readonly string[] = []): any {
  if (Array.isArray(node)) return node.map((n) => resolve(n, seen));
  if (node === null || typeof node !== 'object') return node;
  const { $ref, ...rest } = node as Json;
  if (typeof $ref === 'string') {
    if (seen.includes($ref)) throw new Error(`cyclic $ref ${$ref}`);
    const target = resolve(pointer($ref), [...seen, $ref]);
    return Object.keys(rest).length === 0 ? target : { allOf: [target], ...resolve(rest, seen) };
  }
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, resolve(v, seen)]));
}

/** Responses are checked closed-world: every field the server sends must be documented, allOf members included. */
export function closed(schema: any): any {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, closed(s)]));
    else if (k === 'items' || k === 'oneOf' || k === 'anyOf' || k === 'allOf') out[k] = closed(v);
    else out[k] = v;
  }
  // an allOf's members are closed themselves; closing the whole too would refuse what they add
  if (out['properties'] && out['additionalProperties'] === undefined && out['allOf'] === undefined)
    out['additionalProperties'] = false;
  return out;
}

// Imported outright (a dependency of the app too), so formats can never go unchecked unnoticed.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

export function schemaErrors(schema: unknown, value: unknown): string | undefined {
  const validate = ajv.compile(schema as object);
  return validate(value) ? undefined : ajv.errorsText(validate.errors, { separator: '; ' });
}

// ---------------------------------------------------------------------------------------
// Response and request checks

export function operationFor(method: string, url: string): Operation {
  const path = url.split('?')[0]!;
  const candidates = operations.filter((o) => o.method === method);
  const match =
    candidates.find((o) => o.path === path) ??
    candidates.find((o) => new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  if (!match) throw new Error(`${method} ${path} is not documented`);
  return match;
}

/** `METHOD path status` of every response validated so far (per test file: vitest isolates modules per file). */
export const checked = new Set<string>();

const sometimesSent = new Set(['retry-after', 'idempotent-replayed']);

export function checkResponse(method: string, url: string, res: LightMyRequestResponse): void {
  const { path, op } = operationFor(method, url);
  const where = `${method} ${path} -> ${res.statusCode}`;
  const documented = op['responses']?.[String(res.statusCode)];
  expect(documented, `${where} is not a documented status: ${res.body}`).toBeDefined();
  const response = resolve(documented) as Json;
  const content = response['content'] as Record<string, Json> | undefined;
  if (!content) {
    expect(res.body, `${where}: documented without a body`).toBe('');
  } else {
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    // a file download is documented as */* (whatever was stored), everything else exactly
    const documentedType = mediaType in content ? mediaType : '*/*';
    expect(Object.keys(content), `${where}: content type`).toContain(documentedType);
    const body = /json$/.test(mediaType) ? res.json() : res.body;
    const errors = schemaErrors(closed(content[documentedType]!['schema']), body);
    expect(errors, `${where}: body does not match the documented schema: ${res.body}`).toBeUndefined();
  }
  for (const [name, header] of Object.entries((response['headers'] ?? {}) as Record<string, Json>)) {
    const value = res.headers[name.toLowerCase()];
    // sent only when the limiter knows the wait, and only on the replay of an idempotent create
    if (value === undefined && sometimesSent.has(name.toLowerCase())) continue;
    expect(value, `${where}: documented header ${name} is missing`).toBeDefined();
    // header values are text on the wire: an integer header is its digits
    const schema = resolve(header['schema'] ?? {}) as Json;
    const typed = schema['type'] === 'integer' && /^\d+$/.test(String(value)) ? Number(value) : value;
    expect(schemaErrors(schema, typed), `${where}: header ${name}`).toBeUndefined();
  }
  checked.add(`${method} ${path} ${res.statusCode}`);
}

// As the server's ajv coerces: numbers and booleans from their text, but "" stays a string.
function coerce(raw: string, schema: Json): unknown {
  if (schema['type'] === 'integer' || schema['type'] === 'number') return raw === '' ? raw : Number(raw);
  if (schema['type'] === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/** What the document says against each query parameter of the url (none: it accepts the query). */
export function queryErrors(op: Json, url: string): string[] {
  const query = new URL(url, 'http://x').searchParams;
  const params = (resolve(op['parameters'] ?? []) as Json[]).filter((p) => p['in'] === 'query');
  return [...new Set(query.keys())].flatMap((name) => {
    const param = params.find((p) => p['name'] === name);
    if (!param) return [`?${name} is not documented`];
    const schema = param['schema'] as Json;
    const raws = query.getAll(name);
    // an array parameter is one value made of its repeats; any other must hold at every repeat
    const values =
      schema['type'] === 'array'
        ? [raws.map((r) => coerce(r, schema['items'] ?? {}))]
        : raws.map((r) => coerce(r, schema));
    return values.flatMap((value) => {
      const errors = schemaErrors(schema, value);
      return errors ? [`?${name}: ${errors}`] : [];
    });
  });
}

/** The document accepts what the server accepted, and refuses what the server refused by schema. */
export function checkRequest(method: string, url: string, status: number, body: unknown, schemaInvalid: boolean): void {
  const { path, op } = operationFor(method, url);
  const requestSchema = resolve(op['requestBody'])?.content?.['application/json']?.schema;
  const bodyErrors = body !== undefined && requestSchema !== undefined ? schemaErrors(requestSchema, body) : undefined;
  const qErrors = queryErrors(op, url);
  if (status < 300) {
    expect(bodyErrors, `${method} ${path}: accepted body rejected by the doc`).toBeUndefined();
    expect(qErrors, `${method} ${path}: accepted query rejected by the doc`).toEqual([]);
  }
  if (schemaInvalid)
    expect(
      bodyErrors !== undefined || qErrors.length > 0,
      `${method} ${path}: refused by the server, accepted by the doc`,
    ).toBe(true);
}

/** Each operation of `ops` with no documented 2xx response validated yet, as `METHOD path`. */
export function uncheckedSuccesses(ops: readonly Operation[]): string[] {
  return ops
    .filter(
      ({ method, path, op }) =>
        !Object.keys(op['responses']).some((s) => /^2\d\d$/.test(s) && checked.has(`${method} ${path} ${s}`)),
    )
    .map(({ method, path }) => `${method} ${path}`);
}

/** The statuses of `statuses` that no validated response had. */
export function unvalidatedStatuses(statuses: readonly string[]): string[] {
  return statuses.filter((status) => ![...checked].some((k) => k.endsWith(` ${status}`)));
}

// ---------------------------------------------------------------------------------------
// Calls

/** A new tenant's admin and an anonymous caller, and `key` for callers with other roles and scopes (minted by the admin). */
export async function tenantActors(
  t: TestApp,
): Promise<{ admin: Client; anon: Client; key: (roles: string[], scopes?: string[]) => Promise<Client> }> {
  const tenant = await seedTenant(t);
  const key = async (roles: string[], scopes: string[] = []) =>
    client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, roles, scopes)).secret });
  return { admin: client(t.app, { apiKey: tenant.adminKey }), anon: client(t.app), key };
}

export interface Call {
  as: Client;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect: number;
  code?: string;
  /** the server refuses this by schema, so the document must refuse it too */
  schemaInvalid?: boolean;
}

function send({ as, method, url, body, headers }: Call): Promise<LightMyRequestResponse> {
  if (method === 'GET') return as.get(url, headers);
  if (method === 'POST') return as.post(url, body, headers);
  if (method === 'PATCH') return as.patch(url, body, headers);
  return method === 'PUT' ? as.put(url, body, headers) : as.delete(url, headers);
}

/** One request, held to the document both ways: what came back, and what was sent. */
export async function call(c: Call): Promise<LightMyRequestResponse> {
  const { method, url } = c;
  const res = await send(c);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(c.expect);
  if (c.code) expect(res.json().code, `${method} ${url}`).toBe(c.code);
  checkResponse(method, url, res);
  checkRequest(
    method,
    url,
    res.statusCode,
    method === 'GET' || method === 'DELETE' ? undefined : c.body,
    c.schemaInvalid ?? false,
  );
  return res;
}
