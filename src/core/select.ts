/** Choosing the data files among a snapshot's paths by globs. */

import picomatch from 'picomatch';

export type PathFilter = (path: string) => boolean;

export function createFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const options = { dot: true };
  const included = picomatch(include as string[], options);
  const excluded = exclude.length > 0 ? picomatch(exclude as string[], options) : () => false;
  return (path) => included(path) && !excluded(path);
}

/**
 * Checks a path named on the command line: it must be relative and stay
 * inside the repository, because the checker reads only the repository.
 */
export function isInsideRepository(path: string): boolean {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return false;
  const parts = path.split(/[\\/]+/);
  let depth = 0;
  for (const part of parts) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return false;
  }
  return true;
}
