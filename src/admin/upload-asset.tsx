/**
 * Lets the CMS show an uploaded image, before and after the entry is saved.
 *
 * Why: front matter stores `/uploads/<file>` (Decap `public_folder`), and Decap
 * loads any value starting with `/` from the site as is (decap-cms-core
 * `getAsset` → `selectMediaFilePath`, whose `isAbsolutePath` matches `^/`). The
 * site serves only resized copies, and an upload not yet saved exists only in
 * the editor's memory: the thumbnail and the preview got a 404. Given the bare
 * file name, Decap resolves it into `media_folder` and finds the upload: the
 * in-memory file before the save, the backend's copy after.
 */
import { forwardRef, type ComponentType, type RefAttributes } from 'react';
import type { CMS as DecapCms } from 'decap-cms-core';
import { UPLOADS_PUBLIC_PREFIX, uploadFileName } from '../lib/content-model/upload-path.ts';

/**
 * The path to hand to Decap's `getAsset` for an image value.
 * @param value stored value, e.g. `/uploads/logo-acme.png`
 * @returns `logo-acme.png` for an upload; any other value unchanged
 */
export function uploadAssetPath(value: string): string {
  return value.startsWith(UPLOADS_PUBLIC_PREFIX) ? uploadFileName(value) : value;
}

/** Decap's `getAsset` as widgets call it (an asset proxy; its `toString()` is the URL to draw). */
type GetAsset = (path: string, field?: unknown) => { toString(): string };

/** The props Decap gives a widget control; only `getAsset` is changed here. */
interface ControlProps {
  readonly getAsset: GetAsset;
  readonly [prop: string]: unknown;
}

/** What `getWidget` really returns (decap-cms-core's typings describe `control` as props). */
interface RegisteredWidget {
  readonly control: ComponentType<ControlProps & RefAttributes<unknown>>;
  readonly preview: ComponentType;
  readonly schema: object;
}

/**
 * Re-registers Decap's `image` widget so that its thumbnail looks uploads up by
 * file name; the control itself (upload, media library, validation) is Decap's.
 * Call before `CMS.init`.
 */
export function registerUploadAwareImageWidget(cms: DecapCms): void {
  const image = cms.getWidget('image') as unknown as RegisteredWidget;
  const Control = image.control;
  const UploadAwareControl = forwardRef<unknown, ControlProps>(function UploadAwareControl(props, ref) {
    // forwardRef's props type (an Omit of ControlProps) loses the key beside the index signature.
    const getAsset = props.getAsset as GetAsset;
    // A new function on each render, as Decap passes it: the thumbnail asks again once a saved file has loaded.
    const getUploadAsset: GetAsset = (path, field) => getAsset(uploadAssetPath(path), field);
    return <Control {...props} ref={ref} getAsset={getUploadAsset} />;
  });
  // The 4th argument (the option schema, e.g. `choose_url`) is missing from the typings.
  (cms.registerWidget as (name: string, control: unknown, preview: unknown, schema: object) => void)('image', UploadAwareControl, image.preview, image.schema);
}
