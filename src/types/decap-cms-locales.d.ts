/** decap-cms-locales ships no types: each export is a phrase tree for `CMS.registerLocale`. */
declare module 'decap-cms-locales' {
  export const fr: Record<string, unknown>;
}
