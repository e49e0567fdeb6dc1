/**
 * Shared material for the form tests: valid field sets for the forms (as a
 * visitor types them), signed tokens made with the local development secret,
 * requests in the three accepted encodings, and the local services (a
 * database of the run's PostgreSQL server + SMTP) with the environment the
 * form functions read.
 */
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { issueFormToken } from '../../src/lib/forms/form-token.ts';
import type { FormName } from '../../src/lib/forms/definitions/form-names.ts';
import { TOKEN_FIELD } from '../../src/lib/forms/process-submission.ts';
import { createFormSchema, type BuyerCommitment } from '../../src/lib/forms/definitions/index.ts';
import { toParisCalendarDate, yearOf } from '../../src/lib/format/calendar-date.ts';
import { settleBackgroundWork } from './function-context.ts';
import { ORDERS_FIXTURE } from './fixture-site.ts';
import { createDatabase } from './postgres-server.ts';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';
import { listenOnLoopback } from './listen-on-loopback.ts';

/** The signing secret embedded for local runs (`read-forms-config.ts`). */
export const LOCAL_SIGNING_SECRET = 'local-development-only-signing-secret';

/** Values of the settings (`content/` and `FORMS_CONTENT_DIR` alike) the functions use. */
export const SITE = {
  name: 'Premiers bons de commande',
  teamAddress: 'contact@premiers-bons-de-commande.fr',
  orderCeilingHt: 15_000,
} as const;

/**
 * The content the form functions read in the tests (`CONTENT_DIR`, set by
 * `startFormServices`): `content/` publishes fictional samples only, which an
 * order request may not name (issue 14), so the tests use the fixture's real startup.
 */
export const FORMS_CONTENT_DIR = ORDERS_FIXTURE;

/** The real (not sample) startup of `FORMS_CONTENT_DIR` and its private order address. */
export const ORDERABLE_STARTUP = {
  slug: 'atelier-test',
  name: 'Atelier Test',
  orderContactEmail: 'prive-atelier@atelier-test.fr',
} as const;

/** A fictional sample startup of `content/startups/`: published, but refused by the order form. */
export const SAMPLE_STARTUP_SLUG = 'demo-capteurs-rhin';

/** Sender configured for the tests (`MAIL_FROM_ADDRESS`, `MAIL_FROM_NAME`). */
export const TEST_SENDER = { name: 'Programme « Premiers bons de commande »', address: 'ne-pas-repondre@premiers-bons-de-commande.fr' } as const;

/** A startup application as typed (French amount, spaced SIRET, accented domain). */
export function validApplicationFields(): Record<string, string> {
  return {
    company_name: 'Société Verte',
    siret: '732 829 320 00074',
    postcode: '68100',
    commune: 'Mulhouse',
    sectors: 'Industrie du futur',
    presentation: 'Nous concevons des capteurs pour les ateliers de la région mulhousienne, depuis 2024.',
    offer_title: 'Prototype de capteur',
    offer_kind: 'prototype',
    offer_price_ht: '12 000,50',
    team_size: '4',
    contact_name: 'Jeanne Dupont',
    email: 'contact@société-verte.fr',
    phone: '03 89 12 34 56',
    consent: 'on',
  };
}

/** A first-order request as typed, naming `ORDERABLE_STARTUP`. */
export function validOrderFields(): Record<string, string> {
  return {
    organisation: 'Communauté d’agglomération « Mulhouse Alsace »',
    buyer_kind: 'public',
    siret: '732 829 320 00074',
    contact_name: 'Élise Müller',
    role: 'Responsable des achats',
    email: 'Achats+IT@Exemple.FR',
    phone: '03 89 12 34 56',
    startup: ORDERABLE_STARTUP.slug,
    kind: 'prototype',
    need: 'Un prototype de capteur de vibrations pour les pompes de la station d’épuration.',
    budget_ht: '14 500,50 € HT',
    wished_date: WISHED_DATE,
    consent: 'on',
  };
}

/** A buyer's commitment to the charter as typed (spaced SIRET, no signing date). */
export function validCommitmentFields(): Record<string, string> {
  return {
    organisation: 'Fonderie « Rhin & Doller »',
    buyer_kind: 'pme-eti',
    siret: '732 829 320 00074',
    contact_name: 'Marc Weber',
    role: 'Directeur des achats',
    email: 'achats@fonderie-rhin.fr',
    phone: '03 89 12 34 56',
    consent: 'on',
  };
}

