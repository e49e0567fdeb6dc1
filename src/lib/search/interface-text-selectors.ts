/**
 * The interface text of the indexed pages that search leaves out: the words
 * the site prints on every profile of a kind (labels, fixed headings, notices,
 * the order button, each order's line of amount, kind, date and status), as
 * opposed to what the page says about its startup, buyer or order (name,
 * tagline, commune, sectors, technologies, presentation, offers, order titles
 * and parties, testimonials), which stays searchable.
 *
 * Why: a query for « commande » or « secteurs » found every profile alike, and
 * these repeated words made most of the index's posting lists. Leaving them
 * out (issue 13, measured on the 12 010 pages indexed at 10 000 startups):
 * Pagefind's writing of the index 6.4 s against 10.3 s and its peak memory
 * 945 MB against 1 461 MB, measured on the same pages one after the other;
 * the index, in `npm run bench:build`, 10 730 724 bytes against 13 973 390.
 *
 * Given to Pagefind as `excludeSelectors` (https://pagefind.app/docs/config-options/#exclude-selectors,
 * the Node API's `createIndex` option), so the pages' HTML is unchanged. Pagefind
 * matches them with lol_html's selectors (descendant and child combinators,
 * classes, `:not`). They name the classes of `src/components/StartupProfile.tsx`,
 * `BuyerProfile.tsx`, `OrderList.tsx` and `WebsiteFact.tsx`; the test
 * `tests/unit/build/pagefind-index.test.ts` indexes those components' HTML.
 */
export const INTERFACE_TEXT_SELECTORS = [
  // A profile's fact labels (« Commune », « Secteurs », « SIREN »…); the values (dd) stay, and so
  // do the labels of the legal pages' facts (SettingsBlock.tsx: « Hébergeur »…), which are their content.
  '.profile .facts dt',
  // A profile's own section headings (« Présentation », « Bons de commande reçus »…);
  // headings inside the Markdown body (.prose) stay.
  '.profile > section > h2',
  // A profile's section text that stands for no item (« Aucun bon de commande enregistré… »).
  '.profile > section > p',
  // The sample startup's notice and the order-request button.
  '.profile__header .notice',
  '.profile__header .button',
  // « Prix indicatif : 4 400 € HT »; the offer's kind (.tag) stays.
  '.offer__meta > span:not(.tag)',
  // Each order's amount, kind, date and status on a profile; the results page keeps them.
  '.profile .order__meta',
] as const;
