/**
 * The preposition « de » before a name, elided before a vowel: « d’Atelier
 * Numérique », « d’Élan Robotique », but « de Rhin Logiciels » (the elision of
 * « de » before a word starting with a vowel: Académie française, *Dictionnaire*,
 * « de », and Grevisse, *Le Bon Usage*, § 45). A name starting with « h » keeps
 * « de »: whether its h is mute (« d’Hôpital ») or aspirated (« de Haguenau »)
 * depends on the word, and no rule tells them apart.
 * @param name a name as typed (organisation, company), in Unicode NFC
 * @returns `d’` + name before a vowel (a e i o u y, accented or not, æ œ), else `de ` + name
 */
export function deName(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüÿæœ]/iu.test(name) ? `d’${name}` : `de ${name}`;
}
