// The outbound URL guard (src/net): every spelling of a refused address, with
// ALLOW_PRIVATE_URLS off and on. Nothing here connects anywhere but 127.0.0.1: addresses
// are classified, and names are resolved by an injected lookup, never by DNS.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardedFetch, OutboundFetchError } from '../../src/net/guarded-fetch.js';
import {
  checkOutboundUrl,
  classifyAddress,
  precheckOutboundUrl,
  UrlNotAllowedError,
  type HostLookup,
  type OutboundUrlPolicy,
} from '../../src/net/url-guard.js';

const strict: OutboundUrlPolicy = { allowPrivate: false, allowHttpLoopback: false };
const lax: OutboundUrlPolicy = { allowPrivate: true, allowHttpLoopback: true };

// Names the injected lookup knows; anything else does not resolve.
const zone: Record<string, string[]> = {
  'login.partner.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.partner.example': ['10.0.0.5'],
  'metadata.partner.example': ['169.254.169.254'],
  'mapped.partner.example': ['::ffff:169.254.169.254'],
  'mixed.partner.example': ['93.184.215.14', '127.0.0.1'],
  'ula.partner.example': ['fd12:3456::1'],
};
const fakeLookup: HostLookup = async (host) => {
  // like a resolver: a trailing dot only says the name is fully qualified
  const addresses = zone[host.replace(/\.$/, '')];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

async function outcome(url: string, policy: OutboundUrlPolicy): Promise<string> {
  return checkOutboundUrl(url, policy, fakeLookup).then(
    () => 'ok',
    (e: unknown) => (e instanceof UrlNotAllowedError ? e.reason : `unexpected ${String(e)}`),
  );
}

type Row = [url: string, strict: string, withPrivate: string];

// Refused whatever ALLOW_PRIVATE_URLS says.
const alwaysRefused: Row[] = [
  ['https://169.254.169.254/latest/meta-data/', 'address', 'address'],
  ['https://169.254.169.254./latest/meta-data/', 'address', 'address'],
  ['https://0xa9fea9fe/', 'address', 'address'],
  ['https://2852039166/', 'address', 'address'],
  ['https://0251.0376.0251.0376/', 'address', 'address'],
  ['https://[::ffff:169.254.169.254]/', 'address', 'address'],
  ['https://[::ffff:a9fe:a9fe]/', 'address', 'address'],
  ['https://[64:ff9b::a9fe:a9fe]/', 'address', 'address'],
  ['https://[fd00:ec2::254]/latest/meta-data/', 'address', 'address'],
  ['https://100.100.100.200/latest/meta-data/', 'address', 'address'],
  ['https://168.63.129.16/', 'address', 'address'],
  ['https://[fe80::1]/', 'address', 'address'],
  ['https://0.0.0.0/', 'address', 'address'],
  ['https://0/', 'address', 'address'],
  ['https://[::]/', 'address', 'address'],
  ['https://255.255.255.255/', 'address', 'address'],
  ['https://4294967295/', 'address', 'address'],
  ['https://224.0.0.1/', 'address', 'address'],
  ['https://[ff02::1]/', 'address', 'address'],
  ['https://240.0.0.1/', 'address', 'address'],
  ['https://192.0.2.10/', 'address', 'address'],
  ['https://[2001:db8::1]/', 'address', 'address'],
  ['https://[2002:7f00:1::]/', 'address', 'address'],
  ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'address', 'address'],
  ['https://[100::1]/', 'address', 'address'],
  ['https://metadata.partner.example/', 'address', 'address'],
  ['https://mapped.partner.example/', 'address', 'address'],
  ['https://evil@127.0.0.1/', 'credentials', 'credentials'],
  ['https://login.partner.example@169.254.169.254/', 'credentials', 'credentials'],
  ['https://user:secret@login.partner.example/', 'credentials', 'credentials'],
  ['ftp://login.partner.example/keys', 'scheme', 'scheme'],
  ['http://login.partner.example/keys', 'scheme', 'scheme'],
  ['/relative/keys', 'invalid_url', 'invalid_url'],
  ['https://nowhere.partner.example/', 'unresolvable', 'unresolvable'],
];

