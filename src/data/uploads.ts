/**
 * Uploaded images, resized and converted by Astro's image pipeline (sharp) at
 * build time. Build-time glue: pages call `optimizeUpload` and hand the result
 * to the site's components. Files come from the `uploads/` folder of the content
 * folder being built (`@uploads`, aliased in astro.config.mjs).
 * Docs: https://docs.astro.build/en/guides/images/#generating-images-with-getimage
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { uploadFileName } from '../lib/content-model/upload-path.ts';
import type { SiteImage } from '../lib/site/site-image.ts';

const uploads = import.meta.glob<ImageMetadata>('@uploads/*.{png,jpg,jpeg,webp,avif}', { eager: true, import: 'default' });
const byFileName = new Map(Object.entries(uploads).map(([path, image]) => [path.slice(path.lastIndexOf('/') + 1), image]));

/** Display width of a logo on a profile, in CSS pixels (`.profile__logo` in global.css). */
export const LOGO_WIDTH = 160;

/** Display width of a public body's logo in the header's brand block, in CSS pixels (`.brand__logo` in global.css). */
export const BRAND_LOGO_WIDTH = 96;

/** Display width of a news item's image on its page, in CSS pixels (`.news__image` in global.css; at most the text's width). */
export const NEWS_IMAGE_WIDTH = 640;

/**
 * A WebP copy of an upload, `width` CSS pixels wide at twice the density.
 * @param publicPath stored path (`/uploads/logo-acme.png`), already checked to exist by the content schema
 * @param alt the entry's alternative text (required with an image by the schema)
 * @param width display width in CSS pixels
 * @returns `undefined` when the entry has no image
 * @throws Error naming the file when it is not among the uploads (the content schema makes this unreachable)
 */
export async function optimizeUpload(publicPath: string | undefined, alt: string | undefined, width: number): Promise<SiteImage | undefined> {
  if (publicPath === undefined) return undefined;
  const source = byFileName.get(uploadFileName(publicPath));
  if (!source) throw new Error(`Image ${publicPath} is not among the uploads read by the image pipeline.`);
  const image = await getImage({ src: source, width: width * 2, format: 'webp' });
  return { src: image.src, width, height: Math.round((width * source.height) / source.width), alt: alt ?? '' };
}
