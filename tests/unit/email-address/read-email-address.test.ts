/**
 * The one e-mail rule, class by class (issue 12): each case gives the verdict
 * and, in its name, the source of the rule that decides it.
 */
import { describe, expect, it } from 'vitest';
import { emailAddressMessage, readEmailAddress, toSmtpAddress, EMAIL_SHAPE_PATTERN, type EmailRefusal } from '../../../src/lib/email-address/read-email-address.ts';

describe('accepted addresses: stored form (domain in Unicode) and SMTP form (punycode)', () => {
  it.each([
    ['Contact@Société-Verte.FR ', 'Contact@société-verte.fr', 'Contact@xn--socit-verte-ebbb.fr', 'trimmed, domain lower case (RFC 5321 §2.4: domains are case-insensitive)'],
    ['contact@société-verte.fr', 'contact@société-verte.fr', 'contact@xn--socit-verte-ebbb.fr', 'IDN domain → punycode for SMTP (RFC 5891)'],
    ['jeanne@xn--socit-verte-ebbb.fr', 'jeanne@société-verte.fr', 'jeanne@xn--socit-verte-ebbb.fr', 'browser-sent ASCII domain shown in Unicode'],
    ['contact@socie\u0301te\u0301.fr', 'contact@société.fr', 'contact@xn--socit-esab.fr', 'NFD domain stored NFC'],
    ['achats+it@exemple.fr', 'achats+it@exemple.fr', 'achats+it@exemple.fr', '`+` is atext (RFC 5322 §3.2.3)'],
    ["o'brien@exemple.ie", "o'brien@exemple.ie", "o'brien@exemple.ie", 'apostrophe is atext (RFC 5322 §3.2.3)'],
    ['Jean.Dupont@EXEMPLE.fr', 'Jean.Dupont@exemple.fr', 'Jean.Dupont@exemple.fr', 'dot-atom (RFC 5321 §4.1.2), case of local part kept'],
    ['a@b.co', 'a@b.co', 'a@b.co', 'one-letter labels (RFC 1035 §2.3.1)'],
    ['x@sub-domaine.exemple.gouv.fr', 'x@sub-domaine.exemple.gouv.fr', 'x@sub-domaine.exemple.gouv.fr', 'inner hyphen (RFC 1035 §2.3.1)'],
    ['x@пример.рф', 'x@пример.рф', 'x@xn--e1afmkfd.xn--p1ai', 'IDN top-level domain delegated by IANA'],
    ['x@exemple.paris', 'x@exemple.paris', 'x@exemple.paris', 'new gTLD delegated by IANA'],
    [`${'a'.repeat(64)}@exemple.fr`, `${'a'.repeat(64)}@exemple.fr`, `${'a'.repeat(64)}@exemple.fr`, '64-octet local part (RFC 5321 §4.5.3.1.1)'],
  ])('%j → %j, SMTP %j (%s)', (text, address, smtp) => {
    expect(readEmailAddress(text)).toEqual({ ok: true, address, smtp });
    expect(readEmailAddress(address)).toEqual({ ok: true, address, smtp });
    expect(toSmtpAddress(address)).toBe(smtp);
  });
});