// Loopback, private, CGNAT and unique-local: only with ALLOW_PRIVATE_URLS.
const privateOnly: Row[] = [
  ['https://127.0.0.1:5432/', 'address', 'ok'],
  ['https://0x7f000001:54341/', 'address', 'ok'],
  ['https://017700000001/', 'address', 'ok'],
  ['https://2130706433/', 'address', 'ok'],
  ['https://127.1/', 'address', 'ok'],
  ['https://127.0.0.1./', 'address', 'ok'],
  ['https://[::1]/', 'address', 'ok'],
  ['https://[::ffff:127.0.0.1]:54341/', 'address', 'ok'],
  ['https://[::ffff:7f00:1]/', 'address', 'ok'],
  ['https://[0:0:0:0:0:ffff:127.0.0.1]/', 'address', 'ok'],
  ['https://[::ffff:0:7f00:1]/', 'address', 'ok'],
  ['https://[::127.0.0.1]/', 'address', 'ok'],
  ['https://[64:ff9b::7f00:1]/', 'address', 'ok'],
  ['https://localhost/', 'address', 'ok'],
  ['https://localhost./', 'address', 'ok'],
  ['https://LOCALHOST/', 'address', 'ok'],
  ['https://api.localhost/', 'address', 'ok'],
  ['https://10.1.2.3/', 'address', 'ok'],
  ['https://172.16.0.1/', 'address', 'ok'],
  ['https://192.168.1.1/', 'address', 'ok'],
  ['https://100.64.0.1/', 'address', 'ok'],
  ['https://[fc00::1]/', 'address', 'ok'],
  ['https://internal.partner.example/', 'address', 'ok'],
  ['https://ula.partner.example/', 'address', 'ok'],
  ['https://internal.partner.example./', 'address', 'ok'],
  // one private answer among public ones refuses the name: all or nothing
  ['https://mixed.partner.example/', 'address', 'ok'],
  // http only to a loopback host, and only when http is allowed
  ['http://127.0.0.1:54341/keys', 'scheme', 'ok'],
  ['http://localhost:54341/keys', 'scheme', 'ok'],
];

const allowed: Row[] = [
  ['https://93.184.215.14/keys', 'ok', 'ok'],
  ['https://1.1.1.1/', 'ok', 'ok'],
  ['https://[2606:4700::1111]/', 'ok', 'ok'],
  ['https://[::ffff:8.8.8.8]/', 'ok', 'ok'],
  ['https://[64:ff9b::808:808]/', 'ok', 'ok'],
  ['https://login.partner.example/.well-known/jwks.json', 'ok', 'ok'],
  ['https://login.partner.example./.well-known/jwks.json', 'ok', 'ok'],
];

