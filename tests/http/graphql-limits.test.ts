// GraphQL query limits: too many tokens is refused while parsing; too many aliases or
// directives or too high a static cost (graphql-armor rules) at validation, before any
// resolver (and so any data access) runs; error lists are bounded. Depth is
// limited too; our schema has no recursive types, so real queries stay well below it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { graphqlLimits } from '../../src/graphql/setup.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function gql(query: string) {
  const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
  return res.json() as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

describe('GraphQL query limits', () => {
  it('accepts a query within the limits', async () => {
    const aliases = Array.from(
      { length: graphqlLimits.maxAliases },
      (_, i) => `h${i}: node(id: "x") { globalId }`,
    ).join(' ');
    const body = await gql(`{ ${aliases} }`);
    // validated and run: each field answers for itself (anonymous here), none is refused as a document
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.filter((e) => e.extensions?.code !== 'UNAUTHENTICATED')).toEqual([]);
  });

  it('refuses one alias too many', async () => {
    const aliases = Array.from(
      { length: graphqlLimits.maxAliases + 1 },
      (_, i) => `h${i}: node(id: "x") { globalId }`,
    ).join(' ');
    const body = await gql(`{ ${aliases} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses 5,000 repeated @include directives early, with one short error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `{ __typename ${'@include(if: true) '.repeat(5000)} }` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(500);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/tokens/),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 }),
      }),
    ]);
  });

  it('refuses more directives than the limit with one error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `{ __typename ${'@skip(if: false) '.repeat(graphqlLimits.maxDirectives * 20)} }` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Directives limit of 50 exceeded/) }),
    ]);
  });

  it('reports a bounded number of validation errors', async () => {
    // each repeat of a directive on one field is an error of its own
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `{ __typename ${'@skip(if: false) '.repeat(graphqlLimits.maxDirectives)} }` },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as Array<{ message: string }>;
    expect(errors).toHaveLength(graphqlLimits.maxErrors + 1);
    expect(errors.at(-1)?.message).toMatch(/more errors were not reported/);
    expect(res.body.length).toBeLessThan(4096);
  });

  it('accepts directives within the limit', async () => {
    const body = await gql(`{ __typename @include(if: true) @skip(if: false) }`);
    expect(body.errors).toBeUndefined();
  });

  it('refuses a query whose static cost exceeds the limit', async () => {
    const body = await gql(`{ ${'tenant { id } '.repeat(2000)} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/cost/i);
  });
});