describe('refused addresses, by class', () => {
  it.each<[string, EmailRefusal, string]>([
    // Local parts (RFC 5321 §4.1.2 Dot-string, RFC 5322 §3.2.3 atext).
    ['.jean@exemple.fr', 'local-part-dots', 'leading dot (RFC 5321 §4.1.2)'],
    ['jean.@exemple.fr', 'local-part-dots', 'trailing dot (RFC 5321 §4.1.2)'],
    ['jean..dupont@exemple.fr', 'local-part-dots', 'double dot (RFC 5321 §4.1.2)'],
    ['"jean dupont"@exemple.fr', 'invisible-character', 'quoted string with a space (RFC 5321 §4.1.2 SHOULD avoid)'],
    ['"jean"@exemple.fr', 'local-part-characters', 'quoted string (RFC 5321 §4.1.2 SHOULD avoid)'],
    ['(note)jean@exemple.fr', 'local-part-characters', 'comment (no comments in SMTP, RFC 5321 §4.1.2)'],
    ['jean(note)@exemple.fr', 'local-part-characters', 'trailing comment (RFC 5321 §4.1.2)'],
    ['jean,paul@exemple.fr', 'local-part-characters', 'comma is not atext (RFC 5322 §3.2.3)'],
    ['<jean@exemple.fr>', 'local-part-characters', 'angle brackets (RFC 5322 §3.2.3)'],
    ['jean@@exemple.fr', 'local-part-characters', 'two @ (RFC 5321 §4.1.2)'],
    ['jean©@exemple.fr', 'accented-local-part', 'non-ASCII symbol (RFC 5321 §2.3.1, SMTPUTF8 needed)'],
    [`${'a'.repeat(65)}@exemple.fr`, 'local-part-too-long', '65 octets (RFC 5321 §4.5.3.1.1)'],
    ['=?utf-8?q?x?=@exemple.fr', 'encoded-word', 'encoded word (RFC 2047 §5)'],
    ['=?UTF-8?B?w6k=?=@exemple.fr', 'encoded-word', 'base64 encoded word (RFC 2047 §5)'],
    // Domains (RFC 1035 §2.3.1, RFC 5891 §4.2.3.1).
    ['jean@exemple..fr', 'domain-label', 'empty label (RFC 1035 §2.3.1)'],
    ['jean@exemple.fr.', 'final-dot', 'final dot (an absolute name, not a mail domain)'],
    ['jean@exemple.fr-', 'domain-label', 'top-level label ending with a hyphen (RFC 1035 §2.3.1)'],
    ['jean@-exemple.fr', 'domain-label', 'label starting with a hyphen (RFC 1035 §2.3.1)'],
    ['jean@exemple-.fr', 'domain-label', 'label ending with a hyphen (RFC 1035 §2.3.1)'],
    ['jean@ex--emple.fr', 'domain-label', '`--` in 3rd-4th position outside xn-- (RFC 5891 §4.2.3.1)'],
    ['jean@exemple.fr©', 'unknown-top-level-domain', 'trailing © makes an extension IANA does not delegate'],
    [`jean@${'a'.repeat(64)}.fr`, 'domain-label', '64-character label (RFC 1035 §2.3.4)'],
    [`jean@${'abcdefghi.'.repeat(26)}fr`, 'domain-too-long', '253+ characters (RFC 1035 §2.3.4)'],
    ['jean@exemple_x.fr', 'domain-characters', 'underscore (RFC 1035 §2.3.1 LDH)'],
    ['jean@exemple.fr:25', 'domain-characters', 'a port'],
    ['jean@exemple.fr/chemin', 'domain-characters', 'a path'],
    ['jean@exemple.fr?cc=autre@exemple.fr', 'local-part-characters', 'a query carrying a second address'],
    ['jean@ex%41mple.fr', 'domain-characters', 'a percent-escape'],
    ['jean@[1.2.3.4]', 'address-literal', 'address literal (RFC 5321 §4.1.3, not for a form)'],
    ['jean@1.2.3.4', 'address-literal', 'IPv4 address'],
    ['jean@exemple', 'single-label-domain', 'no extension'],
    // Public names only (IANA root zone; RFC 2606, 6761, 6762, 7686, 8375, 9476).
    ['x@localhost', 'reserved-domain', 'localhost (RFC 6761 §6.3)'],
    ['x@exemple.invalid', 'reserved-domain', '.invalid (RFC 2606 §2)'],
    ['x@exemple.test', 'reserved-domain', '.test (RFC 2606 §2)'],
    ['x@exemple.localhost', 'reserved-domain', '.localhost (RFC 2606 §2)'],
    ['x@acme.example', 'reserved-domain', '.example (RFC 2606 §2)'],
    ['x@example.com', 'reserved-domain', 'example.com (RFC 2606 §3)'],
    ['x@imprimante.local', 'reserved-domain', '.local (RFC 6762)'],
    ['x@abc.onion', 'reserved-domain', '.onion (RFC 7686)'],
    ['x@routeur.home.arpa', 'reserved-domain', 'home.arpa (RFC 8375)'],
    ['x@exemple.frr', 'unknown-top-level-domain', 'top-level domain not delegated by IANA'],
    ['x@exemple.123', 'domain-label', 'numeric top-level domain (RFC 3696 §2; WHATWG URL reads it as IPv4)'],
    // Invisible characters (Unicode categories C and Z).
    ['jean\u200b@exemple.fr', 'invisible-character', 'zero-width space U+200B (Cf)'],
    ['jean@exem\u200dple.fr', 'invisible-character', 'zero-width joiner U+200D (Cf)'],
    ['je\ufeffan@exemple.fr', 'invisible-character', 'byte order mark U+FEFF (Cf)'],
    ['jean\u202e@exemple.fr', 'invisible-character', 'right-to-left override U+202E (Cf)'],
    ['jean\ue000@exemple.fr', 'invisible-character', 'private use U+E000 (Co)'],
    ['jean\ud800@exemple.fr', 'invisible-character', 'lone surrogate (Cs)'],
    ['jean\u00ad@exemple.fr', 'invisible-character', 'soft hyphen U+00AD (Cf)'],
    ['jean dupont@exemple.fr', 'invisible-character', 'space'],
    ['jean@exem\tple.fr', 'invisible-character', 'tab'],
    ['jean@exemple.fr\nBcc: x@exemple.fr', 'invisible-character', 'line break (header injection)'],
    // Shape.
    ['', 'missing-at', 'empty'],
    ['pas-une-adresse', 'missing-at', 'no @'],
    ['@exemple.fr', 'missing-at', 'no local part'],
    ['jean@', 'missing-at', 'no domain'],
  ])('%j is refused: %s (%s)', (text, reason) => {
    expect(readEmailAddress(text)).toMatchObject({ ok: false, reason });
  });
});