/** A wished date that stays in the future: 15 March of next year. */
export const WISHED_DATE_YEAR = new Date().getFullYear() + 1;
const WISHED_DATE = `${WISHED_DATE_YEAR}-03-15`;

/** A startup application as stored (validated), with the characters e-mails must keep: accents, ’, « », &. */
export const STORED_APPLICATION_DATA = {
  company_name: 'L’Atelier « Vert » & Cie',
  siret: '73282932000074',
  postcode: '68100',
  commune: 'Mulhouse',
  sectors: ['Industrie du futur', 'Santé'],
  technologies: [],
  presentation: 'Des capteurs pour les ateliers de la région.',
  offer_title: 'Prototype',
  offer_kind: 'prototype',
  offer_price_ht: 12_000.5,
  team_size: 4,
  contact_name: 'Jeanne Dupont',
  email: 'contact@société-verte.fr',
  phone: '+33389123456',
  consent: true,
};

/** The order request of `validOrderFields` after validation, as stored. */
export const VALID_ORDER_DATA = {
  organisation: 'Communauté d’agglomération « Mulhouse Alsace »',
  buyer_kind: 'public',
  siret: '73282932000074',
  contact_name: 'Élise Müller',
  role: 'Responsable des achats',
  email: 'Achats+IT@exemple.fr',
  phone: '+33389123456',
  startup: ORDERABLE_STARTUP.slug,
  kind: 'prototype',
  need: 'Un prototype de capteur de vibrations pour les pompes de la station d’épuration.',
  budget_ht: 14_500.5,
  wished_date: WISHED_DATE,
  consent: true,
} as const;

/** `validCommitmentFields()` as stored: validated by the form's schema, then read back from JSON. */
export function validCommitmentData(fields: Record<string, string> = {}): BuyerCommitment {
  const schema = createFormSchema('engagement-acheteur', { sectors: [], technologies: [], orderCeilingHt: 15_000, startups: [] });
  return JSON.parse(JSON.stringify(schema.parse({ ...validCommitmentFields(), ...fields }))) as BuyerCommitment;
}

/**
 * A signed token as the form page gets it, issued `ageMs` ago (default 10 s,
 * well over the 3 s minimum fill time).
 */
export function formToken(form: FormName, { ageMs = 10_000, secret = LOCAL_SIGNING_SECRET, nonce }: { ageMs?: number; secret?: string; nonce?: string } = {}): Promise<string> {
  return issueFormToken(secret, form, Date.now() - ageMs, nonce);
}

/** Fields plus a fresh valid token. */
export async function withToken(form: FormName, fields: Record<string, string>): Promise<Record<string, string>> {
  return { ...fields, [TOKEN_FIELD]: await formToken(form) };
}

export type BodyFormat = 'urlencoded' | 'multipart' | 'json';

/** Where a form posts, on an origin where nothing listens (the HTML layout falls back to the plain template). */
export function formUrl(form: FormName): string {
  return `http://127.0.0.1:9/api/${form}/`;
}

/**
 * A POST of `fields` in one of the three encodings the forms accept.
 * @param accept `json` for the enhanced form (`Accept: application/json`), `html` for a browser without JavaScript
 */
export function formRequest(
  form: FormName,
  fields: Record<string, string | readonly string[]>,
  { format = 'urlencoded', accept = 'html' }: { format?: BodyFormat; accept?: 'html' | 'json' } = {},
): Request {
  const headers = new Headers({ accept: accept === 'json' ? 'application/json' : 'text/html,application/xhtml+xml' });
  const entries = Object.entries(fields).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as const] : value.map((item) => [name, item] as const)));
  let body: BodyInit;
  if (format === 'json') {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(fields);
  } else if (format === 'multipart') {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    body = data; // the Request sets `multipart/form-data; boundary=…`
  } else {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(entries.map(([name, value]) => [name, value])).toString();
  }
  return new Request(formUrl(form), { method: 'POST', headers, body });
}

/** Year of the references given now (Europe/Paris calendar). */
export function currentReferenceYear(): number {
  return yearOf(toParisCalendarDate(new Date()));
}

/** The `n`-th reference of the current year, e.g. `PBC-2026-00001`. */
export function expectedReference(sequence: number): string {
  return `PBC-${currentReferenceYear()}-${String(sequence).padStart(5, '0')}`;
}

