/**
 * The git repository on which `CMS_WORKFLOW=1 npm run dev` runs Decap's
 * editorial workflow (`decap-server` in git mode), kept apart from the
 * developer's working tree: decap-server checks branches out in the repository
 * it serves and commits with `git add .`, which would sweep the developer's
 * uncommitted changes into an editor's draft. So the workflow runs on a local
 * clone, `.cms-workflow/` (git-ignored), made once from the current commit.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Folder of the clone, under the project root. */
export const CMS_WORKFLOW_DIRECTORY = '.cms-workflow';

async function git(cwd: string, ...args: string[]): Promise<void> {
  await execFileAsync('git', args, { cwd });
}

/**
 * Clone the project into `.cms-workflow/` unless it is there already (its drafts
 * and published entries are kept between runs), with the committed state of the
 * current branch as `branch` (the branch the CMS publishes to, `DECAP_BRANCH`),
 * a commit identity of its own, and a merge commit for each published entry
 * (`merge.ff false`), as GitHub makes when Decap merges a pull request.
 * @param projectRoot absolute path of the repository
 * @returns absolute path of the clone
 * @throws Error with git's message when the project is not a git repository
 */
export async function prepareCmsWorkflowRepo(projectRoot: string, branch: string): Promise<string> {
  const directory = join(projectRoot, CMS_WORKFLOW_DIRECTORY);
  if (existsSync(join(directory, '.git'))) return directory;
  await git(projectRoot, 'clone', '--quiet', projectRoot, directory);
  await git(directory, 'checkout', '--quiet', '-B', branch);
  await git(directory, 'config', 'user.name', 'Decap CMS (local)');
  await git(directory, 'config', 'user.email', 'decap-cms@localhost');
  await git(directory, 'config', 'merge.ff', 'false');
  return directory;
}
