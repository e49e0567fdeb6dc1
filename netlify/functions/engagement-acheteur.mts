/** POST /api/engagement-acheteur — a buyer commits to the charter. */
import type { Config, Context } from '@netlify/functions';
import { handleFormPost } from '../lib/handle-form-post.ts';

export default (request: Request, context: Context) => handleFormPost('engagement-acheteur', request, context);

// No `method` here: other methods reach the handler, which answers 405 with `Allow: POST`.
export const config: Config = { path: ['/api/engagement-acheteur/', '/api/engagement-acheteur'] };
