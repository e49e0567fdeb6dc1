/** POST /api/candidature — a startup applies to the DAS numérique. */
import type { Config, Context } from '@netlify/functions';
import { handleFormPost } from '../lib/handle-form-post.ts';

export default (request: Request, context: Context) => handleFormPost('candidature', request, context);

// No `method` here: other methods reach the handler, which answers 405 with `Allow: POST`.
export const config: Config = { path: ['/api/candidature/', '/api/candidature'] };
