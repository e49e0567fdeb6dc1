/**
 * An image as the site's components draw it: on the site, a resized copy made
 * by Astro's image pipeline; in the CMS preview, the uploaded file itself.
 */
export interface SiteImage {
  /** URL of the image file. */
  readonly src: string;
  /** Display size in CSS pixels, when known (avoids layout shifts). */
  readonly width?: number;
  readonly height?: number;
  /** Alternative text (RGAA 1.1), required with an image by the content schema. */
  readonly alt: string;
}
