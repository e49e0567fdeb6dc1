/**
 * Reads and validates the site settings file (`content/settings/site.yml`).
 * Used at build time by the content config and the pages, and at run time by
 * the form functions, so that the ceiling and the programme address are defined once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { SiteSettings } from './collections.ts';
import { SETTINGS_FILE } from './collections.ts';
import { SiteSettingsSchema } from './schemas.ts';
import { formatContentIssues } from './format-content-issues.ts';

/**
 * Parse settings from YAML text.
 * @param yamlText the file's content
 * @param fileLabel the path shown in errors
 * @throws Error naming the file, each bad field and the reason (in French)
 */
export function parseSiteSettings(yamlText: string, fileLabel: string): SiteSettings {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (error) {
    throw new Error(`${fileLabel} : YAML illisible (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = SiteSettingsSchema.safeParse(raw);
  if (!result.success) throw new Error(formatContentIssues(fileLabel, result.error.issues));
  return result.data;
}

/**
 * Read the settings file of a project.
 * @param projectRoot absolute path of the repository (default: the working directory)
 * @throws Error when the file is missing, unreadable or invalid, naming the file
 */
export function readSiteSettings(projectRoot: string = process.cwd()): SiteSettings {
  const path = resolve(projectRoot, SETTINGS_FILE);
  return parseSiteSettings(readFileSync(path, 'utf8'), SETTINGS_FILE);
}
