/** URL of the CMS page's script (src/integrations/admin-bundle.ts). */
declare module 'virtual:admin-script' {
  const script: string;
  export default script;
}
