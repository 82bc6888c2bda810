// Every string input of the API, found from the contracts rather than listed by hand:
// each REST operation's path, query, header and body strings (openapi.yaml, through the
// contract harness) and each GraphQL root field's String/ID/scalar arguments and input
// fields (the served SDL). For each, a request that is valid apart from that one string,
// so that a hostile value reaches as deep as the server lets it.
import { randomUUID } from 'node:crypto';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { operations, resolve, type Json } from '../contract/openapi-harness.js';
import { loadSchemaSdl } from '../../src/graphql/schema.js';

/** Where a string goes: one request part and a path inside it. */
export interface RestTarget {
  method: string;
  path: string;
  where: 'path' | 'query' | 'header' | 'body';
  /** parameter name, or the property path in the body */
  at: string[];
  contentType?: string;
}

const future = () => new Date(Date.now() + 86_400_000).toISOString();
// Strings that satisfy the document's patterns (custom-field keys, times, phones, hashes, ETags).
const patternCandidates = ['abc', 'field_1', '09:00', '2000-01-01', '+1 555 0100', '0'.repeat(64), '"v1"', 'x'];

function merged(schema: Json): Json {
  if (!Array.isArray(schema['allOf'])) return schema;
  return (schema['allOf'] as Json[]).map(merged).reduce<Json>(
    (acc, s) => ({
      ...acc,
      ...s,
      properties: { ...(acc['properties'] ?? {}), ...(s['properties'] ?? {}) },
      required: [...(acc['required'] ?? []), ...(s['required'] ?? [])],
    }),
    { ...schema, allOf: undefined },
  );
}

const types = (schema: Json): string[] =>
  Array.isArray(schema['type']) ? schema['type'] : schema['type'] ? [schema['type']] : [];

function sampleString(schema: Json): string {
  if (Array.isArray(schema['enum'])) return String(schema['enum'].find((v: unknown) => typeof v === 'string') ?? 'x');
  switch (schema['format']) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return future();
    case 'date':
      return '2000-01-01';
    case 'email':
      return 'someone@example.com';
    case 'uri':
    case 'uri-reference':
      return 'https://example.com/x';
  }
  if (typeof schema['pattern'] === 'string') {
    const re = new RegExp(schema['pattern'] as string, 'u');
    return patternCandidates.find((c) => re.test(c)) ?? 'x';
  }
  return 'x'.repeat(Math.max(1, Number(schema['minLength'] ?? 1)));
}

/** A value valid for `schema` (as far as a generic sampler can tell), with `hostile` at `target`. */
export function sample(schema: Json, target: string[] | undefined, hostile: string): unknown {
  if (target?.length === 0) return hostile;
  const s = merged(schema);
  const branches = (s['anyOf'] ?? s['oneOf']) as Json[] | undefined;
  if (branches) {
    const branch =
      branches.find((b) =>
        target ? stringPaths(b).some((p) => p.join('/') === target.join('/')) : !types(b).includes('null'),
      ) ?? branches[0]!;
    return sample(branch, target, hostile);
  }
  const kinds = types(s);
  if (kinds.includes('object') || s['properties']) {
    const props = (s['properties'] ?? {}) as Record<string, Json>;
    const out: Record<string, unknown> = {};
    for (const name of (s['required'] ?? []) as string[])
      out[name] = sample(props[name] ?? {}, target?.[0] === name ? target.slice(1) : undefined, hostile);
    const [first, ...rest] = target ?? [];
    if (first !== undefined && !(first in out))
      out[first] = sample(props[first] ?? (s['additionalProperties'] as Json) ?? {}, rest, hostile);
    return out;
  }
  if (kinds.includes('array')) {
    const count = Math.max(Number(s['minItems'] ?? 0), target ? 1 : 0);
    return Array.from({ length: count }, (_, i) =>
      sample((s['items'] ?? {}) as Json, i === 0 ? target?.slice(1) : undefined, hostile),
    );
  }
  if (kinds.includes('string')) return sampleString(s);
  if (kinds.includes('integer') || kinds.includes('number')) return Number(s['minimum'] ?? 1);
  if (kinds.includes('boolean')) return false;
  return null;
}

/** Property paths of every string in values of `schema` (array items as "0", free-form maps as "k"). */
export function stringPaths(schema: Json, depth = 0): string[][] {
  if (depth > 8) return [];
  const s = merged(schema);
  const out: string[][] = [];
  for (const b of (s['anyOf'] ?? s['oneOf'] ?? []) as Json[]) out.push(...stringPaths(b, depth + 1));
  // a file's bytes (format: binary) may hold any byte, NUL included: not text to refuse
  if (types(s).includes('string') && s['format'] !== 'binary') out.push([]);
  for (const [name, child] of Object.entries((s['properties'] ?? {}) as Record<string, Json>))
    out.push(...stringPaths(child, depth + 1).map((p) => [name, ...p]));
  if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object')
    out.push(...stringPaths(s['additionalProperties'] as Json, depth + 1).map((p) => ['k', ...p]));
  if (s['items']) out.push(...stringPaths(s['items'] as Json, depth + 1).map((p) => ['0', ...p]));
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.join('/')) && seen.add(p.join('/')));
}

function parametersOf(op: Json): Json[] {
  return resolve(op['parameters'] ?? []) as Json[];
}

export function restTargets(): RestTarget[] {
  return operations.flatMap(({ method, path, op }) => {
    const targets: RestTarget[] = [];
    for (const p of parametersOf(op)) {
      if (stringPaths(p['schema'] ?? {}).length > 0) targets.push({ method, path, where: p['in'], at: [p['name']] });
    }
    const content = (resolve(op['requestBody'])?.['content'] ?? {}) as Record<string, Json>;
    for (const [contentType, media] of Object.entries(content)) {
      for (const at of stringPaths(media['schema'] ?? {}))
        targets.push({ method, path, where: 'body', at, contentType });
    }
    return targets;
  });
}

