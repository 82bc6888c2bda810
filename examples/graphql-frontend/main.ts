// What a GraphQL frontend does against phidesk: listen for ticket changes over a websocket
// subscription (graphql-ws, the protocol Apollo and urql speak), create tickets through a
// mutation, and page through a list with Relay cursors (first/after, pageInfo).
// Run (a staff user's token from your IdP, or an API key with a staff role):
//   PHIDESK_URL=http://127.0.0.1:8080 PHIDESK_API_KEY=phk_... node --import tsx examples/graphql-frontend/main.ts
//   (or PHIDESK_TOKEN=<jwt> instead of PHIDESK_API_KEY)
// In a browser, drop `webSocketImpl`: graphql-ws uses the browser's WebSocket.
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const baseUrl = (process.env['PHIDESK_URL'] ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const apiKey = process.env['PHIDESK_API_KEY'];
const token = process.env['PHIDESK_TOKEN'];
if (!apiKey && !token) throw new Error('set PHIDESK_API_KEY or PHIDESK_TOKEN');
// The same credential header over HTTP and, as connectionParams, over the websocket.
const auth: Record<string, string> = apiKey ? { 'x-api-key': apiKey } : { authorization: `Bearer ${token}` };

interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

/** One query or mutation over HTTP. Fields can fail one by one: data and errors may both be present. */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GraphqlError[] };
  if (body.errors?.length) {
    const e = body.errors[0]!;
    throw new Error(`GraphQL ${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
  }
  return body.data as T;
}

const CREATE = `mutation ($input: CreateTicketInput!, $key: String) {
  createTicket(input: $input, idempotencyKey: $key) { id globalId status }
}`;
const PAGE = `query ($first: Int!, $after: String, $tag: String) {
  tickets(first: $first, after: $after, filter: { tag: $tag }) {
    edges { cursor node { id subject status priority } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const EVENTS = `subscription { ticketEvents { type ticketId occurredAt ticket { id status } } }`;

const tag = `demo-${randomUUID().slice(0, 8)}`; // this run's tickets only
const ws = createClient({
  url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
  webSocketImpl: WebSocket,
  connectionParams: auth,
  retryAttempts: 0, // a page would keep the default (reconnect); a script fails fast
});

const created = new Set<string>();
let firstEvent: (event: { type: string; ticketId: string }) => void = () => undefined;
const eventSeen = new Promise<{ type: string; ticketId: string }>((resolve) => (firstEvent = resolve));
const unsubscribe = ws.subscribe<{ ticketEvents: { type: string; ticketId: string } }>(
  { query: EVENTS },
  {
    next: ({ data, errors }) => {
      if (errors?.length) console.error(`subscription error: ${errors[0]!.message}`);
      const event = data?.ticketEvents;
      if (event && created.has(event.ticketId)) firstEvent(event);
    },
    error: (e) => console.error('subscription failed', e),
    complete: () => undefined,
  },
);

try {
  // The server registers a subscription a moment after it is sent. A page subscribes when
  // it loads; this script keeps creating tickets until the first event arrives (bounded).
  const timeout = Date.now() + 15_000;
  let event: { type: string; ticketId: string } | undefined;
  while (!event && Date.now() < timeout) {
    const { createTicket } = await graphql<{ createTicket: { id: string } }>(CREATE, {
      input: { subject: `Frontend ticket ${created.size + 1}`, tags: [tag] },
      key: randomUUID(), // safe to resend if the network drops the answer
    });
    created.add(createTicket.id);
    event = await Promise.race([eventSeen, new Promise<undefined>((r) => setTimeout(() => r(undefined), 300))]);
  }
  if (!event) throw new Error('no subscription event arrived');
  console.log(`subscription event: ${event.type}`);
  // a few more, so the list below spans several pages
  while (created.size < 5) {
    const { createTicket } = await graphql<{ createTicket: { id: string } }>(CREATE, {
      input: { subject: `Frontend ticket ${created.size + 1}`, tags: [tag] },
    });
    created.add(createTicket.id);
  }

  // Relay pagination: what Apollo's relayStylePagination or Relay's usePaginationFragment do.
  type Page = {
    tickets: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  };
  let after: string | null = null;
  let pages = 0;
  const listed: string[] = [];
  do {
    const { tickets }: Page = await graphql<Page>(PAGE, { first: 2, after, tag });
    pages++;
    listed.push(...tickets.edges.map((e) => e.node.id));
    after = tickets.pageInfo.hasNextPage ? tickets.pageInfo.endCursor : null;
  } while (after);
  console.log(`listed ${listed.length} tickets in ${pages} pages`);
  if (listed.length !== created.size || !listed.every((id) => created.has(id)))
    throw new Error('the pages did not list exactly the tickets created');
} finally {
  unsubscribe();
  await ws.dispose();
}
