/**
 * Command line of `npm run submissions`: which command, on which database.
 * Pure: reads only the arguments and environment it is given.
 */
import { parseArgs } from 'node:util';
import { FORM_NAMES, isFormName, type FormName } from '../forms/definitions/index.ts';
import { REFERENCE_PATTERN } from '../forms/reference-number.ts';

/** What to do. */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'list' }
  | { readonly name: 'show'; readonly reference: string }
  | {
      readonly name: 'export';
      readonly form: FormName | undefined;
      readonly semicolon: boolean;
      /** File to write; standard output when undefined. */
      readonly output: string | undefined;
    }
  | { readonly name: 'startup-draft'; readonly reference: string }
  | { readonly name: 'buyer-draft'; readonly reference: string }
  /** Everything stored about an e-mail address, as JSON (right of access). */
  | { readonly name: 'personal-data'; readonly email: string; readonly output: string | undefined }
  /** Erase everything stored about an e-mail address (right to erasure); only with `confirm`. */
  | { readonly name: 'erase'; readonly email: string; readonly confirm: boolean };

/** Where the submissions are read. */
export type DatabaseChoice =
  /** A Postgres server named on the command line or by `NETLIFY_DB_URL`. */
  | { readonly kind: 'url'; readonly url: string; readonly from: '--database-url' | 'NETLIFY_DB_URL' }
  /** The local database of `npm run dev` (`.netlify/db`). */
  | { readonly kind: 'local' };

export interface Invocation {
  readonly command: Command;
  readonly database: DatabaseChoice;
}

/** A command line that cannot be understood (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: npm run submissions -- <command> [options]

Commands:
  list                    one line per stored submission
  show REF                every field of a submission (French labels) and the state of its e-mails
  export --csv [--form FORM] [--semicolon] [--output FILE]
                          CSV (UTF-8 with BOM), French column headers, to standard output
                          or to FILE (replaced if it exists);
                          FORM: ${FORM_NAMES.join(' or ')};
                          --semicolon: ';' between cells and decimal commas (Excel set to French)
  startup-draft REF       write a draft startup entry content/startups/<slug>.md from an application
  buyer-draft REF         write a draft buyer entry content/buyers/<slug>.md from a buyer's commitment
  personal-data EMAIL [--output FILE]
                          everything stored about an e-mail address (submissions, spam,
                          e-mails addressed to it), as JSON
  erase EMAIL --confirm   erase everything stored about an e-mail address; without --confirm,
                          only shows what would be erased

Database (by default NETLIFY_DB_URL when set, else the local one of \`npm run dev\` in .netlify/db):
  --database-url URL      a Postgres connection string, e.g. production's, given by
                          \`netlify database status --branch production --show-credentials\`

Exit codes: 0 done, 1 error, 2 wrong command line.
`;

const OPTIONS = {
  'database-url': { type: 'string' },
  csv: { type: 'boolean' },
  form: { type: 'string' },
  semicolon: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  confirm: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Options a command accepts besides the database option. */
const COMMAND_OPTIONS: Readonly<Record<Exclude<Command['name'], 'help'>, readonly OptionName[]>> = {
  list: [],
  show: [],
  export: ['csv', 'form', 'semicolon', 'output'],
  'startup-draft': [],
  'buyer-draft': [],
  'personal-data': ['output'],
  erase: ['confirm'],
};

const DATABASE_OPTIONS: readonly OptionName[] = ['database-url'];

/** `pbc-2026-00001` → `PBC-2026-00001`; anything else that is not a reference is a usage error. */
export function normaliseReference(text: string): string {
  const reference = text.trim().toUpperCase();
  if (!REFERENCE_PATTERN.test(reference)) throw new UsageError(`Not a submission reference: "${text}" (expected PBC-YYYY-NNNNN, e.g. PBC-2026-00001).`);
  return reference;
}

/**
 * Read the command line.
 * @param argv the arguments after the script name
 * @param env the environment (`NETLIFY_DB_URL`)
 * @throws UsageError naming what is wrong
 */
