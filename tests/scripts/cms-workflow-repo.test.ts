/**
 * The clone on which `CMS_WORKFLOW=1 npm run dev` runs decap-server in git mode:
 * made from the last commit of the developer's current branch, as the branch the
 * CMS publishes to, with its own identity and merge commits; kept between runs.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_WORKFLOW_DIRECTORY, prepareCmsWorkflowRepo } from '../../scripts/lib/cms-workflow-repo.ts';
import { createContentRepo, git } from '../helpers/git-repo.ts';
import { PROJECT_ROOT, TEST_TMP } from '../helpers/paths.ts';

const PROJECT = join(TEST_TMP, 'cms-workflow-project');

beforeAll(async () => {
  await createContentRepo(PROJECT, join(PROJECT_ROOT, 'tests', 'fixtures', 'content-with-orders'));
  // The developer works on another branch, with one more commit and an uncommitted change.
  await git(PROJECT, 'checkout', '--quiet', '-b', 'feature');
  await writeFile(join(PROJECT, 'content', 'committed.md'), 'committed\n');
  await git(PROJECT, 'add', '--all');
  await git(PROJECT, 'commit', '--quiet', '--message', 'Feature work');
  await writeFile(join(PROJECT, 'content', 'uncommitted.md'), 'uncommitted\n');
});

afterAll(async () => {
  await rm(PROJECT, { recursive: true, force: true });
});

describe('prepareCmsWorkflowRepo', () => {
  it('clones the last commit as the publishing branch, without uncommitted files, with its own identity and merge commits', async () => {
    const clone = await prepareCmsWorkflowRepo(PROJECT, 'main');
    expect(clone).toBe(join(PROJECT, CMS_WORKFLOW_DIRECTORY));
    expect(await git(clone, 'branch', '--show-current')).toBe('main');
    expect(await git(clone, 'rev-parse', 'HEAD')).toBe(await git(PROJECT, 'rev-parse', 'feature'));
    expect(existsSync(join(clone, 'content', 'committed.md'))).toBe(true);
    expect(existsSync(join(clone, 'content', 'uncommitted.md'))).toBe(false);
    expect(await git(clone, 'config', 'user.name')).toBe('Decap CMS (local)');
    expect(await git(clone, 'config', 'merge.ff')).toBe('false');
  });

  it('keeps an existing clone (its drafts and published entries) on the next run', async () => {
    const clone = join(PROJECT, CMS_WORKFLOW_DIRECTORY);
    await mkdir(join(clone, 'content', 'news'), { recursive: true });
    await writeFile(join(clone, 'content', 'news', 'published-locally.md'), 'kept\n');
    await git(clone, 'add', '--all');
    await git(clone, 'commit', '--quiet', '--message', 'Published in the local CMS');
    const head = await git(clone, 'rev-parse', 'HEAD');
    expect(await prepareCmsWorkflowRepo(PROJECT, 'main')).toBe(clone);
    expect(await git(clone, 'rev-parse', 'HEAD')).toBe(head);
  });
});
