/**
 * The key under which the rate limit counts a client's submissions, derived
 * from the client's address (`context.ip` on Netlify) so that no address is
 * ever stored, and so that an address cannot be changed for free:
 * - IPv4: the address itself (one address is one client, NAT included);
 * - IPv6: its /64 prefix. A /64 is the smallest network an ISP hands a
 *   subscriber (RFC 6177, RFC 7421: a /64 per link, SLAAC needs it), and any
 *   host in it picks its interface identifier at will (RFC 8981 temporary
 *   addresses), so counting per address would let one client rotate through
 *   2^64 addresses (issue 10: 25 of 25 posts from one /64 accepted);
 * - IPv4-mapped IPv6 (`::ffff:192.0.2.1`, how a dual-stack socket reports an
 *   IPv4 client, RFC 4291 §2.5.5.2): the IPv4 address it carries;
 * - a zone id (`fe80::1%eth0`, RFC 6874) names the receiving interface, not the
 *   client: dropped. Compressed and expanded writings give the same key.
 * Parsing is `node:net` `isIP` (strict: refuses `127.1` or `0x7f.0.0.1`) then
 * `ipaddr.js` for the parts; nothing is parsed by hand.
 */
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Length of a client key, in hexadecimal characters (128 bits of the HMAC). */
export const CLIENT_KEY_LENGTH = 32;

/**
 * The network a client is counted as.
 * @param address the client's address as the platform gives it (`context.ip`),
 * possibly with a zone id; anything that is not an IP address is kept as the
 * text itself (trimmed), so that it is still counted on its own
 * @returns `ipv4:192.0.2.1`, `ipv6:2001:db8:0:0::/64` (the first four groups
 * in lowercase hexadecimal, zeros written out), or `other:<text>`
 */
export function clientNetworkOf(address: string): string {
  const text = address.trim();
  if (isIP(text) === 0) return `other:${text}`;
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv4') return `ipv4:${parsed.toString()}`;
  const ipv6 = parsed as ipaddr.IPv6;
  if (ipv6.isIPv4MappedAddress()) return `ipv4:${ipv6.toIPv4Address().toString()}`;
  return `ipv6:${ipv6.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}

/**
 * The rate-limit key of a client.
 * @param address the client's address (`context.ip`), see `clientNetworkOf`
 * @param secret the forms' signing secret (`FORM_SIGNING_SECRET`): the key is an
 * HMAC-SHA-256 of the client's network with it, so the stored keys reveal no
 * address and cannot be recomputed from a guessed address without the secret
 * @returns `CLIENT_KEY_LENGTH` lowercase hexadecimal characters
 */
export function deriveClientKey(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`rate-limit-client:${clientNetworkOf(address)}`).digest('hex').slice(0, CLIENT_KEY_LENGTH);
}
