// Test actors through the real front door: tenants via the bootstrap service, further
// credentials via the API itself, requests through app.inject with real headers.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTenant, type IssuerInput } from '../../src/tenants/tenants.service.js';
import type { TestApp } from './app.js';

export interface SeededTenant {
  tenantId: string;
  slug: string;
  adminKey: string;
}

let counter = 0;

export async function seedTenant(
  t: TestApp,
  opts: { slug?: string; issuer?: IssuerInput } = {},
): Promise<SeededTenant> {
  const slug = opts.slug ?? `t${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await createTenant(t.database.db, {
    slug,
    name: `Tenant ${slug}`,
    allowHttpJwks: true,
    allowPrivateUrls: true,
    issuer: opts.issuer,
  });
  return { tenantId: created.tenant.id, slug, adminKey: created.adminKey };
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  gql(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
}

export function client(app: FastifyInstance, auth: { apiKey?: string; bearer?: string } = {}): Client {
  const authHeaders: Record<string, string> = {};
  if (auth.apiKey) authHeaders['x-api-key'] = auth.apiKey;
  if (auth.bearer) authHeaders['authorization'] = `Bearer ${auth.bearer}`;
  const send = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: { ...authHeaders, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    get: (url, headers) => send('GET', url, undefined, headers),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    put: (url, body, headers) => send('PUT', url, body ?? {}, headers),
    patch: (url, body, headers) => send('PATCH', url, body, headers),
    delete: (url, headers) => send('DELETE', url, undefined, headers),
    gql: async (query, variables) => (await send('POST', '/graphql', { query, variables })).json(),
  };
}

/** Mints an API key with the given roles/scopes through POST /v1/api-keys as the tenant admin. */
export async function mintKey(
  app: FastifyInstance,
  adminKey: string,
  roles: string[],
  scopes: string[] = [],
): Promise<{ id: string; secret: string }> {
  const res = await client(app, { apiKey: adminKey }).post('/v1/api-keys', {
    name: `key ${roles.join('+')}`,
    roles,
    scopes,
  });
  if (res.statusCode !== 201) throw new Error(`mintKey failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { id: body.key.id, secret: body.secret };
}
