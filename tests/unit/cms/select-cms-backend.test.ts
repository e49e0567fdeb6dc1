import { describe, expect, it } from 'vitest';
import { readProductionBackend, selectCmsBackend } from '../../../src/lib/cms/select-cms-backend.ts';

describe('selectCmsBackend', () => {
  const production = { name: 'github', repo: 'm2a/premiers-bons', branch: 'main' } as const;

  it.each([
    ['localhost', 'http://localhost:4321', 'http://localhost:4321/api/v1/'],
    ['127.0.0.1', 'http://127.0.0.1:4321', 'http://127.0.0.1:4321/api/v1/'],
    ['127.0.0.1', 'http://127.0.0.1:40123', 'http://127.0.0.1:40123/api/v1/'],
  ])('on %s (%s) uses the local backend at %s, on the page’s own origin, asking for the workflow that its git mode offers', (hostname, origin, url) => {
    expect(selectCmsBackend({ hostname, origin }, production)).toEqual({
      backend: { name: 'git-gateway', branch: 'main' },
      local_backend: { url, allowed_hosts: ['localhost', '127.0.0.1'] },
      publish_mode: 'editorial_workflow',
    });
  });

  it('uses the production backend with the editorial workflow elsewhere', () => {
    expect(selectCmsBackend({ hostname: 'premiers-bons-de-commande.fr', origin: 'https://premiers-bons-de-commande.fr' }, production)).toEqual({
      backend: { name: 'github', repo: 'm2a/premiers-bons', branch: 'main' },
      publish_mode: 'editorial_workflow',
    });
  });
});

describe('readProductionBackend', () => {
  it('defaults to Git Gateway on main', () => {
    expect(readProductionBackend({})).toEqual({ name: 'git-gateway', branch: 'main' });
  });

  it('reads GitHub settings', () => {
    expect(readProductionBackend({ DECAP_BACKEND: 'github', DECAP_REPO: 'a/b', DECAP_BRANCH: 'prod' })).toEqual({
      name: 'github',
      repo: 'a/b',
      branch: 'prod',
    });
  });

  it.each([
    [{ DECAP_BACKEND: 'gitlab' }, /DECAP_BACKEND must be "git-gateway" or "github", not "gitlab"/],
    [{ DECAP_BACKEND: 'github' }, /DECAP_REPO \(owner\/name\) is required/],
  ])('%j fails naming the variable', (env, message) => {
    expect(() => readProductionBackend(env)).toThrow(message);
  });
});
