/**
 * Where webhooks may go. A webhook URL is typed by a researcher but requested by the server, so by
 * default it may not reach into the server's own network: loopback, private, link-local, shared
 * (CGNAT) and the other special-purpose ranges of RFC 6890 are refused. The check runs on the
 * address the name resolves to when the connection is made, so a DNS answer that changes between
 * a check and the request can't slip through. WEBHOOK_ALLOW_PRIVATE=1 lifts it, for installs whose
 * receivers live on the same network.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

// One list per family: Node's BlockList also tests an IPv4 address against IPv6 rules as if it
// were IPv4-mapped, so ::ffff:0:0/96 in a shared list would refuse every IPv4 address.
const special4 = new BlockList();
const special6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  special4.addSubnet(net, prefix, 'ipv4');
// IPv6 forms that carry an IPv4 address or reach one through a relay are refused whole, as no
// public receiver needs them: IPv4-compatible (::/96, deprecated, holds :: and ::1 too),
// IPv4-mapped, NAT64 (well-known and local-use), the IETF protocol block with Teredo (2001::/23),
// and 6to4 (2002::/16, whose bits 16–47 are any IPv4 address, 127.0.0.1 included).
for (const [net, prefix] of [
  ['::', 96],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  special6.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is in a range a webhook may not reach (IPv4-mapped IPv6 included). */
function isSpecialAddress(address: string): boolean {
  const family = isIP(address);
  return family === 4 ? special4.check(address, 'ipv4') : family === 6 ? special6.check(address, 'ipv6') : false;
}

const ALLOW = 'set WEBHOOK_ALLOW_PRIVATE=1 to send webhooks into your own network';
const literalRefusal = (ip: string) => `${ip} is a loopback, private or reserved address; ${ALLOW}`;

/** The URL's host as an IP literal (brackets of IPv6 removed), or null for a name. */
function literalHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : null;
}

/**
 * Why a webhook URL is refused before any lookup (an IP literal in a special range, or a name
 * that always means this machine), or null. Names are checked again, resolved, on delivery.
 */
export function refusedWebhookUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  const ip = literalHost(url);
  if (ip && isSpecialAddress(ip)) return literalRefusal(ip);
  const name = url.hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return `${name} is this machine; ${ALLOW}`;
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves as usual and fails when the name leads only to
 * special addresses (those are dropped from a mixed answer).
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const open = addresses.filter((a) => !isSpecialAddress(a.address));
    if (open.length === 0) {
      const e: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to ${addresses.map((a) => a.address).join(', ')}: a loopback, private or reserved address; ${ALLOW}`,
      );
      e.code = 'EWEBHOOKADDRESS';
      return callback(e, '');
    }
    if (options.all) return callback(null, open);
    callback(null, open[0].address, open[0].family);
  });
}

/** Throws before connecting when the URL's host is an IP literal in a special range (literals skip the lookup). */
export function assertPublicLiteral(url: URL) {
  const ip = literalHost(url);
  if (ip && isSpecialAddress(ip)) throw new Error(literalRefusal(ip));
}
