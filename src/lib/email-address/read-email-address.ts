/**
 * The one e-mail address rule of the site: public forms (browser hints and the
 * functions' verdict), content (build and CMS) and the team's CLI all read
 * addresses here. It accepts what mail servers deliver without the SMTPUTF8
 * extension and refuses what they would bounce, each refusal with a reason that
 * `emailAddressMessage` turns into French.
 *
 * Sources of the rules:
 * - local part: RFC 5321 §4.1.2 `Dot-string` (atoms of RFC 5322 §3.2.3 `atext`
 *   joined by single dots), ASCII only (RFC 5321 §2.3.1; an 8-bit local part
 *   needs SMTPUTF8, RFC 6531, that many servers lack), at most 64 octets
 *   (RFC 5321 §4.5.3.1.1). Quoted strings are refused (RFC 5321 §4.1.2: hosts
 *   SHOULD avoid them), comments too (SMTP has none, RFC 5321 §4.1.2), and an
 *   encoded word (`=?utf-8?q?…?=`), which RFC 2047 §5 forbids in an addr-spec:
 *   mail readers decode it and answer a different address;
 * - domain: converted to ASCII (punycode, RFC 5891/UTS #46) by the WHATWG URL
 *   parser, the same in browsers and Node; labels of 1 to 63 letters, digits
 *   and hyphens, no hyphen first or last (RFC 1035 §2.3.1, RFC 5891 §4.2.3.1),
 *   no `--` in third and fourth position outside `xn--` (RFC 5891 §4.2.3.1),
 *   at most 253 characters (RFC 1035 §2.3.4), at least two labels; no address
 *   literal (`[1.2.3.4]`) and no final dot;
 * - public names only: the top-level domain must be delegated by IANA
 *   (`top-level-domains.ts`); reserved and special-use names get their own
 *   reason: RFC 2606 (`test`, `example`, `invalid`, `localhost`, `example.com`,
 *   `.net`, `.org`), RFC 6761, RFC 6762 (`local`), RFC 7686 (`onion`), RFC 8375
 *   (`home.arpa`), RFC 9476 (`alt`), ICANN's 2024 reservation of `internal`;
 * - invisible characters (controls, format characters such as zero-width
 *   spaces and bidi marks, private-use, unassigned and lone surrogate code
 *   points: Unicode categories C*) and spaces are refused anywhere.
 * The whole address is at most 254 characters (RFC 5321 §4.5.3.1.3, path of 256
 * octets with its angle brackets).
 */
import punycode from 'punycode/punycode.js';
import { isDelegatedTopLevelDomain } from './top-level-domains.ts';
import { normalizeText } from '../text/text-hygiene.ts';

/** Why an address is refused. */
export type EmailRefusal =
  | 'missing-at'
  | 'invisible-character'
  | 'accented-local-part'
  | 'local-part-dots'
  | 'local-part-characters'
  | 'local-part-too-long'
  | 'encoded-word'
  | 'address-literal'
  | 'domain-characters'
  | 'domain-label'
  | 'domain-too-long'
  | 'single-label-domain'
  | 'final-dot'
  | 'reserved-domain'
  | 'unknown-top-level-domain'
  | 'too-long';

/** An address that mail servers deliver, in the two forms it is used in. */
export interface EmailAddress {
  /** As people read it and as it is stored: local part as typed, domain in lower-case Unicode (`jeanne@société-verte.fr`). */
  readonly address: string;
  /** For SMTP without SMTPUTF8: the domain in ASCII, punycode (`jeanne@xn--socit-verte-ebbb.fr`). */
  readonly smtp: string;
  /** The reserved name the address uses, when the options allowed it (`example`). */
  readonly reserved?: ReservedName;
}

/** The verdict on a typed address. */
export type EmailVerdict =
  | ({ readonly ok: true } & EmailAddress)
  | {
      readonly ok: false;
      readonly reason: EmailRefusal;
      /** For an accented local part: the same address without accents, when that one is valid (`frederic@orange.fr`). */
      readonly suggestion?: string;
      /** The domain or label the reason is about, in Unicode (`test`, `exemple-.fr`). */
      readonly detail?: string;
    };

/** Reserved and special-use names: a domain equal to one, or ending with `.` and one. */
export const RESERVED_NAMES = ['invalid', 'test', 'localhost', 'example', 'example.com', 'example.net', 'example.org', 'local', 'onion', 'home.arpa', 'alt', 'internal'] as const;

/** One of `RESERVED_NAMES`. */
export type ReservedName = (typeof RESERVED_NAMES)[number];

/** What a caller allows beyond the public rule. */
export interface EmailRuleOptions {
  /** Reserved names accepted (content: `example` on sample entries only). */
  readonly allowReserved?: readonly ReservedName[];
}

