/** A usage or configuration problem: the run stops with exit code 2 and this one-line message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
