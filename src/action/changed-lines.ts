/** Lines each file's change added, from git, to rank findings on changed lines first. */

import { git } from '../git/git';
import type { FileChange } from '../core/types';
import { parsePatch } from './patch';

/**
 * Diffs each of `paths` between two commits. A renamed file is diffed with
 * its previous name, so only its edited lines count as added.
 */
export async function addedLines(repo: string, base: string, head: string, paths: Iterable<string>, changes: readonly FileChange[]): Promise<Map<string, Set<number>>> {
  const result = new Map<string, Set<number>>();
  for (const path of new Set(paths)) {
    const change = changes.find((candidate) => candidate.path === path);
    if (!change || change.status === 'deleted' || change.status === 'unchanged') continue;
    const pathspec = change.previousPath ? [change.previousPath, path] : [path];
    const patch = await git(repo, ['diff', '--no-color', '--no-ext-diff', '-U0', '-M', base, head, '--', ...pathspec]);
    result.set(path, parsePatch(patch).added);
  }
  return result;
}
