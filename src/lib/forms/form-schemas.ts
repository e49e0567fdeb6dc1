/**
 * Data types of the forms, derived from their definitions (`definitions/`);
 * kept for the storage and command-line modules that issue 10 rewrites.
 */
export type { OrderRequest, StartupApplication } from './definitions/index.ts';
