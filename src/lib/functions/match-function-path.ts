/**
 * Which function answers a path, the way Netlify routes requests to functions:
 * a function's `config.path` (one pattern or a list) is matched against the
 * request's path with URLPattern syntax (`/api/:name`, `/*`), minus any
 * `config.excludedPath`. Functions with no `path` (scheduled ones, with a
 * `schedule`) answer no request.
 * Source: https://docs.netlify.com/build/functions/get-started/#route-requests
 * (« path … supports URLPattern »).
 */

/** The routing part of a function's exported `config` (`@netlify/functions`' `Config`). */
export interface FunctionRouting {
  readonly path?: string | readonly string[];
  readonly excludedPath?: string | readonly string[];
}

/** A function module as loaded: its default export (the handler) and its `config`. */
export interface FunctionModule<Handler> {
  readonly default: Handler;
  readonly config?: FunctionRouting;
}

function patterns(value: string | readonly string[] | undefined): URLPattern[] {
  if (value === undefined) return [];
  return (typeof value === 'string' ? [value] : value).map((pathname) => new URLPattern({ pathname }));
}

/**
 * True when `config` routes `pathname` to its function.
 * @param pathname the request's path, e.g. `/api/jeton/` (no query)
 * @throws TypeError when a pattern of `config` is not valid URLPattern syntax
 */
export function matchesFunctionPath(config: FunctionRouting | undefined, pathname: string): boolean {
  if (!config) return false;
  const test = (pattern: URLPattern) => pattern.test({ pathname });
  return patterns(config.path).some(test) && !patterns(config.excludedPath).some(test);
}

/**
 * The first of `modules` whose `config` routes `pathname`, or `undefined`.
 * @throws TypeError when a pattern is not valid URLPattern syntax
 */
export function findFunctionForPath<Module extends { readonly config?: FunctionRouting }>(modules: Iterable<Module>, pathname: string): Module | undefined {
  for (const module of modules) if (matchesFunctionPath(module.config, pathname)) return module;
  return undefined;
}