// Percent-encodes text for a URL; a lone surrogate goes as its WTF-8 bytes, as a client
// that does not check its text would send it (encodeURIComponent refuses it).
function urlEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    const lone = ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff;
    out += lone
      ? [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('')
      : encodeURIComponent(ch);
  }
  return out;
}

/** The request for one target: every other required input sampled, the target set to `hostile`. */
export function restRequest(
  target: RestTarget,
  hostile: string,
): { method: string; url: string; headers: Record<string, string>; payload?: string } {
  const op = operations.find((o) => o.method === target.method && o.path === target.path)!.op;
  const params = parametersOf(op);
  const value = (p: Json) =>
    target.where === p['in'] && target.at[0] === p['name']
      ? hostile
      : String(sample(p['schema'] ?? {}, undefined, hostile));
  const url = target.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    urlEncode(value(params.find((p) => p['in'] === 'path' && p['name'] === name) ?? {})),
  );
  const query = params
    .filter((p) => p['in'] === 'query' && (p['required'] || (target.where === 'query' && target.at[0] === p['name'])))
    .map((p) => `${p['name']}=${urlEncode(value(p))}`)
    .join('&');
  const headers: Record<string, string> = {};
  for (const p of params.filter((q) => q['in'] === 'header' && target.where === 'header' && target.at[0] === q['name']))
    headers[String(p['name']).toLowerCase()] = hostile;
  const request = { method: target.method, url: query ? `${url}?${query}` : url, headers };
  if (target.where !== 'body' && !resolve(op['requestBody'])?.['required']) return request;
  const content = (resolve(op['requestBody'])?.['content'] ?? {}) as Record<string, Json>;
  const contentType = target.contentType ?? Object.keys(content)[0]!;
  const body = sample(content[contentType]?.['schema'] ?? {}, target.where === 'body' ? target.at : undefined, hostile);
  return { ...request, headers: { ...headers, 'content-type': contentType }, payload: JSON.stringify(body) };
}

// ---------------------------------------------------------------------------------------
// GraphQL

export const graphqlSchema = buildSchema(loadSchemaSdl());

/** One string leaf of one root field's arguments: the argument and the input-field path in it. */
export interface GraphqlTarget {
  operation: 'query' | 'mutation';
  field: string;
  arg: string;
  at: string[];
}

// Every scalar a client types as text; Int, Float and Boolean cannot carry a string.
const textScalar = (name: string) => !['Int', 'Float', 'Boolean'].includes(name);

function inputPaths(type: GraphQLInputType, depth = 0): string[][] {
  const named = getNamedType(type);
  if (depth > 6) return [];
  if (isScalarType(named)) return textScalar(named.name) ? [[]] : [];
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).flatMap((f) => inputPaths(f.type, depth + 1).map((p) => [f.name, ...p]));
}

export function graphqlTargets(): GraphqlTarget[] {
  const roots = [
    ['query', graphqlSchema.getQueryType()],
    ['mutation', graphqlSchema.getMutationType()],
  ] as const;
  return roots.flatMap(([operation, type]) =>
    Object.values(type?.getFields() ?? {}).flatMap((field) =>
      field.args.flatMap((arg) =>
        inputPaths(arg.type).map((at) => ({ operation, field: field.name, arg: arg.name, at })),
      ),
    ),
  );
}

/** An enum value, printed bare in a literal. */
class EnumValue {
  constructor(readonly name: string) {}
}

function sampleInput(type: GraphQLInputType, target: string[] | undefined, hostile: string): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, target, hostile);
  if (isListType(type)) return [sampleInput(type.ofType, target, hostile)];
  if (target?.length === 0) return getNamedType(type).name === 'JSON' ? { k: hostile } : hostile;
  if (isEnumType(type)) return new EnumValue(type.getValues()[0]!.name);
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const onPath = target?.[0] === f.name;
      if (onPath || (isNonNullType(f.type) && f.defaultValue === undefined))
        out[f.name] = sampleInput(f.type, onPath ? target!.slice(1) : undefined, hostile);
    }
    return out;
  }
  switch (type.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return future();
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}

function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')}}`;
  // JSON string escapes are GraphQL string escapes too.
  return JSON.stringify(value);
}

const jsonValue = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v) => (v instanceof EnumValue ? v.name : v)));

/** The document (and variables) that sends `hostile` at the target, as a variable or as a literal. */
export function graphqlRequest(
  target: GraphqlTarget,
  hostile: string,
  mode: 'variables' | 'literal',
): { query: string; variables?: Record<string, unknown> } {
  const root = target.operation === 'query' ? graphqlSchema.getQueryType()! : graphqlSchema.getMutationType()!;
  const field = root.getFields()[target.field]!;
  const args = field.args.filter(
    (a: GraphQLArgument) => a.name === target.arg || (isNonNullType(a.type) && a.defaultValue === undefined),
  );
  const values = Object.fromEntries(
    args.map((a) => [a.name, sampleInput(a.type, a.name === target.arg ? target.at : undefined, hostile)]),
  );
  const selection =
    isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  if (mode === 'literal') {
    return {
      query: `${target.operation} { ${field.name}(${args.map((a) => `${a.name}: ${literal(values[a.name])}`).join(', ')})${selection} }`,
    };
  }
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  return {
    query: `${target.operation} Hostile(${definitions}) { ${field.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`,
    variables: jsonValue(values) as Record<string, unknown>,
  };
}
