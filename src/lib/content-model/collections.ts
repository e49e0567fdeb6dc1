/**
 * The content model of the site: every collection and its fields, defined once.
 * `to-zod.ts` derives the Astro content schemas from it and `to-decap.ts` the
 * Decap CMS collections; `tests/unit/content-model` proves the two agree.
 */
import type { EntryData, FieldDefinition, FieldPattern } from './fields.ts';
import { entryNamePattern } from './entry-slug.ts';

/** Kinds of first order a startup can offer and a buyer can place. */
export const ORDER_KINDS = [
  { value: 'prototype', label: 'Prototype' },
  { value: 'etude', label: 'Étude' },
  { value: 'pilote', label: 'Pilote' },
] as const;

/** Kinds of committed buyers. */
export const BUYER_KINDS = [
  { value: 'public', label: 'Acteur public' },
  { value: 'grande-entreprise', label: 'Grande entreprise' },
  { value: 'pme-eti', label: 'PME ou ETI' },
  { value: 'autre', label: 'Autre' },
] as const;

/**
 * What a buyer's commitment is, as far as a source shows: a moral commitment
 * (what the 2018 press article reports) or a signed charter (a signed document).
 */
export const COMMITMENT_KINDS = [
  { value: 'engagement-moral', label: 'Engagement moral' },
  { value: 'charte-signee', label: 'Charte signée' },
] as const;

/** Life cycle of a placed order. */
export const ORDER_STATUSES = [
  { value: 'signe', label: 'Bon de commande signé' },
  { value: 'en-cours', label: 'En cours de réalisation' },
  { value: 'livre', label: 'Livré' },
] as const;

/** Which block of settings a page shows above its text. */
export const PAGE_SETTINGS_BLOCKS = [
  { value: 'legal-notice', label: 'Mentions légales (éditeur, hébergeur)' },
  { value: 'privacy', label: 'Confidentialité (contact données personnelles)' },
  { value: 'accessibility', label: 'Accessibilité (état de conformité)' },
  { value: 'charter', label: 'Charte (état de validation du texte)' },
] as const;

/** RGAA compliance levels, as worded in an accessibility statement. */
export const ACCESSIBILITY_COMPLIANCE = [
  { value: 'non-conforme', label: 'Non conforme' },
  { value: 'partiellement-conforme', label: 'Partiellement conforme' },
  { value: 'totalement-conforme', label: 'Totalement conforme' },
] as const;

/** French postcode: five digits, written as text so that `06000` keeps its zero. */
const POSTCODE_PATTERN: FieldPattern = {
  source: '^\\d{5}$',
  message: 'Code postal à 5 chiffres, écrit comme du texte (ex. 68100).',
};

/** SIREN: nine digits without spaces (the Luhn key is checked too). */
const SIREN_PATTERN: FieldPattern = {
  source: '^\\d{9}$',
  message: 'Numéro SIREN à 9 chiffres, sans espace (ex. 356000000).',
};

/** Smallest amount in euros HT: one cent (amounts must be positive). */
export const MIN_AMOUNT_HT = 0.01;

/** Hint of an alternative-text field: the build refuses an image without one. */
const ALT_HINT = 'Obligatoire dès qu’une image est choisie : décrivez ce qu’elle montre (ex. « Logo d’Acme Robotique »).';

const draftField = {
  kind: 'boolean',
  name: 'draft',
  label: 'Brouillon',
  hint: 'Une entrée en brouillon n’apparaît pas sur le site.',
  required: false,
  default: false,
} as const satisfies FieldDefinition;

const offerFields = [
  { kind: 'string', name: 'title', label: 'Intitulé', required: true, maxLength: 120 },
  { kind: 'select', name: 'kind', label: 'Type', required: true, options: ORDER_KINDS },
  {
    kind: 'number',
    name: 'price_ht',
    label: 'Prix indicatif (€ HT)',
    hint: 'En euros hors taxes, au plus le plafond du programme.',
    required: false,
    min: MIN_AMOUNT_HT,
    max: 'ceiling',
  },
  { kind: 'text', name: 'description', label: 'Description', required: false, maxLength: 600 },
] as const satisfies readonly FieldDefinition[];