/** References stored so far, sorted. */
export async function storedReferences(database: pg.Pool): Promise<string[]> {
  return (await database.query<{ reference: string }>('SELECT reference FROM submissions ORDER BY reference')).rows.map((row) => row.reference);
}

/** One outbox row, as the tests read it. */
export interface OutboxRow {
  readonly reference: string;
  readonly kind: string;
  readonly recipient: string;
  readonly status: string;
  readonly held_reason: string | null;
  readonly attempts: number;
  readonly last_error: string | null;
}

/** Every outbox row, by reference then kind. */
export async function outboxRows(database: pg.Pool): Promise<OutboxRow[]> {
  const { rows } = await database.query<OutboxRow>(
    `SELECT s.reference, o.kind, o.recipient, o.status, o.held_reason, o.attempts, o.last_error
     FROM outbox o JOIN submissions s ON s.id = o.submission_id ORDER BY s.reference, o.id`,
  );
  return rows;
}

/** Number of rows of a table. */
export async function countRows(database: pg.Pool, table: 'submissions' | 'outbox' | 'spam' | 'rate_counters'): Promise<number> {
  return Number((await database.query<{ count: string }>(`SELECT count(*) FROM ${table}`)).rows[0]!.count);
}

/**
 * Let `ms` pass for the outbox: its claims and retry delays end `ms` earlier,
 * as if the next runs of the scheduled retry came that much later (the retry
 * runs every 15 minutes; a claim lasts `CLAIM_MS`, a retry delay 5 minutes or more).
 */
export async function advanceOutboxClock(database: pg.Pool, ms: number): Promise<void> {
  await database.query(
    `UPDATE outbox SET next_attempt_at = next_attempt_at - make_interval(secs => $1), claimed_until = claimed_until - make_interval(secs => $1)`,
    [ms / 1_000],
  );
}

/** Per reference, how many e-mails of each kind arrived (read from the Message-ID `<PBC-YYYY-NNNNN.kind@…>`). */
export function countMailsByReference(messages: readonly ParsedMail[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const mail of messages) {
    const [, reference = '?', kind = '?'] = /^<(PBC-\d{4}-\d{5})\.(\w+)@/.exec(mail.messageId ?? '') ?? [];
    counts[reference] ??= {};
    counts[reference][kind] = (counts[reference][kind] ?? 0) + 1;
  }
  return counts;
}

/**
 * Raise the per-address daily caps of e-mails (3 confirmations, 10 startup
 * messages by default) for tests that post the same fields many times and
 * expect every e-mail; restored by `FormServices.stop()`.
 */
export function liftSendingCaps(): void {
  process.env['MAIL_CAP_CONFIRMATIONS_PER_DAY'] = '100000';
  process.env['MAIL_CAP_STARTUP_PER_DAY'] = '100000';
}

/** Variables the tests set; restored by `FormServices.stop()`. */
const MANAGED_VARIABLES = [
  'CONTENT_DIR', 'NETLIFY_DB_URL', 'SMTP_URL', 'MAIL_FROM_ADDRESS', 'MAIL_FROM_NAME', 'MAIL_TEST_ADDRESS', 'FORM_SIGNING_SECRET', 'RATE_LIMIT_MAX', 'RATE_LIMIT_WINDOW_SECONDS',
  'FORM_MIN_FILL_SECONDS', 'TURNSTILE_SITE_KEY', 'TURNSTILE_SECRET_KEY', 'MAIL_CAP_CONFIRMATIONS_PER_DAY', 'MAIL_CAP_STARTUP_PER_DAY', 'SUBMISSIONS_HOURLY_CAP',
] as const;

