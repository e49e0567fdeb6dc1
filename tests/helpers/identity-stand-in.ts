/**
 * A local stand-in for what Netlify runs beside a deployed site for the CMS,
 * since the real services cannot run here (Netlify Identity and Git Gateway
 * are hosted only; `netlify dev` does not serve `/.netlify/identity` either):
 *
 * - `/.netlify/identity/*`, Netlify Identity (GoTrue), the endpoints gotrue-js
 *   calls, answering as netlify/gotrue's API does: `GET /settings`, `POST /verify`
 *   (`{ token, type: 'signup', password }` accepts an invitation, `{ token,
 *   type: 'recovery' }` redeems a reset link; an unknown or spent token gets
 *   404 `{ code, msg }`), `GET`/`PUT /user` (with the bearer token), `POST /token`
 *   (`grant_type=password` or `refresh_token`), `POST /recover`, `POST /logout`.
 *   Access tokens are HS256 JWTs (`sub`, `email`, `exp`, `app_metadata.roles`).
 * - `/.netlify/git/*`, Git Gateway: `GET /settings` (GitHub, the accepted roles),
 *   then the read-only part of GitHub's REST API that Decap's GitHub backend
 *   calls through it to list a collection (`branches/{branch}`,
 *   `git/trees/{branch}:{folder}`, `git/blobs/{sha}`, `commits`, and `pulls`,
 *   the editorial workflow's open pull requests: none), answered from
 *   this repository's own git objects at `HEAD`, as GitHub would answer for the
 *   pushed repository; a request without a valid token of an accepted role gets 401.
 *
 * Everything else is the built site, served as Netlify serves it (`_headers`
 * applied, `404.html`). Every request is recorded for assertions.
 */
import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Header } from '@netlify/headers-parser';
import sirv from 'sirv';
import { headersForPath } from './header-rules.ts';
import { PROJECT_ROOT } from './paths.ts';
import { listenOnLoopback } from './listen-on-loopback.ts';

const run = promisify(execFile);

/** A person in the stand-in's user list. */
export interface StandInUser {
  readonly email: string;
  password: string | null;
  readonly roles: readonly string[];
}

export interface IdentityStandIn {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** `METHOD path status` of every request, in order. */
  readonly requests: string[];
  /** Invite someone (as « Invite users » does): returns the token of the e-mailed link. */
  invite(email: string, roles: readonly string[]): string;
  /** Send someone a reset link (as « Send reset password email » does): returns its token. */
  sendRecovery(email: string): string;
  /** The password a user has now (`null` before the invitation is accepted). */
  passwordOf(email: string): string | null | undefined;
  close(): Promise<void>;
}

export interface StandInOptions {
  /** The built site. */
  readonly dist: string;
  /** The rules of its `_headers` (`readHeaderRules`). */
  readonly headerRules: readonly Header[];
  /** Roles Git Gateway accepts (its « Roles » setting); empty: any user. */
  readonly gatewayRoles: readonly string[];
  /** Branch the CMS works on. */
  readonly branch: string;
}

const SECRET = 'stand-in-signing-secret';
const TOKEN_LIFETIME_SECONDS = 3600;