/** Fields of a DAS startup; the Markdown body is its presentation. */
export const startupFields = [
  { kind: 'string', name: 'name', label: 'Nom', required: true, pattern: entryNamePattern(120) },
  {
    kind: 'string',
    name: 'tagline',
    label: 'Accroche',
    hint: 'Une phrase, 160 caractères au plus.',
    required: true,
    maxLength: 160,
  },
  { kind: 'image', name: 'logo', label: 'Logo', required: false, altField: 'logo_alt' },
  { kind: 'string', name: 'logo_alt', label: 'Texte alternatif du logo', hint: ALT_HINT, required: false, maxLength: 160 },
  {
    kind: 'select',
    name: 'sectors',
    label: 'Secteurs',
    hint: 'Liste modifiable dans Réglages du site.',
    required: true,
    options: 'sectors',
    multiple: true,
    minItems: 1,
  },
  {
    kind: 'select',
    name: 'technologies',
    label: 'Technologies',
    hint: 'Liste modifiable dans Réglages du site.',
    required: false,
    options: 'technologies',
    multiple: true,
  },
  {
    kind: 'object-list',
    name: 'offers',
    label: 'Offres de premier bon de commande',
    labelSingular: 'offre',
    hint: 'Ce qu’un acheteur peut commander : prototype, étude ou pilote.',
    required: true,
    minItems: 1,
    fields: offerFields,
    summaryField: 'title',
  },
  { kind: 'string', name: 'commune', label: 'Commune', required: true, maxLength: 80 },
  { kind: 'string', name: 'postcode', label: 'Code postal', required: true, pattern: POSTCODE_PATTERN },
  { kind: 'string', name: 'website', label: 'Site web', required: false, format: 'url' },
  { kind: 'string', name: 'siren', label: 'SIREN', required: true, pattern: SIREN_PATTERN, checksum: 'siren' },
  { kind: 'date', name: 'member_since', label: 'Membre du DAS depuis le', required: true },
  { kind: 'string', name: 'public_contact_email', label: 'E-mail de contact public', required: false, format: 'email' },
  {
    kind: 'string',
    name: 'order_contact_email',
    label: 'E-mail privé pour les demandes de commande',
    hint: 'Jamais affiché sur le site : reçoit les demandes de premier bon de commande.',
    required: true,
    format: 'email',
  },
  {
    kind: 'boolean',
    name: 'sample',
    label: 'Fiche d’exemple',
    hint: 'Cochée pour une startup fictive : le site affiche un badge « Exemple ».',
    required: false,
    default: false,
  },
  draftField,
] as const satisfies readonly FieldDefinition[];

/** Fields of a committed buyer; the Markdown body is its commitment text. */
export const buyerFields = [
  { kind: 'string', name: 'name', label: 'Nom', required: true, pattern: entryNamePattern(120) },
  { kind: 'select', name: 'kind', label: 'Type d’acheteur', required: true, options: BUYER_KINDS },
  {
    kind: 'string',
    name: 'sector',
    label: 'Secteur d’activité',
    hint: 'Laissez vide si aucune source ne l’indique.',
    required: false,
    maxLength: 80,
  },
  { kind: 'image', name: 'logo', label: 'Logo', required: false, altField: 'logo_alt' },
  { kind: 'string', name: 'logo_alt', label: 'Texte alternatif du logo', hint: ALT_HINT, required: false, maxLength: 160 },
  {
    kind: 'select',
    name: 'commitment_kind',
    label: 'Nature de l’engagement',
    hint: 'Ce que la source établit : un engagement moral, ou une charte effectivement signée.',
    required: true,
    options: COMMITMENT_KINDS,
  },
  {
    kind: 'date',
    name: 'committed_on',
    label: 'Date de l’engagement',
    hint: 'Seulement si la source la donne. Laissez vide sinon : la fiche dit que la date n’est pas connue.',
    required: false,
  },
  {
    kind: 'string',
    name: 'commitment_source',
    label: 'Source de l’engagement',
    hint: 'Le document qui établit l’engagement : charte signée, délibération, article (titre, auteur, date).',
    required: true,
    maxLength: 240,
  },
  {
    kind: 'string',
    name: 'commitment_source_url',
    label: 'Adresse de la source',
    hint: 'Lien vers le document ou l’article, s’il est en ligne.',
    required: false,
    format: 'url',
  },
  { kind: 'string-list', name: 'areas_of_interest', label: 'Domaines d’intérêt', labelSingular: 'domaine', required: false },
  {
    kind: 'string',
    name: 'contact_role',
    label: 'Fonction du contact nommé',
    hint: 'La fonction de la personne qui reçoit les demandes (pas d’adresse personnelle). Vide tant que l’acheteur n’a désigné personne : les demandes passent par l’équipe du programme.',
    required: false,
    maxLength: 120,
  },
  { kind: 'string', name: 'website', label: 'Site web', required: false, format: 'url' },
  draftField,
] as const satisfies readonly FieldDefinition[];

