/**
 * Turns validation issues into one message that names the file, each field and
 * the reason, e.g. `content/startups/acme.md — postcode : Texte attendu…`.
 */
import type { z } from 'zod';

/** Dotted path of an issue (`offers.0.price_ht`), or `(fichier)` for the whole entry. */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(fichier)' : issue.path.map(String).join('.');
}

/**
 * Format issues for an editor reading a build log.
 * @param fileLabel path of the content file, relative to the project root
 */
export function formatContentIssues(fileLabel: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => `  - ${issuePath(issue)} : ${issue.message}`);
  return `Contenu invalide dans ${fileLabel} :\n${lines.join('\n')}`;
}
