/** One side of a change: the files of a commit, of the index, or of the work tree. */

import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listIndex, listTree, listWorkTree, readBlob, type TreeFile } from './git';

export interface SnapshotFile {
  path: string;
  /** The blob id when git knows it, so equal ids mean equal content without reading. */
  oid?: string;
  symlink: boolean;
  /** A submodule (a gitlink), whose content lives in another repository. */
  submodule?: boolean;
}

export interface Snapshot {
  /** A commit id, or `worktree` / `index`. */
  readonly label: string;
  list(): Promise<SnapshotFile[]>;
  read(file: SnapshotFile): Promise<Buffer>;
}

const SYMLINK_MODE = '120000';
const GITLINK_MODE = '160000';

/** A side whose files are git blobs: a commit's tree, or the index. */
abstract class BlobSnapshot implements Snapshot {
  abstract readonly label: string;

  constructor(protected readonly repo: string) {}

  protected abstract listBlobs(): Promise<TreeFile[]>;

  async list(): Promise<SnapshotFile[]> {
    const files = await this.listBlobs();
    return files.map((file) => ({ path: file.path, oid: file.oid, symlink: file.mode === SYMLINK_MODE, submodule: file.mode === GITLINK_MODE }));
  }

  read(file: SnapshotFile): Promise<Buffer> {
    return readBlob(this.repo, file.oid as string);
  }
}

export class CommitSnapshot extends BlobSnapshot {
  constructor(
    repo: string,
    readonly label: string,
  ) {
    super(repo);
  }

  protected listBlobs(): Promise<TreeFile[]> {
    return listTree(this.repo, this.label);
  }
}

export class IndexSnapshot extends BlobSnapshot {
  readonly label = 'index';

  protected listBlobs(): Promise<TreeFile[]> {
    return listIndex(this.repo);
  }
}

export class WorkTreeSnapshot implements Snapshot {
  readonly label = 'worktree';

  /** `root` is the top of the work tree, which git paths are relative to. */
  constructor(private readonly root: string) {}

  async list(): Promise<SnapshotFile[]> {
    const files: SnapshotFile[] = [];
    for (const path of await listWorkTree(this.root)) {
      try {
        const stats = await lstat(join(this.root, path));
        if (stats.isSymbolicLink()) files.push({ path, symlink: true });
        else if (stats.isFile()) files.push({ path, symlink: false });
        else if (stats.isDirectory()) files.push({ path, symlink: false, submodule: true });
      } catch {
        // Tracked but deleted in the work tree: absent on this side.
      }
    }
    return files;
  }

  read(file: SnapshotFile): Promise<Buffer> {
    // The path comes from git's listing and lstat saw a regular file, so it stays inside the work tree.
    return readFile(join(this.root, file.path));
  }
}