/** RFC 5322 §3.2.3 `atext`, and a dot-atom made of it (RFC 5321 §4.1.2 `Dot-string`). */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_STRING = new RegExp(`^${ATEXT}+(\\.${ATEXT}+)*$`);
/**
 * The shape part of the rule as one regular expression without flags, for the
 * CMS (Decap applies `new RegExp(pattern)`): a dot-atom local part, `@`, dotted
 * labels without spaces. `readEmailAddress` refuses everything this refuses.
 */
export const EMAIL_SHAPE_PATTERN = `^${ATEXT}+(\\.${ATEXT}+)*@[^\\s@.]+(\\.[^\\s@.]+)+$`;
const ENCODED_WORD = /=\?[^?]*\?[bq]\?[^?]*\?=/i;
/** Unicode categories C (controls, format, surrogates, private use, unassigned) and any space or separator. */
const INVISIBLE = /[\p{C}\p{Z}\s]/u;
/** ASCII other than letters, digits, `-` and `.`: not in a domain (the URL parser would drop or split on it). */
const ASCII_OUTSIDE_DOMAIN = /[\x00-\x2c\x2f\x3a-\x60\x7b-\x7f]/;
const LDH_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function refuse(reason: EmailRefusal, extra: { suggestion?: string; detail?: string } = {}): EmailVerdict {
  return { ok: false, reason, ...extra };
}

/** The reserved name a domain (ASCII, lower case) falls under, if any. */
export function reservedNameOf(asciiDomain: string): ReservedName | undefined {
  return RESERVED_NAMES.find((name) => asciiDomain === name || asciiDomain.endsWith(`.${name}`));
}

/** The local part without accents (`Frédéric` → `Frederic`), when that leaves ASCII only. */
function withoutAccents(local: string): string | undefined {
  const stripped = local
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒæÆß]/g, (letter) => ({ œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' })[letter] ?? letter);
  return DOT_STRING.test(stripped) ? stripped : undefined;
}

function readDomain(typed: string): { ascii: string } | { refusal: EmailVerdict } {
  const domain = typed.toLowerCase();
  if (domain.startsWith('[')) return { refusal: refuse('address-literal') };
  if (domain.endsWith('.')) return { refusal: refuse('final-dot') };
  if (ASCII_OUTSIDE_DOMAIN.test(domain)) return { refusal: refuse('domain-characters', { detail: typed }) };
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return { refusal: refuse('domain-label', { detail: typed }) };
  }
  // The URL parser reads `1.2.3.4` and `0x7f.1` as IPv4 addresses and maps some dots (`。`) to `.`.
  if (/^[\d.]+$/.test(ascii) || /^0x/i.test(ascii.split('.').at(-1) ?? '') || ascii.endsWith('.')) {
    return { refusal: refuse(ascii.endsWith('.') ? 'final-dot' : 'address-literal') };
  }
  return { ascii };
}

/**
 * Reads a typed address: trimmed, Unicode NFC, domain in lower case, then the
 * rules above. Browsers send an `<input type="email">` domain in ASCII: it is
 * stored in Unicode, as people typed and read it. Reading an accepted address
 * again gives it back unchanged.
 * @param options reserved names the caller accepts (none for the public forms)
 * @returns the address in its stored and SMTP forms, or the reason of a refusal
 */
