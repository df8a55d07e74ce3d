import { isIPv4, isIPv6 } from 'node:net';

type V4Range = [base: number, prefix: number];

// Everything a server-side request must never reach: loopback, private, link-local (incl. the
// cloud metadata address 169.254.169.254), CGNAT, "this network", multicast and reserved space.
const V4_BLOCKED: V4Range[] = [
  [v4('0.0.0.0'), 8],
  [v4('10.0.0.0'), 8],
  [v4('100.64.0.0'), 10],
  [v4('127.0.0.0'), 8],
  [v4('169.254.0.0'), 16],
  [v4('172.16.0.0'), 12],
  [v4('192.0.0.0'), 24],
  [v4('192.168.0.0'), 16],
  [v4('198.18.0.0'), 15],
  [v4('224.0.0.0'), 4],
  [v4('240.0.0.0'), 4],
];

/** True when an IP address (v4 or v6, as dns.lookup returns it) is not public unicast; unparseable counts as private. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return isPrivateV4(v4(ip));
  if (isIPv6(ip)) return isPrivateV6(parseV6(ip));
  return true;
}

function isPrivateV4(n: number): boolean {
  return V4_BLOCKED.some(([base, prefix]) =>
    prefix === 0 ? true : n >>> (32 - prefix) === base >>> (32 - prefix),
  );
}

function isPrivateV6(g: number[]): boolean {
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = ((g6 << 16) | g7) >>> 0;
  const firstFiveZero = g.slice(0, 5).every((x) => x === 0);
  if (firstFiveZero && g5 === 0xffff) return isPrivateV4(embeddedV4); // ::ffff:a.b.c.d (IPv4-mapped)
  if (firstFiveZero && g5 === 0) return g6 === 0 && g7 <= 1 ? true : isPrivateV4(embeddedV4); // ::, ::1, ::a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPrivateV4(embeddedV4); // NAT64
  if (g0 === 0x2002) return isPrivateV4(((g1 << 16) | (g[2] ?? 0)) >>> 0); // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // fec0::/10 old site-local
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  return false;
}

function v4(ip: string): number {
  return ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

/** Eight 16-bit groups of a valid IPv6 address (with an optional dotted IPv4 tail). */
function parseV6(ip: string): number[] {
  let text = ip.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const n = v4(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = rest === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((h) => Number.parseInt(h, 16));
}
