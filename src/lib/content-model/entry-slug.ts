/**
 * Entry identifiers come from file names: `content/startups/acme-robotique.md`
 * has the slug `acme-robotique`. File names must already be ASCII kebab-case
 * (what the CMS writes with `slug.encoding: ascii`), so URLs never change
 * silently when a name is slugified differently.
 */
import { SLUG_PATTERN } from './fields.ts';

/**
 * The slug of a content file.
 * @param relativePath path inside the collection folder, e.g. `acme.md`
 * @param collectionFolder folder shown in errors, e.g. `content/startups`
 * @throws Error naming the file when its name is not ASCII kebab-case or it sits in a subfolder
 */
export function slugFromFileName(relativePath: string, collectionFolder: string): string {
  const slug = relativePath.replace(/\.(md|ya?ml)$/, '');
  if (!new RegExp(SLUG_PATTERN.source).test(slug)) {
    throw new Error(
      `Nom de fichier invalide : ${collectionFolder}/${relativePath}. ${SLUG_PATTERN.message} Renommez le fichier.`,
    );
  }
  return slug;
}