/** Fields of a placed order (a *bon de commande*); the Markdown body is its summary. */
export const orderFields = [
  { kind: 'string', name: 'title', label: 'Intitulé', required: true, pattern: entryNamePattern(160) },
  { kind: 'relation', name: 'buyer', label: 'Acheteur', required: true, collection: 'buyers' },
  { kind: 'relation', name: 'startup', label: 'Startup', required: true, collection: 'startups' },
  { kind: 'select', name: 'kind', label: 'Type', required: true, options: ORDER_KINDS },
  {
    kind: 'number',
    name: 'amount_ht',
    label: 'Montant (€ HT)',
    hint: 'En euros hors taxes, au plus le plafond du programme.',
    required: true,
    min: MIN_AMOUNT_HT,
    max: 'ceiling',
  },
  { kind: 'date', name: 'ordered_on', label: 'Date du bon de commande', required: true },
  { kind: 'select', name: 'status', label: 'État', required: true, options: ORDER_STATUSES },
  { kind: 'text', name: 'testimonial', label: 'Témoignage', required: false, maxLength: 600 },
  { kind: 'string', name: 'testimonial_author', label: 'Auteur du témoignage (fonction)', required: false, maxLength: 120 },
  draftField,
] as const satisfies readonly FieldDefinition[];

/** Fields of a news item; the Markdown body is the article. */
export const newsFields = [
  { kind: 'string', name: 'title', label: 'Titre', required: true, pattern: entryNamePattern(160) },
  { kind: 'date', name: 'published_on', label: 'Date de publication', required: true },
  { kind: 'text', name: 'summary', label: 'Résumé', required: true, maxLength: 200 },
  { kind: 'image', name: 'image', label: 'Image', required: false, altField: 'image_alt' },
  { kind: 'string', name: 'image_alt', label: 'Texte alternatif de l’image', hint: ALT_HINT, required: false, maxLength: 160 },
  draftField,
] as const satisfies readonly FieldDefinition[];

/** Fields of an editorial page (programme, charter, guides, legal pages). */
export const pageFields = [
  { kind: 'string', name: 'title', label: 'Titre', required: true, pattern: entryNamePattern(120) },
  {
    kind: 'string',
    name: 'description',
    label: 'Description',
    hint: 'Pour les moteurs de recherche, 160 caractères au plus.',
    required: true,
    maxLength: 160,
  },
  {
    kind: 'select',
    name: 'settings_block',
    label: 'Bloc de réglages affiché',
    hint: 'Pour les pages légales : affiche les informations tenues dans Réglages du site.',
    required: false,
    options: PAGE_SETTINGS_BLOCKS,
  },
  draftField,
] as const satisfies readonly FieldDefinition[];

/**
 * Hint of a legal fact (LCEN art. 6, RGPD art. 13, RGAA statement): left empty
 * while unknown, never filled with a placeholder; see `legal-settings.ts`.
 */
