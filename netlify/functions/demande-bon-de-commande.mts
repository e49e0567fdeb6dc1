/** POST /api/demande-bon-de-commande — a buyer asks a startup for a first order. */
import type { Config, Context } from '@netlify/functions';
import { handleFormPost } from '../lib/handle-form-post.ts';

export default (request: Request, context: Context) => handleFormPost('demande-bon-de-commande', request, context);

// No `method` here: other methods reach the handler, which answers 405 with `Allow: POST`.
export const config: Config = { path: ['/api/demande-bon-de-commande/', '/api/demande-bon-de-commande'] };
