/**
 * `astro build` on the real content and on fixture sets: pages and figures are
 * checked by their text, private fields by grepping every built file, and bad
 * content must fail the build naming the file, the field and the reason.
 */
import { readdirSync } from 'node:fs';
import { cp, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/astro-build.ts';
import { buildOrdersFixtureOnce, ORDERS_FIXTURE as FIXTURE, readOrdersFixtureBuildLog } from '../helpers/fixture-site.ts';
import { listFiles, readPage, textOf } from '../helpers/dist-files.ts';
import { PROJECT_ROOT, REAL_SITE_DIST, TEST_TMP } from '../helpers/paths.ts';
import { buildModelContext } from '../../src/lib/content-model/build-model-context.ts';
import type { FolderCollection } from '../../src/lib/content-model/collections.ts';
import { entryIdFromFile } from '../../src/lib/content-model/entry-slug.ts';
import { readSiteSettings } from '../../src/lib/content-model/read-settings.ts';
import { buildCollectionSchemas } from '../../src/lib/content-model/schemas.ts';
import { retentionFromSettings } from '../../src/lib/forms/retention.ts';


async function orderContactEmails(contentDir: string): Promise<string[]> {
  const files = (await listFiles(join(contentDir, 'startups'))).filter((file) => file.endsWith('.md'));
  const emails = await Promise.all(
    files.map(async (file) => parseFrontmatter(await readFile(join(contentDir, 'startups', file), 'utf8')).frontmatter['order_contact_email']),
  );
  return emails.map(String);
}

async function expectNowhereIn(root: string, secrets: readonly string[]): Promise<void> {
  for (const file of await listFiles(root)) {
    const content = await readFile(join(root, file), 'utf8');
    for (const secret of secrets) expect(content.includes(secret), `${secret} found in ${file}`).toBe(false);
  }
}

describe('site built from content/', () => {
  it('has every page, all in French', async () => {
    const pages = (await listFiles(REAL_SITE_DIST)).filter((file) => file.endsWith('.html')).sort();
    expect(pages).toEqual(
      expect.arrayContaining([
        '404.html',
        'index.html',
        'startups/index.html',
        'startups/demo-capteurs-rhin/index.html',
        'acheteurs/index.html',
        'acheteurs/ville-de-mulhouse/index.html',
        'acheteurs/m2a/index.html',
        'acheteurs/thurmelec/index.html',
        'resultats/index.html',
        'actualites/index.html',
        'programme/index.html',
        'charte/index.html',
        'guide-acheteurs/index.html',
        'guide-startups/index.html',
        'mentions-legales/index.html',
        'confidentialite/index.html',
        'accessibilite/index.html',
        'admin/index.html',
      ]),
    );
    for (const page of pages) expect(await readFile(join(REAL_SITE_DIST, page), 'utf8')).toMatch(/^<!DOCTYPE html><html lang="fr"/i);
    // The editors' guide is a draft page, read in the CMS only.
    expect(pages).not.toContain('guide-editeurs/index.html');
  });

  it('shows key figures computed from content on the home page', async () => {
    const text = textOf(await readPage(REAL_SITE_DIST, '/'));
    // Only samples and no order yet: true sentences, no count of fictional startups, no row of zeros.
    expect(text).toContain('3 acheteurs engagés');
    expect(text).toContain('L’annuaire ouvre : les premières startups du DAS numérique y seront présentées dès leur admission.');
    expect(text).toContain('Aucun bon de commande n’est encore enregistré sur ce site');
    expect(text).toContain('4 fiches d’exemple fictives, signalées par le badge « Exemple », ne sont pas comptées.');
    expect(text).not.toMatch(/\b0 (bon|€)|startups du DAS numérique 4|4 startups du DAS/);
    expect(text).toContain('jusqu’à 15 000 € HT');
  });

  it('never publishes a startup’s private order contact e-mail', async () => {
    const secrets = await orderContactEmails(join(PROJECT_ROOT, 'content'));
    expect(secrets.length).toBe(4);
    await expectNowhereIn(REAL_SITE_DIST, secrets);
  });

  it('renders a startup profile as static HTML, with its offers, badge and French dates', async () => {
    const html = await readPage(REAL_SITE_DIST, '/startups/demo-capteurs-rhin/');
    expect(html).not.toMatch(/<script/);
    const text = textOf(html);
    expect(text).toContain('Démo Capteurs Rhin Exemple');
    expect(text).toContain('Membre du DAS numérique depuis le 15 mars 2024');
    expect(text).toContain('Prix indicatif : 12 000 € HT');
    expect(text).toContain('Aucun bon de commande enregistré pour l’instant.');
  });

  it('never publishes « à compléter »: missing legal facts are listed in a warning naming their settings', async () => {
    const published = (await listFiles(REAL_SITE_DIST)).filter((file) => /\.(html|json|csv|xml)$/.test(file));
    expect(published.length).toBeGreaterThan(40);
    for (const file of published) expect(textOf(await readFile(join(REAL_SITE_DIST, file), 'utf8')), file).not.toMatch(/à compléter/i);
    const legal = textOf(await readPage(REAL_SITE_DIST, '/mentions-legales/'));
    expect(legal).toContain('Page incomplète : version de travail.');
    expect(legal).toContain('Directeur ou directrice de la publication ( legal_publication_director )');
    expect(legal).toContain('Hébergeur Netlify, Inc.');
    const privacy = textOf(await readPage(REAL_SITE_DIST, '/confidentialite/'));
    expect(privacy).toContain('Contact du délégué à la protection des données (DPO) ( privacy_dpo_contact )');
    const accessibility = textOf(await readPage(REAL_SITE_DIST, '/accessibilite/'));
    expect(accessibility).toContain('Date de la déclaration d’accessibilité ( accessibility_statement_date )');
  });

  it('tells the truth about the submissions in the privacy notice: Netlify Database, the region setting, the durations of the settings', async () => {
    const privacy = textOf(await readPage(REAL_SITE_DIST, '/confidentialite/'));
    expect(privacy).toContain('base de données PostgreSQL gérée par Netlify pour le compte de l’éditeur (Netlify Database)');
    expect(privacy).toContain('Région où les envois des formulaires sont traités et conservés ( privacy_storage_region )');
    expect(privacy).not.toMatch(/Blobs|espace de stockage/);
    const retention = retentionFromSettings(readSiteSettings(join(PROJECT_ROOT, 'content')));
    expect(privacy).toContain(`Candidature d’une startup ${retention.months.candidature} mois après sa réception`);
    expect(privacy).toContain(`Demande de premier bon de commande ${retention.months['demande-bon-de-commande']} mois après sa réception`);
    expect(privacy).toContain(`Engagement d’un acheteur ${retention.months['engagement-acheteur']} mois après sa réception`);
    expect(privacy).toContain(`Envoi rejeté comme abusif ${retention.spamDays} jours`);
  });

  it('offers no fictional sample in the order form: with samples only, it says the directory is opening; a sample profile has no order button', async () => {
    const html = await readPage(REAL_SITE_DIST, '/demander-un-bon-de-commande/');
    const select = /<select[^>]*id="champ-startup"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!;
    expect([...select.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1])).toEqual(['sans-preference']);
    const text = textOf(html);
    expect(text).toContain('L’annuaire ouvre : les premières startups du DAS numérique y seront présentées dès leur admission.');
    expect(text).not.toContain('Démo Capteurs Rhin');
    const profile = textOf(await readPage(REAL_SITE_DIST, '/startups/demo-capteurs-rhin/'));
    expect(profile).toContain('ne peut pas recevoir de demande de bon de commande');
    expect(profile).not.toContain('Demander un premier bon de commande');
  });

  it('fails a production build (CONTEXT=production) naming each missing legal setting', async () => {
    const outDir = join(TEST_TMP, 'dist-production-context');
    const result = await buildSite({ outDir, context: 'production' });
    await rm(outDir, { recursive: true, force: true });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain('content/settings/site.yml : informations légales manquantes : legal_publisher (Éditeur du site (personne morale))');
    expect(result.output).toContain('privacy_dpo_contact (Contact du délégué à la protection des données (DPO))');
    expect(result.output).toContain('accessibility_test_environment');
    expect(result.output).toContain('ne peut pas être publié en production');
  });

  it('says only what the source establishes about a real buyer: kind, unknown date, source', async () => {
    const text = textOf(await readPage(REAL_SITE_DIST, '/acheteurs/thurmelec/'));
    expect(text).toContain('Nature de l’engagement Engagement moral');
    expect(text).toContain('Date de l’engagement Non connue : la source ne la précise pas');
    expect(text).toContain('Source « Un “Premier bon de commande” pour booster les startups », article de Christophe Schmitt paru dans la presse régionale le 3 octobre 2018');
    expect(text).toContain('Contact nommé Pas encore désigné : l’équipe du programme transmet les demandes');
    expect(text).toContain('Bons de commande passés 0');
    expect(text).not.toContain('Charte signée');
    const list = textOf(await readPage(REAL_SITE_DIST, '/acheteurs/'));
    expect(list).toContain('3 acheteurs engagés dans la démarche.');
    expect(list).not.toMatch(/ont signé|Charte signée le/);
  });

  it('marks the charter as a proposal awaiting the team’s validation while the setting says so', async () => {
    const text = textOf(await readPage(REAL_SITE_DIST, '/charte/'));
    expect(text).toContain('Proposition en attente de validation');
  });

  it('indexes startups, buyers, news, pages and results for search, in French', async () => {
    const entry = JSON.parse(await readFile(join(REAL_SITE_DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    // 4 startups, 3 buyers, 2 news items, 7 pages and the results page; listings, forms and the 404 stay out.
    expect(entry.languages).toEqual({ fr: expect.objectContaining({ page_count: 17 }) });
    expect(await listFiles(join(REAL_SITE_DIST, 'pagefind'))).toContain('pagefind.js');
    const profile = await readPage(REAL_SITE_DIST, '/startups/demo-capteurs-rhin/');
    expect(profile).toContain('data-pagefind-body data-pagefind-meta="type:Startup" data-pagefind-filter="type:Startup"');
  });

  it('ships no JavaScript on profiles, one script module on the home page (editor invitation links) and on the directory, with its compact index', async () => {
    // JSON-LD blocks are data for search engines, not scripts the browser runs.
    const executableScripts = (html: string) => (html.match(/<script[^>]*>/g) ?? []).filter((tag) => tag !== '<script type="application/ld+json">');
    for (const path of ['/startups/demo-capteurs-rhin/', '/acheteurs/m2a/', '/actualites/ouverture-du-site/']) {
      expect(executableScripts(await readPage(REAL_SITE_DIST, path)), path).toEqual([]);
    }
    // Netlify Identity's invitation and reset e-mails link to the site root: a small module sends them on to /compte-editeur/.
    expect(executableScripts(await readPage(REAL_SITE_DIST, '/'))).toEqual([expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js">$/)]);
    expect(await readPage(REAL_SITE_DIST, '/acheteurs/m2a/')).toContain('<script type="application/ld+json">');
    expect(executableScripts(await readPage(REAL_SITE_DIST, '/startups/'))).toEqual([expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js">$/)]);
    const index = JSON.parse(await readFile(join(REAL_SITE_DIST, 'startups', 'index-annuaire.json'), 'utf8'));
    expect(index.startups.map((startup: { slug: string }) => startup.slug)).toEqual(['bac-a-sable-cyber', 'demo-capteurs-rhin', 'fictilab-jumeaux', 'maquette-mobilite-sud']);
    expect(index.facets.offre.map((value: { slug: string }) => value.slug)).toEqual(['prototype', 'etude', 'pilote']);
    const text = textOf(await readPage(REAL_SITE_DIST, '/startups/offre/pilote/'));
    expect(text).toContain('Startups : type d’offre Pilote');
    expect(text).toContain('2 startups.');
  });

  it('uses French spacing in rendered Markdown and the ceiling from settings', async () => {
    const html = await readPage(REAL_SITE_DIST, '/charte/');
    expect(html).toMatch(/\u00a0:/);
    expect(html).not.toMatch(/[^\s\u00a0] :/);
    expect(html).toContain('plafond de 15\u202f000\u00a0€\u00a0HT');
    // Every public page (the CMS configuration in admin/ holds Decap's own `{{slug}}` templates).
    for (const page of (await listFiles(REAL_SITE_DIST)).filter((file) => file.endsWith('.html') && !file.startsWith('admin/'))) {
      expect(await readFile(join(REAL_SITE_DIST, page), 'utf8'), page).not.toContain('{{');
    }
  });
});

describe('site built from a fixture with orders, on a machine in Auckland', () => {
  it('builds, reads CMS-style values right and shows figures and dates in Paris time', async () => {
    // The run's one build of this fixture (`fixture-site.ts`), in Auckland; every legal fact is set in it: the production context builds.
    const outDir = await buildOrdersFixtureOnce();
    expect(await readOrdersFixtureBuildLog()).not.toContain('informations légales manquantes');

    const home = textOf(await readPage(outDir, '/'));
    expect(home).toContain('1 startup du DAS numérique');
    expect(home).toContain('1 acheteur engagé');
    expect(home).toContain('2 bons de commande passés');
    expect(home).toContain('29 999,50 € HT commandés au total');
    expect(home).not.toContain('fiche d’exemple');

    const results = textOf(await readPage(outDir, '/resultats/'));
    // Newest first; the CMS instant 2025-03-14T23:00:00.000Z is 15 March in Paris.
    expect(results).toMatch(/Étude de faisabilité .* 15 000 € HT · Étude · commandé le 1er janvier 2026 · Bon de commande signé/);
    expect(results).toMatch(/Prototype de capteur .* 14 999,50 € HT · Prototype · commandé le 15 mars 2025 · Livré/);
    expect(results).toContain('« Un essai utile : nous continuons ! »');
    // Totals by year (of the Paris date) and by kind, on the results page and the home page.
    for (const text of [results, home]) {
      expect(text).toContain('Par année (date du bon de commande) Année Bons de commande Montant total 2026 1 15 000 € HT 2025 1 14 999,50 € HT');
      expect(text).toContain('Par type de commande Type Bons de commande Montant total Prototype 1 14 999,50 € HT Étude 1 15 000 € HT Pilote 0 0 € HT');
    }

    const buyer = textOf(await readPage(outDir, '/acheteurs/acheteur-test/'));
    expect(buyer).toContain('Nature de l’engagement Charte signée');
    expect(buyer).toContain('Date de l’engagement 15 mars 2025');
    expect(buyer).toContain('Bons de commande passés 2');

    const startup = textOf(await readPage(outDir, '/startups/atelier-test/'));
    expect(startup).toContain('Membre du DAS numérique depuis le 1er mars 2024');
    expect(startup).toContain('Prix indicatif : 14 999,50 € HT');
    expect(startup).not.toContain('Site web');
    // The uploaded logo is served resized, as WebP, never the original upload.
    const logo = /<img class="profile__logo" src="(\/_astro\/logo-atelier-test\.[^"]+\.webp)" width="160" height="80" alt="Logo de l’Atelier Test"/.exec(
      await readPage(outDir, '/startups/atelier-test/'),
    );
    expect(logo?.[1]).toBeDefined();
    const webp = await sharp(join(outDir, logo![1]!)).metadata();
    expect([webp.format, webp.width, webp.height]).toEqual(['webp', 320, 160]);

    const files = await listFiles(outDir);
    expect(files).not.toContain('startups/brouillon-test/index.html');
    // Astro keeps a hashed copy of an imported original in _astro/; no page links to it.
    expect(files).toContain(logo![1]!.slice(1));
    expect(await readPage(outDir, '/startups/atelier-test/')).not.toMatch(/logo-atelier-test[^"]*\.png/);
    // A news item's image goes through the same pipeline, at the text's width.
    const newsPage = await readPage(outDir, '/actualites/nouvelle-test/');
    const newsImage = /<img class="news__image" src="(\/_astro\/logo-atelier-test\.[^"]+\.webp)" width="640" height="320" alt="Logo de l’Atelier Test à l’atelier"/.exec(newsPage);
    expect(newsImage?.[1]).toBeDefined();
    const newsWebp = await sharp(join(outDir, newsImage![1]!)).metadata();
    // Twice the display width, but never enlarged: this original is 480 × 240.
    expect([newsWebp.format, newsWebp.width, newsWebp.height]).toEqual(['webp', 480, 240]);
    expect(newsPage).not.toMatch(/logo-atelier-test[^"]*\.png/);
    await expectNowhereIn(outDir, await orderContactEmails(FIXTURE));
  });
});

/**
 * Bad content fails the build naming the file, the field and the reason. Each
 * kind of failure is proven once by a real build: a schema error, unreadable
 * YAML, a file name, broken relations. The other schema errors are checked on
 * the same edited fixture file with what the build runs on it, without a build:
 * the front-matter parser of Astro's glob loader (`parseFrontmatter`) and the
 * collection schema in the fixture's context (`buildModelContext`); a twin file
 * name with the loader's id rule on the fixture folder (`entryIdFromFile`).
 */
describe('bad content fails the build, naming the file, the field and the reason', () => {
  /** Copy the fixture, apply `mutate` to it, build, return the log. */
  async function buildBroken(name: string, mutate: (contentDir: string) => Promise<void>): Promise<string> {
    const contentDir = join(TEST_TMP, `broken-${name}`);
    await rm(contentDir, { recursive: true, force: true });
    await cp(FIXTURE, contentDir, { recursive: true });
    await mutate(contentDir);
    const result = await buildSite({ contentDir, outDir: join(TEST_TMP, `dist-broken-${name}`) });
    expect(result.exitCode).not.toBe(0);
    return result.output;
  }

  /** A file's text with `from` replaced by `to` (the edit must change it). */
  function edited(before: string, from: string | RegExp, to: string): string {
    const after = before.replace(from, to);
    expect(after).not.toBe(before);
    return after;
  }

  async function edit(contentDir: string, file: string, from: string | RegExp, to: string): Promise<void> {
    const path = join(contentDir, file);
    await writeFile(path, edited(await readFile(path, 'utf8'), from, to));
  }

  /** The issues the build's schema check finds in a fixture file edited in memory, one `field: message` line each, as the build log lists them. */
  async function schemaIssues(file: string, from: string | RegExp, to: string): Promise<string> {
    const collection = file.split('/')[0] as FolderCollection['name'];
    const schemas = buildCollectionSchemas(buildModelContext(FIXTURE, readSiteSettings(FIXTURE)));
    const text = edited(await readFile(join(FIXTURE, file), 'utf8'), from, to);
    const result = schemas[collection].safeParse(parseFrontmatter(text).frontmatter);
    expect(result.success).toBe(false);
    return result.error!.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('\n');
  }

  const SCHEMA_CASES: [string, string, string, string, RegExp][] = [
    ['postcode', 'startups/atelier-test.md', "postcode: '68100'", 'postcode: 06000', /postcode: Texte attendu, pas le nombre 6000/],
    ['siren', 'startups/atelier-test.md', "siren: '732829320'", 'siren: 732829320', /siren: Texte attendu, pas le nombre 732829320/],
    ['date', 'orders/commande-deux.md', 'ordered_on: 2026-01-01', "ordered_on: '03/04/2024'", /ordered_on: Date attendue au format AAAA-MM-JJ/],
    ['empty-date', 'orders/commande-deux.md', 'ordered_on: 2026-01-01', "ordered_on: ''", /ordered_on: Champ obligatoire/],
    ['amount', 'orders/commande-deux.md', 'amount_ht: 15000', 'amount_ht: 15000.01', /amount_ht: Montant supérieur au plafond du programme \(15 000 € HT\)/],
    ['empty-amount', 'orders/commande-deux.md', 'amount_ht: 15000', "amount_ht: ''", /amount_ht: Champ obligatoire/],
    [
      'missing-upload',
      'startups/atelier-test.md',
      "logo: '/uploads/logo-atelier-test.png'",
      "logo: '/uploads/logo-absent.png'",
      /logo: Fichier introuvable : \/uploads\/logo-absent\.png n’a pas été téléversé/,
    ],
    ['unknown-key', 'buyers/acheteur-test.md', "kind: 'pme-eti'", "kind: 'pme-eti'\ncontact_email: 'x@y.fr'", /Champ inconnu : contact_email/],
    // Text hygiene (text-hygiene.ts): a right-to-left override in a one-line field is refused, naming it.
    ['bidi-name', 'startups/atelier-test.md', "name: 'Atelier Test'", "name: 'Atelier \u202eTest'", /name: Caractère invisible de sens d’écriture interdit \(U\+202E\)/],
  ];

  it('a schema error fails the build: the log names the file, the field and the reason (postcode read as a number)', async () => {
    const [name, file, from, to, reason] = SCHEMA_CASES[0]!;
    const output = (await buildBroken(name, (dir) => edit(dir, file, from, to))).replace(/[\u00a0\u202f]/g, ' ');
    expect(output).toContain(join(TEST_TMP, `broken-${name}`, file));
    expect(output).toMatch(reason);
  });

  it.each(SCHEMA_CASES)('%s: the schema refuses the edited file with the reason the build prints', async (_name, file, from, to, reason) => {
    expect((await schemaIssues(file, from, to)).replace(/[\u00a0\u202f]/g, ' ')).toMatch(reason);
  });

  it('a front matter that is not YAML: file, line (counted from the file’s first line), field and what to do, in French', async () => {
    // `: ` inside an unquoted value (YAML 1.2 §7.3.3); the title is on line 2, under the opening `---`.
    const output = await buildBroken('yaml-colon', (dir) => edit(dir, 'news/nouvelle-test.md', "title: 'Nouvelle de test'", 'title: Appel à projets : édition 2025'));
    expect(output).toContain(
      'YAML illisible dans tmp/tests/broken-yaml-colon/news/nouvelle-test.md, ligne 2, champ title : la valeur contient « : » (deux-points suivi d’une espace), que YAML lit comme un nouveau champ : mettez le texte entre guillemets, par exemple « title: "Appel à projets : édition 2025" ».',
    );
    expect(output).not.toMatch(/bad indentation of a mapping entry/);
  });

  it('a file name with accents or spaces', async () => {
    const output = await buildBroken('slug', (dir) => rename(join(dir, 'news/nouvelle-test.md'), join(dir, 'news/Nouvelle été.md')));
    expect(output).toContain(`Nom de fichier invalide : tmp/tests/broken-slug/news/Nouvelle été.md.`);
  });

  it('two files giving one address (what Decap writes for « Nouvelle_test » beside nouvelle-test.md): the loader’s id rule names both', async () => {
    const folder = join(TEST_TMP, 'broken-twins', 'news');
    await rm(folder, { recursive: true, force: true });
    await cp(join(FIXTURE, 'news'), folder, { recursive: true });
    await cp(join(folder, 'nouvelle-test.md'), join(folder, 'nouvelle_test.md'));
    const listFolder = () => readdirSync(folder).filter((file) => file.endsWith('.md'));
    expect(entryIdFromFile('nouvelle-test.md', 'tmp/tests/broken-twins/news', listFolder)).toBe('nouvelle-test');
    expect(() => entryIdFromFile('nouvelle_test.md', 'tmp/tests/broken-twins/news', listFolder)).toThrow(
      'Deux fichiers donnent la même adresse /nouvelle-test/ : tmp/tests/broken-twins/news/nouvelle_test.md et tmp/tests/broken-twins/news/nouvelle-test.md.',
    );
  });

  it('orders naming a startup that does not exist and a draft startup: one build lists both', async () => {
    const output = await buildBroken('relations', async (dir) => {
      await edit(dir, 'orders/commande-un.md', "startup: 'atelier-test'", "startup: 'fantome'");
      await edit(dir, 'orders/commande-deux.md', "startup: 'atelier-test'", "startup: 'brouillon-test'");
    });
    expect(output).toContain('tmp/tests/broken-relations/orders/commande-un.md — startup : aucune startup publiée « fantome »');
    expect(output).toContain('tmp/tests/broken-relations/orders/commande-deux.md — startup : aucune startup publiée « brouillon-test »');
  });
});
