/**
 * The top-level domains delegated in the DNS root zone, from the `tlds` package
 * (generated from IANA's https://data.iana.org/TLD/tlds-alpha-by-domain.txt,
 * the first level of the ICANN section of the Public Suffix List). Names are in
 * their Unicode form (`рф`, not `xn--p1ai`). About 5.5 KB gzip in the browser:
 * the form pages carry the same list as the functions, so both give one verdict.
 */
import tlds from 'tlds/index.json' with { type: 'json' };

const DELEGATED = new Set<string>(tlds);

/**
 * True when `label` (lower case, Unicode form) is a top-level domain delegated
 * by IANA. Special-use names (`test`, `example`, `invalid`, `localhost`,
 * `local`, `onion`…) are never delegated: they are refused here too.
 */
export function isDelegatedTopLevelDomain(label: string): boolean {
  return DELEGATED.has(label);
}
