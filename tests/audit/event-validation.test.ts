import { describe, expect, it } from 'vitest';
import {
  AuditEventFormatError,
  assertAuditEventBody,
  findAuditEventProblem,
  parseAuditEvent,
} from '../../src/audit/capture/event-validation.js';
import { buildChain, eventBody } from './chain-fixture.js';

const [sample] = buildChain(1, 1);
const exported = (): Record<string, unknown> => JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;

describe('audit event validation', () => {
  it('accepts exported events, with optional fields absent or null', () => {
    for (const event of buildChain(2, 40)) expect(parseAuditEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    const withUndefined = { ...exported(), purposeOfUse: undefined };
    expect(findAuditEventProblem(withUndefined, true)).toBeNull();
    expect(findAuditEventProblem({ ...exported(), resource: { type: 'session', id: '' } }, true)).toBeNull();
  });

  it.each([
    [
      'an unknown field',
      (e: Record<string, unknown>) => {
        e.note = 'x';
      },
      'unknown field "note"',
    ],
    [
      'a __proto__ field',
      (e: Record<string, unknown>) => {
        Object.defineProperty(e, '__proto__', { value: {}, enumerable: true });
      },
      'unknown field "__proto__"',
    ],
    [
      'an unknown actor field',
      (e: Record<string, unknown>) => {
        (e.actor as Record<string, unknown>).role = 'admin';
      },
      'actor has an unknown field "role"',
    ],
    [
      'seq as a string',
      (e: Record<string, unknown>) => {
        e.seq = '1';
      },
      'seq must be',
    ],
    [
      'seq zero',
      (e: Record<string, unknown>) => {
        e.seq = 0;
      },
      'seq must be',
    ],
    [
      'seq beyond 2^53',
      (e: Record<string, unknown>) => {
        e.seq = 2 ** 53;
      },
      'seq must be',
    ],
    [
      'an uppercase uuid',
      (e: Record<string, unknown>) => {
        e.id = (e.id as string).toUpperCase();
      },
      'id must be a lowercase uuid',
    ],
    [
      'a timestamp without zone',
      (e: Record<string, unknown>) => {
        e.occurredAt = '2025-01-01T00:00:00';
      },
      'occurredAt',
    ],
    [
      'an unknown outcome',
      (e: Record<string, unknown>) => {
        e.outcome = 'maybe';
      },
      'outcome',
    ],
    [
      'an unknown actor kind',
      (e: Record<string, unknown>) => {
        (e.actor as Record<string, unknown>).kind = 'root';
      },
      'actor.kind',
    ],
    [
      'phiFields holding a non-string',
      (e: Record<string, unknown>) => {
        e.phiFields = [1];
      },
      'phiFields',
    ],
    [
      'an optional field as a number',
      (e: Record<string, unknown>) => {
        e.requestId = 5;
      },
      'requestId must be a string or null',
    ],
    [
      'a missing hash',
      (e: Record<string, unknown>) => {
        delete e.hash;
      },
      'hash must be',
    ],
    [
      'an uppercase prevHash',
      (e: Record<string, unknown>) => {
        e.prevHash = (e.prevHash as string).replace(/0/g, 'A');
      },
      'prevHash must be',
    ],
  ])('refuses %s', (_name, mutate, message) => {
    const event = exported();
    mutate(event);
    expect(() => parseAuditEvent(event, 7)).toThrow(AuditEventFormatError);
    expect(() => parseAuditEvent(event, 7)).toThrow(message);
    expect(() => parseAuditEvent(event, 7)).toThrow('line 7');
  });

  it('names the field, never the value', () => {
    const event = { ...exported(), requestId: { secret: 'Jane Doe 1970-01-01' } };
    expect(() => parseAuditEvent(event)).toThrow(/^malformed audit event: requestId must be a string or null$/);
  });

  it('checks a captured body before hashing and refuses chain fields on it', () => {
    expect(() => assertAuditEventBody(eventBody(1, 1))).not.toThrow();
    expect(() => assertAuditEventBody({ ...eventBody(1, 1), hash: 'x' })).toThrow('unknown field "hash"');
  });
});
