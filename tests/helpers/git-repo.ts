/**
 * Throw-away git repositories for tests that run `decap-server` in git mode:
 * a folder holding a copy of a content folder, committed on `main`.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Run git in `repoDir`.
 * @returns its standard output, trimmed
 * @throws Error with git's message when it exits with a non-zero code
 */
export async function git(repoDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd: repoDir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' } });
  return stdout.trim();
}

/**
 * Create `repoDir` afresh (anything there is removed) with `content/` copied from
 * `contentFrom`, committed as the first commit of branch `main` by a test author.
 * Merges always make a merge commit (`merge.ff false`), as GitHub's merge of a
 * pull request does when Decap publishes an entry in production.
 */
export async function createContentRepo(repoDir: string, contentFrom: string): Promise<void> {
  await rm(repoDir, { recursive: true, force: true });
  await mkdir(repoDir, { recursive: true });
  await cp(contentFrom, join(repoDir, 'content'), { recursive: true });
  await git(repoDir, 'init', '--quiet', '--initial-branch=main');
  await git(repoDir, 'config', 'user.name', 'Test editor');
  await git(repoDir, 'config', 'user.email', 'editor@test.example');
  await git(repoDir, 'config', 'commit.gpgsign', 'false');
  await git(repoDir, 'config', 'merge.ff', 'false');
  await git(repoDir, 'add', '--all');
  await git(repoDir, 'commit', '--quiet', '--message', 'Initial content');
}
