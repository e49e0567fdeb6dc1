/**
 * Reads and validates the site settings file (`content/settings/site.yml`).
 * Used at build time by the content config and the pages, and at run time by
 * the form functions, so that the ceiling and the programme address are defined once.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { SiteSettings } from './collections.ts';
import { SETTINGS_FILE_IN_CONTENT } from './collections.ts';
import { SiteSettingsSchema } from './schemas.ts';
import { formatContentIssues } from './format-content-issues.ts';
import { findYamlProblem, formatYamlProblem } from './describe-yaml-error.ts';

/**
 * Parse settings from YAML text.
 * @param yamlText the file's content
 * @param fileLabel the path shown in errors
 * @throws Error naming the file, each bad field and the reason (in French); for
 *   unreadable YAML, the line, the field and what to do (`describe-yaml-error.ts`)
 */
export function parseSiteSettings(yamlText: string, fileLabel: string): SiteSettings {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (error) {
    const problem = findYamlProblem(yamlText);
    throw new Error(problem ? formatYamlProblem(fileLabel, problem) : `${fileLabel} : YAML illisible (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = SiteSettingsSchema.safeParse(raw);
  if (!result.success) throw new Error(formatContentIssues(fileLabel, result.error.issues));
  return result.data;
}

/**
 * Read the settings file of a content folder.
 * @param contentRoot absolute path of the content folder (see `content-root.ts`)
 * @throws Error when the file is missing, unreadable or invalid, naming the file
 */
export function readSiteSettings(contentRoot: string): SiteSettings {
  const path = join(contentRoot, SETTINGS_FILE_IN_CONTENT);
  return parseSiteSettings(readFileSync(path, 'utf8'), relative(process.cwd(), path));
}
