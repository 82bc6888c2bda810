// The one gate for every URL this server fetches because a tenant said so (a partner's
// JWKS now, webhooks later). A tenant admin types the URL, and anyone on the internet can
// make the server fetch it by sending a token that names the issuer, so without this gate
// the server is a proxy into its own network: cloud metadata, the database port, admin
// consoles on loopback.
//
// - The URL is parsed by WHATWG URL, which already rewrites every IPv4 spelling
//   (0x7f000001, 017700000001, 2130706433, 127.1, 127.0.0.1.) to dotted decimal and
//   IPv6 to its compressed form; the address checks below only ever see canonical text.
// - Addresses are classified with ipaddr.js's named ranges, not hand-written masks. IPv6
//   that embeds an IPv4 address (::ffff:a.b.c.d, ::ffff:0:a.b.c.d, ::a.b.c.d, NAT64
//   64:ff9b::/96) is judged by the IPv4 address; 6to4 and Teredo, whose embedded address
//   could point anywhere, are refused outright, as is everything outside 2000::/3.
// - Loopback, RFC 1918, CGNAT and unique-local addresses pass only with ALLOW_PRIVATE_URLS
//   (development and tests); link-local and cloud metadata addresses never do.
// - Names are resolved (all addresses) and every address must pass; the caller then
//   connects to one of exactly these addresses (guarded-fetch.ts), so a second DNS answer
//   cannot rebind the connection somewhere else.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface OutboundUrlPolicy {
  /** loopback, private (RFC 1918), CGNAT and unique-local destinations: ALLOW_PRIVATE_URLS */
  allowPrivate: boolean;
  /** http:// to a loopback host (local development and tests: ALLOW_HTTP_JWKS) */
  allowHttpLoopback: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all of its addresses (dns.lookup with all: true by default). */
export type HostLookup = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

export type AddressClass = 'public' | 'private' | 'forbidden';

export interface AddressVerdict {
  class: AddressClass;
  /** the range that decided, e.g. 'loopback', 'ipv4Mapped/linkLocal', 'metadata' */
  range: string;
}

export type UrlRefusal = 'invalid_url' | 'scheme' | 'credentials' | 'address' | 'unresolvable';

export class UrlNotAllowedError extends Error {
  constructor(
    readonly reason: UrlRefusal,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UrlNotAllowedError';
  }
}

const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

// Cloud instance-metadata services outside the link-local range (which is refused anyway):
// AWS's IPv6 IMDS, DNS and time service (fd00:ec2::254 and neighbours), Alibaba's
// metadata address (inside CGNAT, which ALLOW_PRIVATE_URLS admits) and Azure's WireServer
// (a public address). Refused whatever the configuration says.
const metadataRanges = {
  metadata: ['fd00:ec2::/32', '100.100.100.200/32', '168.63.129.16/32'].map((cidr) => ipaddr.parseCIDR(cidr)),
};
const privateRanges = new Set(['loopback', 'private', 'carrierGradeNat', 'uniqueLocal']);
const globalUnicast = ipaddr.parseCIDR('2000::/3');
const nat64WellKnown = ipaddr.parseCIDR('64:ff9b::/96');

/** Classifies one IP address in canonical text form; anything that is not one is forbidden. */
export function classifyAddress(address: string): AddressVerdict {
  if (isIP(address) === 0) return { class: 'forbidden', range: 'not_an_address' };
  const ip = ipaddr.parse(address);
  if (ipaddr.subnetMatch(ip, metadataRanges, 'none') === 'metadata') return { class: 'forbidden', range: 'metadata' };
  if (ip.kind() === 'ipv4') return verdictFor(ip.range());

  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const inner = classifyAddress(embedded.toString());
    return { class: inner.class, range: `${v6.range()}/${inner.range}` };
  }
  const range: string = v6.range();
  if (range === 'unicast' && !v6.match(globalUnicast)) return { class: 'forbidden', range: 'unallocated' };
  return verdictFor(range);
}

