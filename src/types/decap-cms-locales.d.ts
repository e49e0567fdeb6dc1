/** decap-cms-locales ships no types: each export is a phrase tree for `CMS.registerLocale` (nested keys, Polyglot strings). */
declare module 'decap-cms-locales' {
  import type { Phrases } from '../lib/cms/complete-french-locale.ts';
  export const fr: Phrases;
}

/** One locale's own module (`dist/esm/fr/index.js`), which Node can load where the package root, a UMD bundle, needs a browser. */
declare module 'decap-cms-locales/dist/esm/*/index.js' {
  import type { Phrases } from '../lib/cms/complete-french-locale.ts';
  const phrases: Phrases;
  export default phrases;
}
