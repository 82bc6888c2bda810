// GraphQL query limits (graphql-armor rules): too many aliases or too high a static cost
// is refused at validation, before any resolver (and so any data access) runs. Depth is
// limited too; our schema has no recursive types, so real queries stay well below it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { graphqlLimits } from '../../src/graphql/setup.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

async function gql(query: string) {
  const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
  return res.json() as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

describe('GraphQL query limits', () => {
  it('accepts a query within the limits', async () => {
    const aliases = Array.from({ length: graphqlLimits.maxAliases }, (_, i) => `h${i}: health { status }`).join(' ');
    const body = await gql(`{ ${aliases} }`);
    expect(body.errors).toBeUndefined();
  });

  it('refuses one alias too many', async () => {
    const aliases = Array.from({ length: graphqlLimits.maxAliases + 1 }, (_, i) => `h${i}: health { status }`).join(' ');
    const body = await gql(`{ ${aliases} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query whose static cost exceeds the limit', async () => {
    const body = await gql(`{ ${'health { status } '.repeat(2000)} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/cost/i);
  });
});