describe('outbound URL guard', () => {
  it.each([...alwaysRefused, ...privateOnly, ...allowed])(
    '%s: %s, with ALLOW_PRIVATE_URLS %s',
    async (url, withoutPrivate, withPrivate) => {
      expect(await outcome(url, strict)).toBe(withoutPrivate);
      expect(await outcome(url, lax)).toBe(withPrivate);
    },
  );

  it('covers every spelling the probe used', () => {
    const urls = new Set([...alwaysRefused, ...privateOnly].map(([url]) => url));
    for (const probe of [
      'https://169.254.169.254/latest/meta-data/',
      'https://127.0.0.1:5432/',
      'https://[::ffff:127.0.0.1]:54341/',
      'https://0x7f000001:54341/',
    ]) {
      expect(urls).toContain(probe);
    }
    expect(alwaysRefused.length + privateOnly.length + allowed.length).toBeGreaterThanOrEqual(30);
  });

  it('classifies only canonical addresses, and says which range decided', () => {
    expect(classifyAddress('127.0.0.1')).toEqual({ class: 'private', range: 'loopback' });
    expect(classifyAddress('::ffff:169.254.169.254')).toEqual({ class: 'forbidden', range: 'ipv4Mapped/linkLocal' });
    expect(classifyAddress('64:ff9b::a00:1')).toEqual({ class: 'private', range: 'rfc6052/private' });
    expect(classifyAddress('fd00:ec2::254')).toEqual({ class: 'forbidden', range: 'metadata' });
    expect(classifyAddress('3fff::1').class).toBe('forbidden');
    expect(classifyAddress('93.184.215.14')).toEqual({ class: 'public', range: 'unicast' });
    // non-canonical spellings never reach the classifier through URL, and are refused if they do
    for (const junk of ['127.1', '0x7f000001', '2130706433', 'localhost', '', '1.2.3.4.5'])
      expect(classifyAddress(junk).class).toBe('forbidden');
  });

  it('prechecks without DNS: address literals and localhost names, never a lookup', () => {
    expect(() => precheckOutboundUrl('https://0x7f000001/', strict)).toThrow(UrlNotAllowedError);
    expect(() => precheckOutboundUrl('https://localhost./keys', strict)).toThrow(UrlNotAllowedError);
    // a name is left to the fetch-time check
    expect(precheckOutboundUrl('https://internal.partner.example/keys', strict).hostname).toBe(
      'internal.partner.example',
    );
    expect(() =>
      precheckOutboundUrl('http://127.0.0.1/keys', { allowPrivate: true, allowHttpLoopback: false }),
    ).toThrow(/https/);
  });
});

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

describe('guarded fetch', () => {
  it('connects to the address it checked: a second DNS answer (rebinding) is never asked for', async () => {
    // A plain TCP listener: it sees the TLS ClientHello, which names the host in clear (SNI).
    const hellos: Buffer[] = [];
    const tcp = createTcpServer((socket) =>
      socket.once('data', (data) => {
        hellos.push(data);
        socket.destroy();
      }),
    );
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    closers.push(() => tcp.close());
    const answers = [['127.0.0.1'], ['169.254.169.254'], ['169.254.169.254']];
    let lookups = 0;
    const rebinding: HostLookup = async () => (answers[lookups++] ?? []).map((address) => ({ address, family: 4 }));

    const port = (tcp.address() as AddressInfo).port;
    const failure = await guardedFetch(`https://rebind.partner.test:${port}/keys`, {
      policy: lax,
      lookup: rebinding,
      timeoutMs: 2000,
      maxBytes: 1024,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutboundFetchError); // the TLS handshake with a TCP listener fails
    expect(lookups).toBe(1);
    expect(hellos).toHaveLength(1);
    expect(hellos[0]!.includes(Buffer.from('rebind.partner.test'))).toBe(true);
  });

  it('refuses a name whose answer is a private address, before connecting', async () => {
    let lookups = 0;
    const privateAnswer: HostLookup = async () => {
      lookups++;
      return [{ address: '10.0.0.7', family: 4 }];
    };
    const failure = await guardedFetch('https://jwks.partner.test/keys', {
      policy: strict,
      lookup: privateAnswer,
      timeoutMs: 2000,
      maxBytes: 1024,
    }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'UrlNotAllowedError', reason: 'address' });
    expect((failure as Error).message).not.toContain('10.0.0.7');
    expect(lookups).toBe(1);
  });

  it('follows no redirect and bounds the body', async () => {
    const http = createHttpServer((request, response) => {
      if (request.url === '/moved')
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else if (request.url === '/big') response.writeHead(200).end('x'.repeat(4096));
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      http.closeAllConnections();
      http.close();
    });
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const options = { policy: lax, timeoutMs: 2000, maxBytes: 1024 };

    await expect(guardedFetch(`${base}/moved`, options)).rejects.toMatchObject({ reason: 'redirect' });
    await expect(guardedFetch(`${base}/big`, options)).rejects.toMatchObject({ reason: 'too_large' });
    await expect(guardedFetch(`${base}/keys`, options)).resolves.toMatchObject({
      status: 200,
      contentType: 'application/json',
    });
    await expect(guardedFetch(`${base}/keys`, { ...options, policy: strict })).rejects.toMatchObject({
      name: 'UrlNotAllowedError',
    });
  });
});
