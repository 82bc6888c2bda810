// Shared set-up for the ticketing suites: a tenant with staff keys minted through the
// API, canary values for PHI, GraphQL selections that mirror the REST shapes, and a
// normaliser that makes two runs of one scenario comparable (ids and times replaced).
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';

export interface Desk extends SeededTenant {
  admin: Client;
  supervisor: Client;
  supervisorKeyId: string;
}

export async function desk(t: TestApp, opts: Parameters<typeof seedTenant>[1] = {}): Promise<Desk> {
  const tenant = await seedTenant(t, opts);
  const sup = await mintKey(t.app, tenant.adminKey, ['supervisor']);
  return {
    ...tenant,
    admin: client(t.app, { apiKey: tenant.adminKey }),
    supervisor: client(t.app, { apiKey: sup.secret }),
    supervisorKeyId: sup.id,
  };
}

/** A value no test data could contain by chance (upper case letters and digits only). */
export function canary(label: string): string {
  return `CANARY${label}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** Every scalar field of the REST ticket, as a GraphQL selection. */
export const TICKET_FIELDS = `id masked subject description status priority type channel requesterId assigneeId groupId tags customFields
  externalRefs { system value } version sla { firstResponseDueAt resolutionDueAt firstRespondedAt firstResponseBreached resolutionBreached }
  createdAt updatedAt solvedAt`;
export const COMMENT_FIELDS =
  'id ticketId authorId authorKind public body masked revision redacted createdAt updatedAt';
export const CONTACT_FIELDS =
  'id masked name email phone dateOfBirth address { line1 line2 city region postalCode country } mrn healthPlanMemberId externalIds { system value } version createdAt updatedAt';

export async function ok(
  res: Promise<{ statusCode: number; body: string; json: () => any }>,
  status = 200,
): Promise<any> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.body ? r.json() : undefined;
}

/** GraphQL data, failing the test on any error. */
export async function gqlOk(c: Client, query: string, variables?: Record<string, unknown>): Promise<any> {
  const body = await c.gql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** The error code of a GraphQL call that must fail. */
export async function gqlCode(
  c: Client,
  query: string,
  variables?: Record<string, unknown>,
): Promise<string | undefined> {
  const body = await c.gql(query, variables);
  expect(body.errors, JSON.stringify(body)).toBeDefined();
  return body.errors![0]!.extensions?.code;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Replaces ids by stable names (first seen -> id1, id2, ... unless named in `names`) and
 * ISO times by 'TIME', so the same scenario run twice compares equal. GraphQL's explicit
 * nulls and REST's omitted fields are not conflated: both sides must agree exactly.
 */
export class Normaliser {
  private readonly ids = new Map<string, string>();
  constructor(names: Record<string, string> = {}) {
    for (const [id, name] of Object.entries(names)) this.ids.set(id, name);
  }
  private readonly texts: Array<[string, string]> = [];
  name(id: string, name: string): void {
    this.ids.set(id, name);
  }
  /** Replaces `text` wherever it occurs inside a string (e.g. a canary, different in each run). */
  replace(text: string, name: string): void {
    this.texts.push([text, name]);
  }
  apply(value: unknown): unknown {
    if (typeof value === 'string') {
      if (isoTime.test(value)) return 'TIME';
      for (const [text, name] of this.texts) value = (value as string).split(text).join(name);
      if (typeof value !== 'string') return value;
      const known = this.ids.get(value);
      if (known) return known;
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
        const n = `id${this.ids.size + 1}`;
        this.ids.set(value, n);
        return n;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => this.apply(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.apply(v)]));
    return value;
  }
}

/** Audit events of a tenant not in `seen`, which is updated; for "what did this step record". */
export async function newAuditEvents(
  t: TestApp,
  tenantId: string,
  seen: Set<string>,
): Promise<Array<Record<string, any>>> {
  const events = (await auditEvents(t.database.db, tenantId)).filter((e) => !seen.has(e['id']));
  for (const e of events) seen.add(e['id']);
  return events.sort((a, b) => String(a['occurredAt']).localeCompare(String(b['occurredAt'])));
}

/** Asserts none of `values` occurs in `text` (also lower-cased, hex- and base64-encoded). */
export function expectNoCanary(text: string, values: readonly string[], where: string): void {
  const lower = text.toLowerCase();
  for (const v of values) {
    // plain and hex ignoring case; base64 (case-sensitive) at each offset mod 3 inside a longer string
    const insensitive = [v, Buffer.from(v).toString('hex')];
    const base64 = [0, 1, 2].map((pad) => {
      const encoded = Buffer.from('x'.repeat(pad) + v).toString('base64');
      return encoded.slice(pad === 0 ? 0 : 4, encoded.length - 4);
    });
    for (const f of insensitive)
      expect(lower.includes(f.toLowerCase()), `${where} contains ${v} (as ${f})`).toBe(false);
    for (const f of base64) expect(text.includes(f), `${where} contains ${v} (as base64 ${f})`).toBe(false);
  }
}
