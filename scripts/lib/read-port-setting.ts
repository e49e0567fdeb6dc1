/** Reads a TCP port from an environment variable (a setting of the local commands, such as `PORT`). */

/**
 * The port in `env[name]`, or `fallback` when the variable is unset or empty.
 * @returns an integer from 1 to 65535
 * @throws Error naming the variable when its value is not such an integer (e.g. « PORT must be a port number from 1 to 65535, not "80a". »)
 */
export function readPortSetting(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) throw new Error(`${name} must be a port number from 1 to 65535, not ${JSON.stringify(value)}.`);
  return port;
}
