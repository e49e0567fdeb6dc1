/**
 * The links Netlify Identity e-mails to editors, and what the editor account
 * page (`/compte-editeur/`) says about them.
 *
 * Netlify Identity (GoTrue) e-mails a link to the site's root with a token in
 * the fragment: `https://site/#invite_token=…` for an invitation,
 * `https://site/#recovery_token=…` for a password reset (GoTrue's default
 * templates, `{{ .SiteURL }}/#invite_token={{ .Token }}`: netlify/gotrue,
 * `mailer/template.go`; « The .ConfirmationURL variable in that email will
 * include your project address with a recovery_token appended »:
 * https://docs.netlify.com/visitor-access/identity/manage-existing-users/).
 * The home page and `/admin/` forward such a fragment to the account page,
 * which completes it with GoTrue's `/verify` (and `/user` for a reset).
 */

/** Path of the page that completes invitations and password resets. */
export const EDITOR_ACCOUNT_PATH = '/compte-editeur/';

/** Path of the CMS, opened once the password is set. */
export const ADMIN_PATH = '/admin/';

/** What an e-mailed link asks for: accept an invitation, or reset a forgotten password. */
export type IdentityLinkKind = 'invite' | 'recovery';

/** A token read from a link's fragment. */
export interface IdentityLink {
  readonly kind: IdentityLinkKind;
  /** GoTrue's opaque one-time token, as e-mailed. */
  readonly token: string;
}

/** Fragment parameter of each kind of link (GoTrue's names, also read by netlify-identity-widget). */
const FRAGMENT_PARAMETERS: readonly (readonly [IdentityLinkKind, string])[] = [
  ['invite', 'invite_token'],
  ['recovery', 'recovery_token'],
];

/**
 * Read an invitation or reset token from a URL fragment (`location.hash`, with or without its `#`).
 * @returns the link, or `null` when the fragment carries no non-empty token of either kind
 */
export function readIdentityLink(hash: string): IdentityLink | null {
  const parameters = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [kind, name] of FRAGMENT_PARAMETERS) {
    const token = parameters.get(name)?.trim();
    if (token) return { kind, token };
  }
  return null;
}

/**
 * Where a page that received an e-mailed link sends the editor: the account
 * page, with the same fragment (a fragment never reaches the server, so the
 * token stays out of the logs).
 * @returns `/compte-editeur/#…`, or `null` when the fragment holds no token
 */
export function forwardIdentityLink(hash: string): string | null {
  return readIdentityLink(hash) ? `${EDITOR_ACCOUNT_PATH}${hash.startsWith('#') ? hash : `#${hash}`}` : null;
}

/**
 * Shortest password the page accepts: 12 characters, the length of the CNIL's
 * first example of a password used alone (délibération n° 2022-100 du 21
 * juillet 2022, recommandation relative aux mots de passe); the page suggests
 * a passphrase, which reaches the same strength without special characters.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** A French error of the password form, and the field it belongs to. */
export interface PasswordProblem {
  readonly field: 'password' | 'confirmation';
  /** Starts with the field's label. */
  readonly message: string;
}

/**
 * Check the password form before it is sent.
 * @param password the new password
 * @param confirmation the same typed again
 * @returns the first problem, or `null` when the password can be sent
 */
export function checkNewPassword(password: string, confirmation: string): PasswordProblem | null {
  const length = [...password].length;
  if (length === 0) return { field: 'password', message: 'Mot de passe : saisissez un mot de passe.' };
  if (length < MIN_PASSWORD_LENGTH) return { field: 'password', message: `Mot de passe : ${MIN_PASSWORD_LENGTH} caractères au moins (vous en avez saisi ${length}).` };
  if (confirmation !== password) return { field: 'confirmation', message: 'Confirmation du mot de passe : elle ne correspond pas au mot de passe.' };
  return null;
}

/**
 * What the account page writes to the browser's `localStorage` once the
 * password is set, so that `/admin/` opens logged in: Decap CMS restores a
 * session when its own entry (`decap-cms-user`, `LocalStorageAuthStore` in
 * decap-cms-core's `backend.ts`) names its backend; the Git Gateway backend
 * then takes the GoTrue session (`gotrue.user`) that gotrue-js has just saved.
 * Were Decap to rename its entry, the editor would see its login form instead
 * (the browser test `tests/e2e/editor-invitation.test.ts` would fail).
 */
export const DECAP_SESSION_ENTRY = { key: 'decap-cms-user', value: JSON.stringify({ backendName: 'git-gateway' }) } as const;

/** Which call to the Identity service failed. */
export type IdentityStep = 'verify' | 'set-password' | 'request-reset';

/**
 * The French message for a failed call to the Identity service.
 * @param step `verify`: the link's token was checked (`POST /verify`);
 *   `set-password`: the new password was saved (`PUT /user`);
 *   `request-reset`: a reset link was asked for (`POST /recover`)
 * @param status the HTTP status GoTrue answered, or `undefined` when no answer came (network down)
 */
export function describeIdentityFailure(step: IdentityStep, status: number | undefined): string {
  const retry = 'Le service de connexion ne répond pas. Réessayez dans quelques minutes ; si cela dure, prévenez l’équipe du programme.';
  if (status === undefined || status >= 500) return retry;
  switch (step) {
    case 'verify':
      return 'Ce lien n’est plus valable : il a expiré ou a déjà servi. Demandez un nouveau lien ci-dessous (mot de passe oublié), ou demandez à l’équipe du programme de vous inviter à nouveau.';
    case 'set-password':
      return 'Le service de connexion a refusé ce mot de passe. Choisissez-en un autre, plus long.';
    case 'request-reset':
      if (status === 404) return 'Aucun compte d’éditeur n’a cette adresse e-mail. Vérifiez-la, ou demandez une invitation à l’équipe du programme.';
      if (status === 429) return 'Trop de demandes pour cette adresse : attendez quelques minutes avant de réessayer.';
      return 'La demande a été refusée. Vérifiez l’adresse e-mail saisie.';
  }
}