function verdictFor(range: string): AddressVerdict {
  if (range === 'unicast') return { class: 'public', range };
  return { class: privateRanges.has(range) ? 'private' : 'forbidden', range };
}

/** The IPv4 address an IPv6 address stands for, where the IPv6 form is only a wrapper. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const range: string = ip.range();
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = ip.parts;
  const wrapped =
    range === 'ipv4Mapped' ||
    range === 'rfc6145' ||
    ip.match(nat64WellKnown) ||
    // ::a.b.c.d (IPv4-compatible, deprecated); :: and ::1 keep their own meaning
    (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && g !== 0);
  return wrapped ? new ipaddr.IPv4([g >> 8, g & 0xff, h >> 8, h & 0xff]) : undefined;
}

export function addressAllowed(verdict: AddressVerdict, policy: OutboundUrlPolicy): boolean {
  return verdict.class === 'public' || (verdict.class === 'private' && policy.allowPrivate);
}

/** The URL's host without IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

// RFC 6761: localhost and every name under it are loopback, whatever a resolver says.
function isLocalhostName(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Addresses known without DNS: an IP literal, or loopback for localhost names. */
function staticAddresses(host: string): ResolvedAddress[] | undefined {
  const family = isIP(host);
  if (family === 4 || family === 6) return [{ address: host, family }];
  return isLocalhostName(host) ? [{ address: '127.0.0.1', family: 4 }] : undefined;
}

function refuseUnlessAllowed(addresses: readonly ResolvedAddress[], policy: OutboundUrlPolicy): void {
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (!addressAllowed(verdict, policy)) {
      // The range, never the address: a refusal must not tell a tenant admin what internal names resolve to.
      throw new UrlNotAllowedError(
        'address',
        `The URL leads to a ${verdict.class === 'private' ? 'private or loopback' : 'non-public'} address, which this server does not fetch from.`,
      );
    }
  }
}

/**
 * The checks that need no DNS: an absolute https URL (http only to a loopback host when
 * the policy allows it), no user name or password, and a host that is an allowed address
 * when it is an address or a localhost name. Registration runs this; fetches run
 * checkOutboundUrl, which also resolves names.
 */
export function precheckOutboundUrl(input: string | URL, policy: OutboundUrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UrlNotAllowedError('invalid_url', 'The URL is not an absolute URL.');
  }
  // https://trusted.example@127.0.0.1/ reads as one host and connects to another.
  if (url.username || url.password)
    throw new UrlNotAllowedError('credentials', 'The URL must not carry a user name or password.');
  const known = staticAddresses(bareHost(url));
  const loopback = known !== undefined && known.every((a) => classifyAddress(a.address).range === 'loopback');
  const schemeAllowed = url.protocol === 'https:' || (url.protocol === 'http:' && policy.allowHttpLoopback && loopback);
  if (!schemeAllowed) throw new UrlNotAllowedError('scheme', 'The URL must use https.');
  if (known) refuseUnlessAllowed(known, policy);
  return url;
}

/** Every check, names resolved: the addresses returned are the only ones the caller may connect to. */
export async function checkOutboundUrl(
  input: string | URL,
  policy: OutboundUrlPolicy,
  lookup: HostLookup = systemLookup,
): Promise<{ url: URL; addresses: ResolvedAddress[] }> {
  const url = precheckOutboundUrl(input, policy);
  const host = bareHost(url);
  const known = staticAddresses(host);
  if (known) return { url, addresses: known };
  let answers: Awaited<ReturnType<HostLookup>>;
  try {
    answers = await lookup(host);
  } catch (error) {
    throw new UrlNotAllowedError('unresolvable', 'The URL host could not be resolved.', { cause: error });
  }
  const addresses = answers.map(({ address }) => ({ address, family: isIP(address) === 6 ? 6 : 4 }) as const);
  if (addresses.length === 0) throw new UrlNotAllowedError('unresolvable', 'The URL host could not be resolved.');
  // All or nothing: a name with one public and one private address is refused, not trimmed.
  refuseUnlessAllowed(addresses, policy);
  return { url, addresses };
}
