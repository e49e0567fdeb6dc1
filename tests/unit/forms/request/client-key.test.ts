import { describe, expect, it } from 'vitest';
import { CLIENT_KEY_LENGTH, clientNetworkOf, deriveClientKey } from '../../../../src/lib/forms/request/client-key.ts';

const SECRET = 'a-test-signing-secret-of-32-chars-at-least';

describe('clientNetworkOf', () => {
  it.each([
    ['an IPv4 address', '192.0.2.1', 'ipv4:192.0.2.1'],
    ['an IPv4 address with spaces around', ' 192.0.2.1 ', 'ipv4:192.0.2.1'],
    ['an IPv4-mapped IPv6 address', '::ffff:192.0.2.1', 'ipv4:192.0.2.1'],
    ['an IPv4-mapped IPv6 address in hexadecimal', '::ffff:c000:201', 'ipv4:192.0.2.1'],
    ['an IPv4-mapped IPv6 address written out', '0:0:0:0:0:ffff:192.0.2.1', 'ipv4:192.0.2.1'],
    ['a compressed IPv6 address', '2001:db8::1', 'ipv6:2001:db8:0:0::/64'],
    ['an expanded IPv6 address', '2001:0db8:0000:0000:0000:0000:0000:0001', 'ipv6:2001:db8:0:0::/64'],
    ['an IPv6 address in upper case', '2001:DB8:AB:CD:1:2:3:4', 'ipv6:2001:db8:ab:cd::/64'],
    ['an IPv6 address with a zone id', 'fe80::1%eth0', 'ipv6:fe80:0:0:0::/64'],
    ['IPv6 loopback', '::1', 'ipv6:0:0:0:0::/64'],
    // Deprecated writing (RFC 4291 §2.5.5.1) that ipaddr.js 2 reads as mapped: counted with that IPv4, never apart from it.
    ['an IPv4-compatible writing', '::192.0.2.1', 'ipv4:192.0.2.1'],
    ['a short IPv4 writing that isIP refuses', '127.1', 'other:127.1'],
    ['a hexadecimal IPv4 writing', '0x7f.0.0.1', 'other:0x7f.0.0.1'],
    ['an empty address', '', 'other:'],
    ['not an address', 'unknown', 'other:unknown'],
  ])('%s: %j → %j', (_case, address, network) => {
    expect(clientNetworkOf(address)).toBe(network);
  });
});

describe('deriveClientKey', () => {
  it.each([
    ['compressed and expanded writings of one address', '2001:db8:1:2::5', '2001:0db8:0001:0002:0000:0000:0000:0005'],
    ['two hosts of one /64 (rotated interface identifiers)', '2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2:1111:2222:3333:4444'],
    ['an address with and without a zone id', 'fe80::1%eth0', 'fe80::2'],
    ['an IPv4 address and its IPv4-mapped IPv6 writing', '192.0.2.1', '::ffff:192.0.2.1'],
    ['upper and lower case', '2001:DB8::A', '2001:db8::b'],
  ])('same key: %s', (_case, first, second) => {
    expect(deriveClientKey(first, SECRET)).toBe(deriveClientKey(second, SECRET));
  });

  it.each([
    ['two neighbouring /64 networks', '2001:db8:1:2::1', '2001:db8:1:3::1'],
    ['two IPv4 addresses of one /24', '192.0.2.1', '192.0.2.2'],
    ['an IPv4 address and an IPv6 /64 that merely contains its bits', '192.0.2.1', '::c000:201'],
    ['an IPv4 address and the IPv4-mapped form of another', '192.0.2.1', '::ffff:192.0.2.2'],
  ])('different keys: %s', (_case, first, second) => {
    expect(deriveClientKey(first, SECRET)).not.toBe(deriveClientKey(second, SECRET));
  });

  it('is 32 lowercase hexadecimal characters that contain no part of the address', () => {
    const key = deriveClientKey('192.0.2.1', SECRET);
    expect(key).toMatch(new RegExp(`^[0-9a-f]{${CLIENT_KEY_LENGTH}}$`));
    expect(key).not.toContain('c0000201');
  });

  it('is the HMAC-SHA-256 of the network with the secret: another secret gives another key', () => {
    expect(deriveClientKey('192.0.2.1', SECRET)).not.toBe(deriveClientKey('192.0.2.1', `${SECRET}-other`));
    expect(deriveClientKey('192.0.2.1', SECRET)).toBe(deriveClientKey('192.0.2.1', SECRET));
  });
});
