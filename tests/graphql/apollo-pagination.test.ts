// Issue 19, acceptance 3: Relay pagination works with a stock helper. A real Apollo Client
// (InMemoryCache with relayStylePagination on Query.tickets, an HttpLink to the server on
// 127.0.0.1) reads the first page, fetches more with the page's endCursor, and its cache
// holds both pages merged in list order with the last page's pageInfo.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { listen } from '../live/helpers.js';
import { desk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let supervisorKey: string;
let url: string;
const ticketIds: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  // desk() keeps only the client; mint a key we can hand to Apollo's fetch
  const res = await d.admin.post('/v1/api-keys', { name: 'apollo', roles: ['supervisor'], scopes: [] });
  supervisorKey = (await ok(Promise.resolve(res), 201)).secret;
  for (let i = 0; i < 5; i++)
    ticketIds.push((await ok(d.supervisor.post('/v1/tickets', { subject: `Page ${i}` }), 201)).id);
  url = (await listen(t)).replace(/^ws:/, 'http:');
});
afterAll(async () => t?.close());

const TICKETS = gql`
  query Tickets($first: Int!, $after: String) {
    tickets(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          subject
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface TicketsData {
  tickets: {
    edges: Array<{ cursor: string; node: { id: string; subject: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('Apollo Client relayStylePagination', () => {
  it('fetchMore merges two pages into the cached list, in order', async () => {
    const apollo = new ApolloClient({
      link: new HttpLink({ uri: url, headers: { 'x-api-key': supervisorKey } }),
      cache: new InMemoryCache({ typePolicies: { Query: { fields: { tickets: relayStylePagination() } } } }),
    });
    try {
      const first = await apollo.query<TicketsData>({ query: TICKETS, variables: { first: 3 } });
      expect(first.data?.tickets.edges.map((e) => e.node.id)).toEqual(ticketIds.slice(0, 3));
      expect(first.data?.tickets.pageInfo.hasNextPage).toBe(true);

      const observable = apollo.watchQuery<TicketsData>({ query: TICKETS, variables: { first: 3 } });
      const more = await observable.fetchMore({
        variables: { first: 3, after: first.data?.tickets.pageInfo.endCursor },
      });
      expect(more.data?.tickets.edges.map((e) => e.node.id)).toEqual(ticketIds.slice(3));

      // what the cache now holds for the list: both pages, merged by the helper
      const merged = apollo.readQuery<TicketsData>({ query: TICKETS, variables: { first: 3 } });
      expect(merged?.tickets.edges.map((e) => e.node.id)).toEqual(ticketIds);
      expect(merged?.tickets.edges.map((e) => e.node.subject)).toEqual(ticketIds.map((_, i) => `Page ${i}`));
      expect(merged?.tickets.pageInfo.hasNextPage).toBe(false);
    } finally {
      apollo.stop();
    }
  });
});