function base64Url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** An HS256 JWT like the ones Netlify Identity issues. */
function signJwt(claims: Record<string, unknown>): string {
  const unsigned = `${base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

/** The claims of a token this stand-in signed, or `null`. */
function verifyJwt(token: string): Record<string, unknown> | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  if (createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url') !== signature) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  return typeof claims['exp'] === 'number' && claims['exp'] * 1000 > Date.now() ? claims : null;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function git(...args: string[]): Promise<string> {
  return (await run('git', args, { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })).stdout;
}

/** Start the site and the stand-in services; close it in `afterAll`. */
export async function startIdentityStandIn(options: StandInOptions): Promise<IdentityStandIn> {
  const users = new Map<string, StandInUser & { id: string }>();
  const pendingTokens = new Map<string, { email: string; type: 'invite' | 'recovery' }>();
  const refreshTokens = new Map<string, string>();
  const requests: string[] = [];
  const files = sirv(options.dist, { dev: true, etag: false });
  const notFound = await readFile(join(options.dist, '404.html'));
  const head = (await git('rev-parse', 'HEAD')).trim();

  function userJson(user: StandInUser & { id: string }): Record<string, unknown> {
    const now = new Date().toISOString();
    return {
      id: user.id,
      aud: '',
      role: '',
      email: user.email,
      confirmed_at: now,
      invited_at: now,
      app_metadata: { provider: 'email', roles: user.roles },
      user_metadata: {},
      created_at: now,
      updated_at: now,
    };
  }

  function tokenResponse(user: StandInUser & { id: string }): Record<string, unknown> {
    const exp = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS;
    const refresh = randomUUID();
    refreshTokens.set(refresh, user.email);
    return {
      access_token: signJwt({ sub: user.id, email: user.email, exp, app_metadata: { provider: 'email', roles: user.roles }, user_metadata: {} }),
      token_type: 'bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      refresh_token: refresh,
    };
  }

  function bearerUser(request: IncomingMessage): (StandInUser & { id: string }) | null {
    const claims = verifyJwt((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    return claims ? (users.get(String(claims['email'])) ?? null) : null;
  }

  async function identity(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const body = method === 'GET' ? '' : await readBody(request);
    if (method === 'GET' && path === '/settings') {
      return sendJson(response, 200, { external: { bitbucket: false, email: true, facebook: false, github: false, gitlab: false, google: false }, disable_signup: true, autoconfirm: false });
    }
    if (method === 'POST' && path === '/verify') {
      const { token, type, password } = JSON.parse(body) as { token?: string; type?: string; password?: string };
      const pending = token ? pendingTokens.get(token) : undefined;
      const expectedType = pending?.type === 'invite' ? 'signup' : 'recovery';
      if (!pending || type !== expectedType) return sendJson(response, 404, { code: 404, msg: 'User not found' });
      const user = users.get(pending.email)!;
      if (pending.type === 'invite') {
        if (!password) return sendJson(response, 422, { code: 422, msg: 'A password is required' });
        user.password = password;
      }
      pendingTokens.delete(token!);
      return sendJson(response, 200, tokenResponse(user));
    }
    if (path === '/user' && (method === 'GET' || method === 'PUT')) {
      const user = bearerUser(request);
      if (!user) return sendJson(response, 401, { code: 401, msg: 'Invalid token' });
      if (method === 'PUT') {
        const { password } = JSON.parse(body) as { password?: string };
        if (password) user.password = password;
      }
      return sendJson(response, 200, userJson(user));
    }
    if (method === 'POST' && path === '/token') {
      const form = new URLSearchParams(body);
      const email = form.get('grant_type') === 'refresh_token' ? refreshTokens.get(form.get('refresh_token') ?? '') : form.get('username');
      const user = email ? users.get(email) : undefined;
      const passwordOk = form.get('grant_type') === 'refresh_token' || (user?.password !== null && user?.password === form.get('password'));
      if (!user || !passwordOk) return sendJson(response, 400, { error: 'invalid_grant', error_description: 'No user found with that email, or password invalid.' });
      return sendJson(response, 200, tokenResponse(user));
    }
    if (method === 'POST' && path === '/recover') {
      const { email } = JSON.parse(body) as { email?: string };
      if (!email || !users.has(email)) return sendJson(response, 404, { code: 404, msg: 'User not found' });
      return sendJson(response, 200, {});
    }
    if (method === 'POST' && path === '/logout') {
      response.writeHead(204).end();
      return;
    }
    sendJson(response, 404, { code: 404, msg: 'Not found' });
  }

  async function gateway(path: string, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const user = bearerUser(request);
    const allowed = user !== null && (options.gatewayRoles.length === 0 || user.roles.some((role) => options.gatewayRoles.includes(role)));
    if (!allowed) return sendJson(response, 401, { code: 401, msg: 'Invalid token' });
    if (path === '/settings') return sendJson(response, 200, { github_enabled: true, gitlab_enabled: false, bitbucket_enabled: false, roles: options.gatewayRoles });
    const github = path.replace(/^\/github/, '');
    if (github === `/branches/${options.branch}`) return sendJson(response, 200, { name: options.branch, commit: { sha: head } });
    const tree = /^\/git\/trees\/([^:]+):(.+)$/.exec(decodeURIComponent(github));
    if (tree && tree[1] === options.branch) {
      const folder = tree[2]!;
      const listing = await git('ls-tree', '-l', `HEAD:${folder}`).catch(() => null);
      if (listing === null) return sendJson(response, 404, { message: 'Not Found' });
      const entries = listing
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [meta, name] = line.split('\t') as [string, string];
          const [mode, type, sha, size] = meta.split(/\s+/) as [string, string, string, string];
          return { path: name, mode, type, sha, ...(type === 'blob' ? { size: Number(size) } : {}) };
        });
      return sendJson(response, 200, { sha: head, tree: entries, truncated: false });
    }
    const blob = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(github);
    if (blob) {
      const content = await run('git', ['cat-file', 'blob', blob[1]!], { cwd: PROJECT_ROOT, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
      return sendJson(response, 200, { sha: blob[1], size: content.stdout.length, encoding: 'base64', content: content.stdout.toString('base64') });
    }
    // The editorial workflow looks for the CMS's open pull requests: this repository has none.
    if (github === '/pulls') return sendJson(response, 200, []);
    if (github === '/commits') {
      const path = url.searchParams.get('path') ?? '';
      const log = (await git('log', '-1', '--format=%H%x09%an%x09%ae%x09%aI', 'HEAD', '--', path)).trim();
      if (!log) return sendJson(response, 200, []);
      const [sha, name, email, date] = log.split('\t');
      return sendJson(response, 200, [{ sha, commit: { author: { name, email, date }, committer: { name, email, date } }, author: null }]);
    }
    sendJson(response, 404, { message: 'Not Found' });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    response.on('finish', () => requests.push(`${request.method} ${url.pathname} ${response.statusCode}`));
    const handled = url.pathname.startsWith('/.netlify/identity/')
      ? identity(url.pathname.slice('/.netlify/identity'.length), request, response)
      : url.pathname.startsWith('/.netlify/git/')
        ? gateway(url.pathname.slice('/.netlify/git'.length), url, request, response)
        : null;
    if (handled) {
      handled.catch((error: unknown) => sendJson(response, 500, { msg: String(error) }));
      return;
    }
    for (const [name, value] of Object.entries(headersForPath(options.headerRules, url.pathname))) response.setHeader(name, value);
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound);
    });
  });
  const port = await listenOnLoopback(server);

  function issue(email: string, type: 'invite' | 'recovery'): string {
    const token = randomUUID().replaceAll('-', '');
    pendingTokens.set(token, { email, type });
    return token;
  }

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    invite(email, roles) {
      users.set(email, { id: randomUUID(), email, password: null, roles });
      return issue(email, 'invite');
    },
    sendRecovery(email) {
      if (!users.has(email)) throw new Error(`${email} is not a user`);
      return issue(email, 'recovery');
    },
    passwordOf: (email) => users.get(email)?.password,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
