/**
 * Where uploaded media live. The CMS uploads into `content/uploads/` and writes
 * `/uploads/<file>` in the front matter; the build reads the file from the
 * `uploads/` folder of the content folder being built (so a `CONTENT_DIR`
 * fixture carries its own media) and serves resized copies through Astro's
 * image pipeline, never the original. Browser-safe (the CMS imports it): no
 * Node module here.
 */
/** Folder of the uploads inside the content folder. */
export const UPLOADS_IN_CONTENT = 'uploads';

/** Prefix of an upload's path as stored in front matter (Decap `public_folder`). */
export const UPLOADS_PUBLIC_PREFIX = '/uploads/';

/**
 * File name of an upload from its stored path: `/uploads/logo-acme.png` → `logo-acme.png`.
 * @param publicPath a value that matched `UPLOAD_PATTERN`
 */
export function uploadFileName(publicPath: string): string {
  return publicPath.slice(UPLOADS_PUBLIC_PREFIX.length);
}
