/**
 * The CMS page's one script (src/pages/admin/index.astro), bundled apart from
 * the site, once per change of its inputs, and served as that same bundle by
 * `astro build` and `astro dev` (src/integrations/admin-bundle.ts).
 */
import './init-cms.ts';
