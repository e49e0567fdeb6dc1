import { describe, expect, it } from 'vitest';
import { readProductionBackend, selectCmsBackend } from '../../../src/lib/cms/select-cms-backend.ts';

describe('selectCmsBackend', () => {
  const production = { name: 'github', repo: 'm2a/premiers-bons', branch: 'main' } as const;

  it.each(['localhost', '127.0.0.1'])('uses the loopback decap-server on %s, asking for the workflow that its git mode offers', (hostname) => {
    expect(selectCmsBackend(hostname, production)).toEqual({
      backend: { name: 'git-gateway', branch: 'main' },
      local_backend: { url: 'http://127.0.0.1:8081/api/v1', allowed_hosts: ['localhost', '127.0.0.1'] },
      publish_mode: 'editorial_workflow',
    });
  });

  it('uses the production backend with the editorial workflow elsewhere', () => {
    expect(selectCmsBackend('premiers-bons-de-commande.fr', production)).toEqual({
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