const LEGAL_HINT = 'Obligatoire avant la mise en ligne : tant qu’il est vide, la publication en production échoue (les aperçus affichent un avertissement).';

/** Fields of the site settings (`content/settings/site.yml`). */
export const settingsFields = [
  { kind: 'string', name: 'site_name', label: 'Nom du site', required: true, maxLength: 80 },
  { kind: 'string', name: 'site_description', label: 'Description du site', required: true, maxLength: 160 },
  { kind: 'string', name: 'site_url', label: 'Adresse du site', required: true, format: 'url' },
  {
    kind: 'string',
    name: 'programme_contact_email',
    label: 'E-mail de l’équipe du programme',
    hint: 'Reçoit les candidatures et les demandes ; affiché en bas de page.',
    required: true,
    format: 'email',
  },
  {
    kind: 'number',
    name: 'order_ceiling_ht',
    label: 'Plafond d’un premier bon de commande (€ HT)',
    required: true,
    min: MIN_AMOUNT_HT,
  },
  // Official look (issue 14): the public bodies behind the programme, shown as
  // the brand block at the top of every page (names, and logos when uploaded).
  {
    kind: 'object-list',
    name: 'brand_bodies',
    label: 'Organismes publics du bloc marque',
    labelSingular: 'organisme',
    hint: 'Les organismes qui portent le programme, affichés en haut de chaque page.',
    required: true,
    minItems: 1,
    summaryField: 'name',
    fields: [
      { kind: 'string', name: 'name', label: 'Nom', required: true, maxLength: 80 },
      { kind: 'image', name: 'logo', label: 'Logo', required: false, altField: 'logo_alt' },
      { kind: 'string', name: 'logo_alt', label: 'Texte alternatif du logo', hint: ALT_HINT, required: false, maxLength: 160 },
    ],
  },
  { kind: 'string-list', name: 'sectors', label: 'Secteurs proposés', labelSingular: 'secteur', required: true },
  { kind: 'string-list', name: 'technologies', label: 'Technologies proposées', labelSingular: 'technologie', required: true },
  { kind: 'string', name: 'legal_publisher', label: 'Éditeur du site (personne morale)', hint: LEGAL_HINT, required: false, maxLength: 160 },
  { kind: 'text', name: 'legal_publisher_address', label: 'Adresse de l’éditeur', hint: LEGAL_HINT, required: false, maxLength: 300 },
  { kind: 'string', name: 'legal_publisher_phone', label: 'Téléphone de l’éditeur', hint: LEGAL_HINT, required: false, maxLength: 40 },
  {
    kind: 'string',
    name: 'legal_publication_director',
    label: 'Directeur ou directrice de la publication',
    hint: `Nom et fonction. ${LEGAL_HINT}`,
    required: false,
    maxLength: 160,
  },
  { kind: 'string', name: 'legal_host', label: 'Hébergeur', hint: LEGAL_HINT, required: false, maxLength: 160 },
  { kind: 'text', name: 'legal_host_address', label: 'Adresse de l’hébergeur', hint: LEGAL_HINT, required: false, maxLength: 300 },
  { kind: 'string', name: 'legal_host_phone', label: 'Téléphone de l’hébergeur', hint: LEGAL_HINT, required: false, maxLength: 40 },
  {
    kind: 'string',
    name: 'privacy_controller',
    label: 'Responsable du traitement des données personnelles',
    hint: `L’organisme qui décide des traitements (ex. la collectivité qui porte le programme), avec son adresse. ${LEGAL_HINT}`,
    required: false,
    maxLength: 300,
  },
  {
    kind: 'string',
    name: 'privacy_dpo_contact',
    label: 'Contact du délégué à la protection des données (DPO)',
    hint: `Adresse électronique ou postale du DPO du responsable du traitement. ${LEGAL_HINT}`,
    required: false,
    maxLength: 300,
  },
  {
    kind: 'text',
    name: 'privacy_legal_basis',
    label: 'Base légale des traitements des formulaires',
    hint: `Par exemple « Mission d’intérêt public (RGPD, art. 6-1-e) : … ». ${LEGAL_HINT}`,
    required: false,
    maxLength: 600,
  },
  {
    kind: 'text',
    name: 'privacy_transfers',
    label: 'Transferts hors de l’Union européenne et garanties',
    hint: `Pays des prestataires et garantie applicable (décision d’adéquation, clauses contractuelles types…). ${LEGAL_HINT}`,
    required: false,
    maxLength: 800,
  },
  {
    kind: 'string',
    name: 'privacy_storage_region',
    label: 'Région où les envois des formulaires sont traités et conservés',
    hint: `La région des fonctions du site et de sa base Netlify Database, telle que le tableau de bord de Netlify l’indique (ex. « Union européenne : Francfort (eu-central-1) »). ${LEGAL_HINT}`,
    required: false,
    maxLength: 200,
  },
  {
    kind: 'select',
    name: 'accessibility_compliance',
    label: 'État de conformité RGAA',
    required: true,
    options: ACCESSIBILITY_COMPLIANCE,
  },
  {
    kind: 'date',
    name: 'accessibility_statement_date',
    label: 'Date de la déclaration d’accessibilité',
    hint: LEGAL_HINT,
    required: false,
  },
  {
    kind: 'string',
    name: 'accessibility_declaring_body',
    label: 'Entité qui établit la déclaration d’accessibilité',
    hint: `La personne morale responsable du site (ex. la collectivité). ${LEGAL_HINT}`,
    required: false,
    maxLength: 160,
  },
  {
    kind: 'string',
    name: 'accessibility_plan_url',
    label: 'Adresse du schéma pluriannuel de mise en accessibilité',
    hint: LEGAL_HINT,
    required: false,
    format: 'url',
  },
  {
    kind: 'text',
    name: 'accessibility_non_accessible_content',
    label: 'Contenus non accessibles',
    hint: `Liste des non-conformités connues et des dérogations, ou la raison pour laquelle elle n’est pas encore établie. ${LEGAL_HINT}`,
    required: false,
    maxLength: 1500,
  },
  {
    kind: 'text',
    name: 'accessibility_test_environment',
    label: 'Environnement de test (navigateurs et technologies d’assistance)',
    hint: `Par exemple « NVDA 2025.1 avec Firefox 140, VoiceOver avec Safari 18 ». ${LEGAL_HINT}`,
    required: false,
    maxLength: 600,
  },
  // True facts (issue 14): the charter text was drafted by the site's authors;
  // until the team validates it, the charter page says it is a proposal.
  {
    kind: 'boolean',
    name: 'charter_validated',
    label: 'Texte de la charte validé par l’équipe du programme',
    hint: 'Tant que la case n’est pas cochée, la page Charte indique que son texte est une proposition en attente de validation.',
    required: false,
    default: false,
  },
  // Open data (issue 4): the licence of the files listed on /donnees/.
  {
    kind: 'string',
    name: 'open_data_licence',
    label: 'Licence des données ouvertes',
    hint: 'Nom de la licence des fichiers publiés sur la page Données ouvertes. Vide : Licence Ouverte / Open Licence version 2.0.',
    required: false,
    maxLength: 120,
  },
  {
    kind: 'string',
    name: 'open_data_licence_url',
    label: 'Adresse du texte de la licence des données ouvertes',
    hint: 'Vide : https://www.etalab.gouv.fr/licence-ouverte-open-licence/.',
    required: false,
    format: 'url',
  },
  // Forms, abuse protection (issue 6): the per-client rate limit of the form
  // functions. Empty means the defaults of `src/lib/forms/rate-limit.ts` (5 per 10 minutes).
  {
    kind: 'number',
    name: 'rate_limit_max_submissions',
    label: 'Envois de formulaire acceptés par connexion',
    hint: 'Au-delà, les envois depuis la même connexion sont refusés jusqu’à la fin de la période ci-dessous (5 si vide).',
    required: false,
    min: 1,
    integer: true,
  },
  {
    kind: 'number',
    name: 'rate_limit_window_minutes',
    label: 'Période du nombre d’envois (minutes)',
    hint: '10 si vide.',
    required: false,
    min: 1,
    integer: true,
  },
  // Personal data (issue 6): how long stored submissions are kept before the
  // scheduled function `purge-expired-submissions` erases them. Empty means the
  // defaults of `src/lib/forms/retention.ts`; the privacy notice states them.
  {
    kind: 'number',
    name: 'retention_months_applications',
    label: 'Conservation des candidatures (mois)',
    hint: 'Durée après la réception ; 36 si vide. Mettez à jour la politique de confidentialité si vous la changez.',
    required: false,
    min: 1,
    integer: true,
  },
  {
    kind: 'number',
    name: 'retention_months_order_requests',
    label: 'Conservation des demandes de bon de commande (mois)',
    hint: 'Durée après la réception ; 36 si vide. Mettez à jour la politique de confidentialité si vous la changez.',
    required: false,
    min: 1,
    integer: true,
  },
  {
    kind: 'number',
    name: 'retention_days_spam',
    label: 'Conservation des envois refusés comme indésirables (jours)',
    hint: '30 si vide.',
    required: false,
    min: 1,
    integer: true,
  },
] as const satisfies readonly FieldDefinition[];