export function readEmailAddress(text: string, options: EmailRuleOptions = {}): EmailVerdict {
  const value = normalizeText(text.trim());
  if (INVISIBLE.test(value)) return refuse('invisible-character');
  const at = value.lastIndexOf('@');
  if (at < 0) return refuse('missing-at');
  const local = value.slice(0, at);
  const typedDomain = value.slice(at + 1);
  if (local === '' || typedDomain === '') return refuse('missing-at');
  if (/[^\x00-\x7f]/.test(local)) {
    const unaccented = withoutAccents(local);
    return refuse('accented-local-part', unaccented === undefined ? {} : { suggestion: `${unaccented}@${typedDomain.toLowerCase()}` });
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return refuse('local-part-dots');
  if (!DOT_STRING.test(local)) return refuse('local-part-characters');
  if (local.length > 64) return refuse('local-part-too-long');
  if (ENCODED_WORD.test(local)) return refuse('encoded-word');
  const domain = readDomain(typedDomain);
  if ('refusal' in domain) return domain.refusal;
  const { ascii } = domain;
  if (ascii.length > 253) return refuse('domain-too-long');
  const labels = ascii.split('.');
  const badLabel = labels.find((label) => !LDH_LABEL.test(label) || (label.slice(2, 4) === '--' && !label.startsWith('xn--')));
  if (badLabel !== undefined) return refuse('domain-label', { detail: punycode.toUnicode(badLabel) });
  const reserved = reservedNameOf(ascii);
  if (reserved !== undefined && !options.allowReserved?.includes(reserved)) return refuse('reserved-domain', { detail: reserved });
  if (labels.length < 2) return refuse('single-label-domain');
  const topLevel = punycode.toUnicode(labels.at(-1)!);
  if (reserved === undefined && !isDelegatedTopLevelDomain(topLevel)) return refuse('unknown-top-level-domain', { detail: topLevel });
  const smtp = `${local}@${ascii}`;
  if (smtp.length > 254) return refuse('too-long');
  return { ok: true, address: `${local}@${punycode.toUnicode(ascii)}`, smtp, ...(reserved === undefined ? {} : { reserved }) };
}

/**
 * The SMTP form of a stored address (domain in punycode), for envelopes and
 * headers. An address that is not one (an old row) is returned unchanged.
 */
export function toSmtpAddress(address: string): string {
  const verdict = readEmailAddress(address, { allowReserved: RESERVED_NAMES });
  return verdict.ok ? verdict.smtp : address;
}

/**
 * The French explanation of a refusal, prefixed with the field's label when
 * given (`Adresse e-mail : …`), so that the person knows what to fix.
 */
export function emailAddressMessage(verdict: Extract<EmailVerdict, { ok: false }>, label?: string): string {
  const prefix = label === undefined ? '' : `${label} : `;
  const sentence = (() => {
    switch (verdict.reason) {
      case 'invisible-character':
        return 'l’adresse contient une espace ou un caractère invisible (souvent apporté par un copier-coller) : retapez-la.';
      case 'accented-local-part':
        return `la partie avant « @ » ne peut contenir ni accent ni lettre hors de l’alphabet latin simple : beaucoup de serveurs de messagerie refuseraient l’adresse.${
          verdict.suggestion === undefined ? '' : ` Vouliez-vous écrire « ${verdict.suggestion} » ?`
        }`;
      case 'local-part-dots':
        return 'la partie avant « @ » ne peut ni commencer ni finir par un point, ni contenir deux points de suite.';
      case 'local-part-characters':
        return 'la partie avant « @ » contient un caractère refusé par les serveurs de messagerie (guillemet, parenthèse, virgule…).';
      case 'local-part-too-long':
        return 'la partie avant « @ » dépasse 64 caractères.';
      case 'encoded-word':
        return 'la partie avant « @ » ne peut pas contenir de séquence « =?…?= ».';
      case 'address-literal':
        return 'indiquez un nom de domaine après « @ » (ex. exemple.fr), pas une adresse IP.';
      case 'final-dot':
        return 'l’adresse ne peut pas finir par un point.';
      case 'domain-characters':
      case 'domain-label':
        return `le domaine${verdict.detail === undefined ? '' : ` « ${verdict.detail} »`} est mal formé : lettres, chiffres et tirets seulement, sans tiret au début ni à la fin d’une partie, 63 caractères au plus entre deux points.`;
      case 'domain-too-long':
        return 'le domaine dépasse 253 caractères.';
      case 'single-label-domain':
        return 'le domaine doit avoir une extension (ex. exemple.fr).';
      case 'reserved-domain':
        return `« ${verdict.detail} » est un nom de domaine réservé (essais, documentation ou réseau local) : aucune messagerie publique n’y répond. Indiquez une adresse réelle.`;
      case 'unknown-top-level-domain':
        return `l’extension « .${verdict.detail} » n’existe pas (ex. .fr, .com, .eu) : vérifiez la fin de l’adresse.`;
      case 'too-long':
        return 'l’adresse dépasse 254 caractères.';
      case 'missing-at':
        return 'adresse invalide (ex. nom@exemple.fr).';
    }
  })();
  return `${prefix}${label === undefined ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence}`;
}

/**
 * An address in a comparable form, so that the rights of access and erasure
 * (GDPR art. 15 and 17) and the per-recipient caps find every occurrence of an
 * address whatever way it was typed: Unicode NFC (a name typed on macOS comes
 * in NFD), trimmed, lower case, the domain in its ASCII (punycode) form through
 * the same WHATWG URL parser as `readEmailAddress`. `Jeanne@Société-Verte.fr`,
 * its NFD spelling and `jeanne@xn--socit-verte-ebbb.fr` give the same key.
 * Local parts are compared without case: RFC 5321 lets servers distinguish
 * case, mail providers do not. A final dot of the domain (`exemple.fr.`, the
 * absolute DNS name, RFC 1034 §3.1) names the same domain and is dropped.
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
