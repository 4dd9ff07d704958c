/** Running git and reading trees, blobs and diffs without a shell. */

import { execFile, spawn } from 'node:child_process';
import { ConfigError, GitError } from '../core/errors';

export { GitError };

const MAX_BUFFER = 1024 * 1024 * 1024;


/** Runs git with arguments, never through a shell, and returns stdout as bytes. */
export function gitBytes(repo: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: repo, encoding: 'buffer', maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (error) {
        const reason = stderr.toString('utf8').trim().split('\n')[0] || error.message;
        reject(new GitError('git-failed', { command: args[0], reason }));
        return;
      }
      resolve(stdout);
    });
  });
}

export async function git(repo: string, args: string[]): Promise<string> {
  return (await gitBytes(repo, args)).toString('utf8');
}

/** Resolves a revision to a full commit id, or fails with a usage error naming it. */
export async function resolveCommit(repo: string, revision: string): Promise<string> {
  try {
    return (await git(repo, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])).trim();
  } catch {
    throw new ConfigError('revision-not-found', { revision: JSON.stringify(revision), repo });
  }
}

export async function isRepository(repo: string): Promise<boolean> {
  try {
    return (await git(repo, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** The top of the work tree, which git paths are relative to. */
export async function topLevel(repo: string): Promise<string> {
  return (await git(repo, ['rev-parse', '--show-toplevel'])).trim();
}

/**
 * Finds the default base: the merge-base of HEAD with the default branch,
 * taken from `origin/HEAD` when set, else the first of main, master and
 * their `origin/` forms that exists.
 */
export async function defaultBase(repo: string): Promise<string> {
  const candidates: string[] = [];
  try {
    candidates.push((await git(repo, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])).trim());
  } catch {
    // No remote default branch is recorded; try the usual names.
  }
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const candidate of candidates) {
    try {
      const branch = (await git(repo, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])).trim();
      return (await git(repo, ['merge-base', 'HEAD', branch])).trim();
    } catch {
      continue;
    }
  }
  throw new ConfigError('no-default-branch');
}

export interface TreeFile {
  path: string;
  mode: string;
  oid: string;
}

/** Lists the files of a commit, with their modes, so links and submodules can be recognised. */
export async function listTree(repo: string, commit: string): Promise<TreeFile[]> {
  const output = await git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const files: TreeFile[] = [];
  for (const record of output.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    // Blobs, and commits, which are submodules: the checker reports those rather than skipping them.
    if (type !== 'blob' && type !== 'commit') continue;
    files.push({ path: record.slice(tab + 1), mode, oid });
  }
  return files;
}

/**
 * Reads one blob through `git cat-file --batch`, whose header gives the size
 * up front: the content is copied once into a buffer of that size, instead of
 * being collected in chunks and joined, which doubles the peak memory of a
 * large data file.
 */
export function readBlob(repo: string, oid: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: repo, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let header = Buffer.alloc(0);
    let content: Buffer | undefined;
    let filled = 0;
    let failure: Error | undefined;
    const stderr: Buffer[] = [];

    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      let data = chunk;
      if (!content) {
        header = Buffer.concat([header, data]);
        const newline = header.indexOf(0x0a);
        if (newline < 0) return;
        const fields = header.subarray(0, newline).toString('utf8').split(' ');
        if (fields[1] !== 'blob' || !/^\d+$/.test(fields[2] ?? '')) {
          failure = new GitError('git-failed', { command: 'cat-file', reason: `${fields.slice(1).join(' ') || 'no header'} for ${oid}` });
          return;
        }
        content = Buffer.allocUnsafe(Number(fields[2]));
        data = header.subarray(newline + 1);
      }
      const take = Math.min(data.length, content.length - filled);
      data.copy(content, filled, 0, take);
      filled += take;
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new GitError('git-failed', { command: 'cat-file', reason: error.message })));
    child.on('close', (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(new GitError('git-failed', { command: 'cat-file', reason: Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] || `exit code ${code}` }));
      else if (!content || filled < content.length) reject(new GitError('git-failed', { command: 'cat-file', reason: `the content of ${oid} ended early` }));
      else resolve(content);
    });
    child.stdin.end(`${oid}\n`);
  });
}

/** Files of the work tree that git tracks or would track (untracked but not ignored). */
export async function listWorkTree(repo: string): Promise<string[]> {
  const output = await git(repo, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name']);
  return [...new Set(output.split('\0').filter(Boolean))];
}

/** Files staged in the index, with their blob ids. */
export async function listIndex(repo: string): Promise<TreeFile[]> {
  const output = await git(repo, ['ls-files', '-z', '--stage', '--full-name']);
  const files: TreeFile[] = [];
  for (const record of output.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, oid, stage] = record.slice(0, tab).split(' ');
    if (stage !== '0') continue;
    files.push({ path: record.slice(tab + 1), mode, oid });
  }
  return files;
}

export interface RenamedPath {
  from: string;
  to: string;
}

/** Renames between a commit and another commit, the index or the work tree, as git's rename detection finds them. */
export async function listRenames(repo: string, base: string, head: string | 'worktree' | 'index'): Promise<RenamedPath[]> {
  const args = ['diff', '--name-status', '-z', '-M', '--diff-filter=R'];
  if (head === 'index') args.push('--cached', base);
  else if (head === 'worktree') args.push(base);
  else args.push(base, head);
  const fields = (await git(repo, args)).split('\0');
  const renames: RenamedPath[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (fields[i].startsWith('R')) renames.push({ from: fields[i + 1], to: fields[i + 2] });
  }
  return renames;
}
