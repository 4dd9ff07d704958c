/**
 * Making the compared commits present in a shallow checkout. `actions/checkout`
 * fetches one commit by default, so the base, the head and the history
 * between them are fetched from `origin` by commit id when missing.
 */

import { git, GitError } from '../git/git';

/** History depths tried in turn while looking for a merge base, before fetching the whole history. */
const MERGE_BASE_DEPTHS = [50, 500];

/** Runs git with arguments in the checkout and returns its output. */
export type Fetcher = (args: string[]) => Promise<string>;

export function gitIn(repo: string): Fetcher {
  return (args) => git(repo, args);
}

async function hasCommit(run: Fetcher, sha: string): Promise<boolean> {
  try {
    await run(['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Fetches the commits that are not in the checkout, with `depth` commits of history each. */
export async function ensureCommits(run: Fetcher, shas: readonly string[], depth = 1): Promise<void> {
  const missing: string[] = [];
  for (const sha of new Set(shas)) {
    if (!(await hasCommit(run, sha))) missing.push(sha);
  }
  if (missing.length === 0) return;
  try {
    await run(['fetch', '--no-tags', '--no-recurse-submodules', `--depth=${depth}`, 'origin', ...missing]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitError(`commits ${missing.join(', ')} are not in the checkout and fetching them from origin failed (${reason}). Check that actions/checkout ran before this step.`);
  }
}

async function mergeBase(run: Fetcher, base: string, head: string): Promise<string | undefined> {
  try {
    return (await run(['merge-base', base, head])).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function isShallow(run: Fetcher): Promise<boolean> {
  return (await run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/**
 * Finds the merge base of two commits, deepening the history step by step,
 * and last fetching all of it. Returns undefined when the commits share no
 * history even then.
 */
export async function findMergeBase(run: Fetcher, base: string, head: string): Promise<string | undefined> {
  await ensureCommits(run, [base, head]);
  const found = await mergeBase(run, base, head);
  if (found) return found;

  for (const depth of MERGE_BASE_DEPTHS) {
    if (!(await isShallow(run))) return undefined;
    await run(['fetch', '--no-tags', '--no-recurse-submodules', `--depth=${depth}`, 'origin', base, head]);
    const deeper = await mergeBase(run, base, head);
    if (deeper) return deeper;
  }
  if (await isShallow(run)) {
    await run(['fetch', '--no-tags', '--no-recurse-submodules', '--unshallow', 'origin', base, head]);
  }
  return mergeBase(run, base, head);
}
