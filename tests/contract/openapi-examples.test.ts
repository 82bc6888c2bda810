// Every operation of openapi.yaml shows what to send and what comes back: each request body
// and each response with content has an example (or named examples), and every JSON example
// is valid against its schema (with $refs resolved and objects closed, so an example cannot
// show a field the schema does not have); a problem example has its response's status. And
// the headers and statuses every operation shares are declared: 415 where a JSON body is
// taken, x-request-id on every response, the RateLimit headers on 429, idempotent-replayed
// where an Idempotency-Key is taken, the deprecation headers on deprecated operations.
// Operations are enumerated, so ones added later are held to the same rules. No database:
// the document only (tests/contract/unsupported-media-type.test.ts calls the server).
import { describe, expect, it } from 'vitest';
import { closed, doc, operations, resolve, schemaErrors, type Json } from './openapi-harness.js';

interface MediaCase {
  where: string;
  mediaType: string;
  media: Json;
}

function requestMedia(): MediaCase[] {
  return operations.flatMap(({ method, path, op }) => {
    const body = resolve(op['requestBody']) as Json | undefined;
    return Object.entries((body?.['content'] ?? {}) as Record<string, Json>).map(([mediaType, media]) => ({
      where: `${method} ${path} request ${mediaType}`,
      mediaType,
      media,
    }));
  });
}

function responseMedia(): MediaCase[] {
  return operations.flatMap(({ method, path, op }) =>
    Object.entries(op['responses'] as Record<string, Json>).flatMap(([status, response]) =>
      Object.entries(((resolve(response) as Json)['content'] ?? {}) as Record<string, Json>).map(
        ([mediaType, media]) => ({ where: `${method} ${path} -> ${status} ${mediaType}`, mediaType, media }),
      ),
    ),
  );
}

/** The example values of a media type (resolved), named for messages. */
function examplesOf(media: Json): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  if ('example' in media) out.push(['example', media['example']]);
  for (const [name, ex] of Object.entries((media['examples'] ?? {}) as Record<string, Json>)) {
    const resolved = resolve(ex) as Json;
    out.push([`examples.${name}`, 'value' in resolved ? resolved['value'] : resolved['externalValue']]);
  }
  return out;
}

const isJson = (mediaType: string) => /json$/.test(mediaType);

describe('openapi.yaml examples', () => {
  it('enumerates the operations', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('gives every request body an example', () => {
    const missing = requestMedia()
      .filter((m) => examplesOf(m.media).length === 0)
      .map((m) => m.where);
    expect(missing, 'request bodies without an example').toEqual([]);
  });

  it('gives every response with content an example', () => {
    const missing = responseMedia()
      .filter((m) => examplesOf(m.media).length === 0)
      .map((m) => m.where);
    expect(missing, 'responses without an example').toEqual([]);
  });

  it('holds every JSON example to its schema (closed: no undocumented fields)', () => {
    const invalid = [...requestMedia(), ...responseMedia()]
      .filter((m) => isJson(m.mediaType) && m.media['schema'] !== undefined)
      .flatMap((m) =>
        examplesOf(m.media).flatMap(([name, value]) => {
          const errors = schemaErrors(closed(resolve(m.media['schema'])), value);
          return errors ? [`${m.where} ${name}: ${errors}`] : [];
        }),
      );
    expect(invalid, 'examples that do not match their schema').toEqual([]);
  });

  it('gives each problem example the status of the response it illustrates', () => {
    const wrong = operations.flatMap(({ method, path, op }) =>
      Object.entries(op['responses'] as Record<string, Json>).flatMap(([status, response]) => {
        const media = ((resolve(response) as Json)['content'] ?? {})['application/problem+json'] as Json | undefined;
        return media
          ? examplesOf(media)
              .filter(([, value]) => String((value as Json)['status']) !== status)
              .map(([name]) => `${method} ${path} -> ${status} ${name}`)
          : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('refers to every example kept in components (none left unused)', () => {
    const used = new Set(
      JSON.stringify(doc)
        .match(/#\/components\/examples\/[A-Za-z0-9_.-]+/g)
        ?.map((r) => r.split('/').pop()) ?? [],
    );
    const unused = Object.keys((doc['components']?.['examples'] ?? {}) as Json).filter((n) => !used.has(n));
    expect(unused, 'components/examples nobody refers to').toEqual([]);
  });

  it('declares 415 wherever a JSON body is accepted', () => {
    const missing = operations
      .filter(({ op }) => Object.keys(resolve(op['requestBody'])?.['content'] ?? {}).some(isJson))
      .filter(({ op }) => op['responses']['415'] === undefined)
      .map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
  });

  it('declares idempotent-replayed on the success responses of operations taking an Idempotency-Key', () => {
    const missing = operations
      .filter(({ op }) =>
        (resolve(op['parameters'] ?? []) as Json[]).some(
          (p) => p['in'] === 'header' && p['name'] === 'Idempotency-Key',
        ),
      )
      .flatMap(({ method, path, op }) =>
        Object.entries(op['responses'] as Record<string, Json>)
          .filter(([status]) => /^2\d\d$/.test(status))
          .filter(([, r]) => !Object.keys((resolve(r) as Json)['headers'] ?? {}).includes('idempotent-replayed'))
          .map(([status]) => `${method} ${path} -> ${status}`),
      );
    expect(missing).toEqual([]);
  });

  it('declares x-request-id on every response, and the RateLimit headers on 429', () => {
    const missing = operations.flatMap(({ method, path, op }) =>
      Object.entries(op['responses'] as Record<string, Json>)
        .filter(([, r]) => !Object.keys((resolve(r) as Json)['headers'] ?? {}).includes('x-request-id'))
        .map(([status]) => `${method} ${path} -> ${status}`),
    );
    expect(missing).toEqual([]);
    const tooMany = resolve(doc['components']['responses']['TooManyRequests']) as Json;
    expect(Object.keys(tooMany['headers'])).toEqual(
      expect.arrayContaining(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']),
    );
  });

  // none is deprecated today: this holds the next one to docs/versioning.md
  it('declares Deprecation and its Link on the responses of deprecated operations', () => {
    const missing = operations
      .filter(({ op }) => op['deprecated'] === true)
      .flatMap(({ method, path, op }) =>
        Object.entries(op['responses'] as Record<string, Json>)
          .filter(([, r]) => r['$ref'] === undefined)
          .filter(([, r]) => !['Deprecation', 'Link'].every((h) => h in ((r['headers'] ?? {}) as Json)))
          .map(([status]) => `${method} ${path} -> ${status}`),
      );
    expect(missing).toEqual([]);
  });

  it('can fail: an example that breaks its schema is caught', () => {
    const ticket = resolve({ $ref: '#/components/schemas/Ticket' });
    expect(schemaErrors(closed(ticket), { id: 'not-a-uuid', surprise: true })).toBeDefined();
  });
});
