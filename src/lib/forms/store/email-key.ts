/**
 * E-mail addresses as matching keys, so that the rights of access and erasure
 * (GDPR art. 15 and 17) and the per-recipient caps find every occurrence of an
 * address whatever way it was typed.
 */

/**
 * An address in a comparable form: Unicode NFC (a name typed on macOS comes in
 * NFD), trimmed, lower case, the domain in its ASCII (punycode) form through the
 * WHATWG URL parser. `Jeanne@Société-Verte.fr`, its NFD spelling and
 * `jeanne@xn--socit-verte-ebbb.fr` give the same key. Local parts are compared
 * without case: RFC 5321 lets servers distinguish case, mail providers do not.
 * A final dot of the domain (`exemple.fr.`, the absolute DNS name, RFC 1034
 * §3.1) names the same domain and is dropped.
 * @param address any text; without `@`, the normalised text itself
 */
export function comparableEmail(address: string): string {
  const text = address.normalize('NFC').trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  try {
    return `${text.slice(0, at)}@${new URL(`http://${text.slice(at + 1)}`).hostname.replace(/\.$/, '')}`;
  } catch {
    return text;
  }
}
