// Shared by the contract tests that call routes for real: openapi.yaml parsed once, $refs
// resolved, schemas closed (undocumented fields fail), and a checker that validates each
// response (status, content type, headers, body) and each accepted request against it.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LightMyRequestResponse } from 'fastify';
import { openapiPath } from '../../src/http/docs.routes.js';

export type Json = Record<string, any>;

export const doc = parse(readFileSync(openapiPath, 'utf8')) as Json;
export const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

export const operations = Object.entries(doc['paths'] as Record<string, Json>).flatMap(([path, item]) =>
  methods.filter((m) => item[m] !== undefined).map((m) => ({ method: m.toUpperCase(), path, op: item[m] as Json })));

export function pointer(ref: string): unknown {
  return ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).reduce<any>((node, key) => {
    if (node === undefined || node === null || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
    return node[key];
  }, doc);
}

export function resolve(node: unknown): any {
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
export function closed(schema: any): any {
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

export const formatsModule = 'ajv-formats';
export const addFormats = await import(formatsModule).then((m: any) => m.default?.default ?? m.default ?? m, () => undefined);
export const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: typeof addFormats === 'function' });
if (typeof addFormats === 'function') addFormats(ajv);

export function schemaErrors(schema: unknown, value: unknown): string | undefined {
  const validate = ajv.compile(schema as object);
  return validate(value) ? undefined : ajv.errorsText(validate.errors, { separator: '; ' });
}

export function operationFor(method: string, url: string): { path: string; op: Json } {
  const path = url.split('?')[0]!;
  const candidates = operations.filter((o) => o.method === method);
  const match = candidates.find((o) => o.path === path) ?? candidates.find((o) => new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  if (!match) throw new Error(`${method} ${path} is not documented`);
  return match;
}

/** Query values as the server sees them: repeated parameters and `explode` arrays become arrays. */
export function queryValue(values: string[], schema: Json): unknown {
  const scalar = (raw: string, s: Json): unknown => (s['type'] === 'integer' || s['type'] === 'number' ? Number(raw)
    : s['type'] === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw);
  return schema['type'] === 'array' ? values.map((v) => scalar(v, schema['items'] ?? {})) : scalar(values[0]!, schema);
}

export function queryErrors(op: Json, url: string): string[] {
  const query = new URL(url, 'http://x').searchParams;
  const params = (resolve(op['parameters'] ?? []) as Json[]).filter((p) => p['in'] === 'query');
  return [...new Set(query.keys())].flatMap((name) => {
    const param = params.find((p) => p['name'] === name);
    if (!param) return [`?${name} is not documented`];
    const errors = schemaErrors(param['schema'], queryValue(query.getAll(name), param['schema']));
    return errors ? [`?${name}: ${errors}`] : [];
  });
}

export const checked = new Set<string>();

export function checkResponse(method: string, url: string, res: LightMyRequestResponse, body: unknown, schemaInvalid: boolean): void {
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
