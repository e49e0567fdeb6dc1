/**
 * Netlify Identity e-mails its invitation and reset links to the site's root
 * (`/#invite_token=…`, `/#recovery_token=…`): this sends them on to the page
 * that completes them, `/compte-editeur/` (`src/lib/cms/identity-link.ts`).
 * Loaded by the home page and by `/admin/`; any other fragment is left alone.
 */
import { forwardIdentityLink } from '../lib/cms/identity-link.ts';

const target = forwardIdentityLink(window.location.hash);
if (target) window.location.replace(target);
