/**
 * The userland `punycode` package, imported by file so that Node does not pick
 * its deprecated built-in module of the same name.
 */
declare module 'punycode/punycode.js' {
  /** `xn--socit-verte-ebbb.fr` → `société-verte.fr`; other labels unchanged. */
  export function toUnicode(domain: string): string;
  const punycode: { toUnicode: typeof toUnicode };
  export default punycode;
}
