/** A "Site web" row of a facts list, showing the address without its scheme; nothing when there is no address. */
export function WebsiteFact({ url }: { readonly url: string | undefined }) {
  if (!url) return null;
  return (
    <div>
      <dt>Site web</dt>
      <dd>
        <a href={url}>{url.replace(/^https?:\/\//, '')}</a>
      </dd>
    </div>
  );
}
