/**
 * `.astro` imports for `tsc`, which does not read Astro files (`astro check`
 * types them from the files themselves): what the container API renders.
 */
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
