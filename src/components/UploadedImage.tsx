import type { SiteImage } from '../lib/site/site-image.ts';

/** Props: the image (resized on the site, the uploaded file in the CMS preview) and its CSS class. */
export interface UploadedImageProps {
  readonly image: SiteImage;
  readonly className: string;
}

/** An uploaded image with its alternative text and, when known, its size (no layout shift). */
export function UploadedImage({ image, className }: UploadedImageProps) {
  return <img className={className} src={image.src} width={image.width} height={image.height} alt={image.alt} decoding="async" />;
}