/** Validated front matter of a startup. */
export type StartupData = EntryData<typeof startupFields>;
/** Validated front matter of a buyer. */
export type BuyerData = EntryData<typeof buyerFields>;
/** Validated front matter of an order. */
export type OrderData = EntryData<typeof orderFields>;
/** Validated front matter of a news item. */
export type NewsData = EntryData<typeof newsFields>;
/** Validated front matter of a page. */
export type PageData = EntryData<typeof pageFields>;
/** Validated site settings. */
export type SiteSettings = EntryData<typeof settingsFields>;

/** A folder of Markdown entries, one file per entry (`content/<name>/<slug>.md`). */
export interface FolderCollection {
  readonly name: 'startups' | 'buyers' | 'orders' | 'news' | 'pages';
  readonly label: string;
  readonly labelSingular: string;
  readonly fields: readonly FieldDefinition[];
  /** Field whose value names the entry and gives its file name in the CMS. */
  readonly identifierField: string;
  /** French label of the Markdown body in the CMS. */
  readonly bodyLabel: string;
  /** Whether the Markdown body must be written (an order's summary may wait). */
  readonly bodyRequired: boolean;
}

/** All folder collections, in the order the CMS lists them. */
export const folderCollections: readonly FolderCollection[] = [
  { name: 'startups', label: 'Startups', labelSingular: 'Startup', fields: startupFields, identifierField: 'name', bodyLabel: 'Présentation', bodyRequired: true },
  { name: 'buyers', label: 'Acheteurs engagés', labelSingular: 'Acheteur', fields: buyerFields, identifierField: 'name', bodyLabel: 'Texte de l’engagement', bodyRequired: true },
  { name: 'orders', label: 'Bons de commande', labelSingular: 'Bon de commande', fields: orderFields, identifierField: 'title', bodyLabel: 'Résumé', bodyRequired: false },
  { name: 'news', label: 'Actualités', labelSingular: 'Actualité', fields: newsFields, identifierField: 'title', bodyLabel: 'Article', bodyRequired: true },
  {
    name: 'pages',
    label: 'Pages',
    labelSingular: 'Page',
    fields: pageFields,
    identifierField: 'title',
    // Editors write {{plafond}} where the ceiling appears: it comes from the settings.
    bodyLabel: 'Contenu (écrivez {{plafond}} pour le plafond d’un premier bon de commande)',
    bodyRequired: true,
  },
];

/** Location of the settings file inside the content folder. */
export const SETTINGS_FILE_IN_CONTENT = 'settings/site.yml';

/** Location of the settings file in the repository, where the CMS edits it. */
export const SETTINGS_FILE = `content/${SETTINGS_FILE_IN_CONTENT}`;