export function parseInvocation(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Invocation {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const database = readDatabaseChoice(values['database-url'], env['NETLIFY_DB_URL']);
  const [name, ...rest] = positionals;
  if (values.help || name === 'help') return { command: { name: 'help' }, database };
  if (name === undefined) throw new UsageError('No command given.');
  if (!(name in COMMAND_OPTIONS)) throw new UsageError(`Unknown command "${name}".`);
  const commandName = name as keyof typeof COMMAND_OPTIONS;
  const allowed = new Set<OptionName>([...DATABASE_OPTIONS, ...COMMAND_OPTIONS[commandName]]);
  for (const option of Object.keys(values) as OptionName[]) {
    if (!allowed.has(option)) throw new UsageError(`Option --${option} does not apply to "${commandName}".`);
  }
  switch (commandName) {
    case 'list':
      expectPositionals(commandName, rest, 0);
      return { command: { name: 'list' }, database };
    case 'show':
    case 'startup-draft':
    case 'buyer-draft': {
      expectPositionals(commandName, rest, 1);
      return { command: { name: commandName, reference: normaliseReference(rest[0] as string) }, database };
    }
    case 'personal-data':
    case 'erase': {
      const email = readEmail(commandName, rest);
      if (commandName === 'erase') return { command: { name: 'erase', email, confirm: values.confirm ?? false }, database };
      if (values.output !== undefined && values.output.trim() === '') throw new UsageError('--output needs a file name.');
      return { command: { name: 'personal-data', email, output: values.output }, database };
    }
    case 'export': {
      expectPositionals(commandName, rest, 0);
      if (!values.csv) throw new UsageError('"export" needs --csv (CSV is the only export format).');
      if (values.form !== undefined && !isFormName(values.form)) {
        throw new UsageError(`Unknown form "${values.form}" (expected ${FORM_NAMES.join(' or ')}).`);
      }
      if (values.output !== undefined && values.output.trim() === '') throw new UsageError('--output needs a file name.');
      return { command: { name: 'export', form: values.form, semicolon: values.semicolon ?? false, output: values.output }, database };
    }
  }
}

/** True for a `postgres://` or `postgresql://` URL with a host. */
function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `--database-url` first, then a non-empty `NETLIFY_DB_URL`, else the local database. */
function readDatabaseChoice(option: string | undefined, environment: string | undefined): DatabaseChoice {
  if (option !== undefined) {
    if (!isPostgresUrl(option.trim())) throw new UsageError('--database-url needs a Postgres connection string (postgres://user:password@host:port/database).');
    return { kind: 'url', url: option.trim(), from: '--database-url' };
  }
  if (environment !== undefined && environment.trim() !== '') {
    if (!isPostgresUrl(environment.trim())) throw new UsageError('NETLIFY_DB_URL is not a Postgres connection string (postgres://user:password@host:port/database).');
    return { kind: 'url', url: environment.trim(), from: 'NETLIFY_DB_URL' };
  }
  return { kind: 'local' };
}

/**
 * A connection string without its credentials, for messages:
 * `postgres://u:secret@db.example:5432/site` → `postgres://db.example:5432/site`.
 */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'the database';
  }
}

function readEmail(command: string, rest: readonly string[]): string {
  if (rest.length === 0) throw new UsageError(`"${command}" needs an e-mail address, e.g. ${command} jeanne@exemple.fr.`);
  if (rest.length > 1) throw new UsageError(`Unexpected argument "${rest[1]}" after "${command}".`);
  const email = (rest[0] as string).trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`Not an e-mail address: "${rest[0]}".`);
  return email;
}

function expectPositionals(command: string, rest: readonly string[], count: 0 | 1): void {
  if (rest.length === count) return;
  if (count === 1 && rest.length === 0) throw new UsageError(`"${command}" needs a reference, e.g. ${command} PBC-2026-00001.`);
  throw new UsageError(`Unexpected argument "${rest[count]}" after "${command}".`);
}