describe('accented local parts: refused with the unaccented suggestion (RFC 5321 §2.3.1, SMTPUTF8 of RFC 6531 is not universal)', () => {
  it.each([
    ['frédéric@orange.fr', 'frederic@orange.fr'],
    ['Élodie.Müller@exemple.fr', 'Elodie.Muller@exemple.fr'],
    ['françois@Exemple.FR', 'francois@exemple.fr'],
    ['cœur@exemple.fr', 'coeur@exemple.fr'],
  ])('%j → suggests %j', (text, suggestion) => {
    const verdict = readEmailAddress(text);
    expect(verdict).toEqual({ ok: false, reason: 'accented-local-part', suggestion });
    expect(verdict.ok === false && emailAddressMessage(verdict, 'Adresse e-mail')).toBe(
      `Adresse e-mail : la partie avant « @ » ne peut contenir ni accent ni lettre hors de l’alphabet latin simple : beaucoup de serveurs de messagerie refuseraient l’adresse. Vouliez-vous écrire « ${suggestion} » ?`,
    );
  });

  it('gives no suggestion when the letters have no unaccented form', () => {
    expect(readEmailAddress('пример@exemple.fr')).toEqual({ ok: false, reason: 'accented-local-part' });
  });
});

describe('reserved names a caller allows', () => {
  it.each([
    ['x@acme.example', ['example'] as const, { ok: true, address: 'x@acme.example', smtp: 'x@acme.example', reserved: 'example' }],
    ['x@acme.test', ['example'] as const, { ok: false, reason: 'reserved-domain', detail: 'test' }],
  ])('%j with %j allowed', (text, allowReserved, verdict) => {
    expect(readEmailAddress(text, { allowReserved })).toEqual(verdict);
  });
});

describe('messages name the field and the cause, in French', () => {
  it.each([
    ['x@exemple.test', 'Adresse e-mail : « test » est un nom de domaine réservé (essais, documentation ou réseau local) : aucune messagerie publique n’y répond. Indiquez une adresse réelle.'],
    ['x@exemple.frr', 'Adresse e-mail : l’extension « .frr » n’existe pas (ex. .fr, .com, .eu) : vérifiez la fin de l’adresse.'],
    ['jean..x@exemple.fr', 'Adresse e-mail : la partie avant « @ » ne peut ni commencer ni finir par un point, ni contenir deux points de suite.'],
    ['jean\u200b@exemple.fr', 'Adresse e-mail : l’adresse contient une espace ou un caractère invisible (souvent apporté par un copier-coller) : retapez-la.'],
  ])('%j', (text, message) => {
    const verdict = readEmailAddress(text);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(emailAddressMessage(verdict, 'Adresse e-mail')).toBe(message);
  });
});

describe('the CMS shape pattern refuses nothing the rule accepts, and the shape errors the rule refuses', () => {
  const shape = new RegExp(EMAIL_SHAPE_PATTERN);
  it.each([
    ['contact@société-verte.fr', true],
    ['achats+it@exemple.fr', true],
    ['frédéric@orange.fr', false],
    ['.jean@exemple.fr', false],
    ['jean..x@exemple.fr', false],
    ['jean@exemple.fr.', false],
    ['a"b@exemple.fr', false],
    ['(note)x@exemple.fr', false],
    ['jean@exemple', false],
  ])('%j → %s', (text, accepted) => {
    expect(shape.test(text)).toBe(accepted);
    if (readEmailAddress(text).ok) expect(accepted).toBe(true);
  });
});