/** A TCP server that accepts connections and never answers: a database that hangs. */
async function startSilentServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/hangs`,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (connections refused). */
const REFUSING_DATABASE_URL = 'postgres://postgres@127.0.0.1:9/down';

export interface FormServices {
  /** The database of this test file (a fresh, migrated copy), for assertions. */
  readonly database: pg.Pool;
  /** Its connection string. */
  readonly databaseUrl: string;
  /** The running SMTP capture (a new object after `restartSmtp`). */
  readonly smtp: SmtpCapture;
  /** Point the functions at a port that refuses connections (the database is down). */
  stopDatabase(): void;
  /** Point the functions at a server that accepts connections and never answers. */
  hangDatabase(): Promise<void>;
  /** Point the functions at the database again. */
  restoreDatabase(): Promise<void>;
  /** Stop the SMTP server: connections to its port are refused. */
  stopSmtp(): Promise<void>;
  /** Start the SMTP server again on the same port, with no message. */
  restartSmtp(): Promise<void>;
  /** Stop everything and restore the environment. */
  stop(): Promise<void>;
}

/**
 * The form services of a test file that expects every e-mail: started with the
 * sending caps lifted (`liftSendingCaps`) before its first test, stopped after
 * its last; before each test, the e-mails of the previous one are waited for
 * (`settleBackgroundWork`) and the captured ones forgotten.
 * @returns the services, to use in tests and hooks (they start in `beforeAll`)
 */
export function useFormServices(): FormServices {
  let started: FormServices | undefined;
  beforeAll(async () => {
    started = await startFormServices();
    liftSendingCaps();
  });
  afterAll(() => started?.stop());
  beforeEach(async () => {
    await settleBackgroundWork();
    started!.smtp.messages.length = 0;
  });
  return new Proxy({} as FormServices, {
    get: (_target, key) => {
      if (!started) throw new Error('the form services start before the first test (useFormServices)');
      return Reflect.get(started, key);
    },
  });
}

/**
 * Create a database for this test file on the run's PostgreSQL server
 * (`postgres-global-setup.ts`), start a capturing SMTP server, and set the
 * environment of a local run that reads `FORMS_CONTENT_DIR`, stores there and sends through it, from
 * `TEST_SENDER`, with a rate limit high enough not to interfere (tests of the
 * limit lower it).
 */
export async function startFormServices(): Promise<FormServices> {
  const adminUrl = process.env['PBC_TEST_POSTGRES_URL'];
  if (!adminUrl) throw new Error('PBC_TEST_POSTGRES_URL is not set: run the tests through vitest (tests/helpers/postgres-global-setup.ts).');
  const saved = Object.fromEntries(MANAGED_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of MANAGED_VARIABLES) delete process.env[name];
  const databaseUrl = await createDatabase(adminUrl);
  const database = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let smtp: SmtpCapture | undefined = await startSmtpCapture();
  let silent: Awaited<ReturnType<typeof startSilentServer>> | undefined;
  const port = smtp.port;
  process.env['CONTENT_DIR'] = FORMS_CONTENT_DIR;
  process.env['NETLIFY_DB_URL'] = databaseUrl;
  process.env['SMTP_URL'] = smtp.url;
  process.env['MAIL_FROM_ADDRESS'] = TEST_SENDER.address;
  process.env['MAIL_FROM_NAME'] = TEST_SENDER.name;
  process.env['RATE_LIMIT_MAX'] = '1000';
  process.env['SUBMISSIONS_HOURLY_CAP'] = '100000';
  const stopSilent = async () => {
    await silent?.stop();
    silent = undefined;
  };
  return {
    database,
    databaseUrl,
    get smtp() {
      if (!smtp) throw new Error('the SMTP server is stopped');
      return smtp;
    },
    stopDatabase() {
      process.env['NETLIFY_DB_URL'] = REFUSING_DATABASE_URL;
    },
    async hangDatabase() {
      silent ??= await startSilentServer();
      process.env['NETLIFY_DB_URL'] = silent.url;
    },
    async restoreDatabase() {
      await stopSilent();
      process.env['NETLIFY_DB_URL'] = databaseUrl;
    },
    async stopSmtp() {
      await smtp?.stop();
      smtp = undefined;
    },
    async restartSmtp() {
      await smtp?.stop();
      smtp = await startSmtpCapture(port);
    },
    async stop() {
      // E-mails still being sent after an answer would reach a stopped server or pool.
      await settleBackgroundWork();
      for (const name of MANAGED_VARIABLES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      await stopSilent();
      await smtp?.stop();
      await database.end();
    },
  };
}

/** Decode the five entities React writes in text and attributes. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|#x27|#39|amp);/g, (_entity, name: string) => ({ lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", amp: '&' })[name]!);
}

/** The hidden inputs of a page rendered by React, in order, decoded (`[name, value]`). */
export function hiddenInputs(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\/>/g)].map((match) => [decodeHtmlEntities(match[1]!), decodeHtmlEntities(match[2]!)]);
}

/** True when a response body looks like it leaks a stack trace or an internal error. */
export function looksLikeStackTrace(body: string): boolean {
  return /\bat [\w.<>]+ \(|\.(?:m?ts|js|tsx):\d+|\bError:|node_modules|TypeError|SyntaxError/.test(body);
}
