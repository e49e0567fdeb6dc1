/**
 * Whether a first-order request may name a startup (issue 14): a published,
 * real startup. A fictional sample (`sample: true`) has an order address that
 * reaches no one, so it is neither offered by the order form nor accepted by
 * the function; a draft is not published.
 */

/**
 * @param startup a startup's `draft` and `sample` flags (a published entry has no `draft: true`)
 * @returns true when an order request may name it
 */
export function isOrderableStartup(startup: { readonly draft?: boolean | undefined; readonly sample?: boolean | undefined }): boolean {
  return startup.draft !== true && startup.sample !== true;
}
