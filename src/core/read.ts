/** Reading the selected data files of both sides of a change, parsing each distinct content once. */

import type { Snapshot, SnapshotFile } from '../git/snapshot';
import type { ParsedFile } from './model';
import { parseDataFile, type ParseOptions } from './parse-file';
import type { PathFilter } from './select';
import type { FileChange } from './types';

export interface Sides {
  base: Map<string, ParsedFile>;
  head: Map<string, ParsedFile>;
  /** Every selected path that differs between base and head. */
  changes: FileChange[];
  /** Head paths mapped to their base paths, for renamed files. */
  renames: Map<string, string>;
}

/** A data path that is not a regular file: reported, never followed or read. */
function unreadableFile(path: string, messageId: 'symlink' | 'submodule'): ParsedFile {
  const parsed = parseDataFile(path, new Uint8Array(0));
  parsed.findings = [{ ruleId: 'file-shape', messageId, data: {}, file: path, pointer: '', offset: { start: 0, end: 0 } }];
  return parsed;
}

interface ReadFile {
  /** The content, kept only while the other side may need it for a comparison by bytes. */
  bytes?: Buffer;
  parsed: ParsedFile;
}

async function readSide(snapshot: Snapshot, files: SnapshotFile[], options: ParseOptions, keepBytes: boolean, reuse?: Map<string, ReadFile>): Promise<Map<string, ReadFile>> {
  const result = new Map<string, ReadFile>();
  for (const file of files) {
    if (file.symlink || file.submodule) {
      // A link could point outside the repository, and a submodule's content is another repository's.
      result.set(file.path, { bytes: Buffer.alloc(0), parsed: unreadableFile(file.path, file.symlink ? 'symlink' : 'submodule') });
      continue;
    }
    const previous = reuse?.get(file.path);
    if (previous && file.oid !== undefined && previous.parsed.blob === file.oid) {
      result.set(file.path, previous);
      continue;
    }
    const bytes = await snapshot.read(file);
    if (previous?.bytes && previous.bytes.equals(bytes)) {
      result.set(file.path, previous);
      continue;
    }
    const parsed = parseDataFile(file.path, bytes, options);
    parsed.blob = file.oid;
    result.set(file.path, { bytes: keepBytes ? bytes : undefined, parsed });
  }
  return result;
}

/** Whether the globs would select files inside a submodule's directory, were they in this repository. */
function coversSubmodule(filter: PathFilter, path: string): boolean {
  return filter(`${path}/leaderboard.json`) || filter(`${path}/results/leaderboard.json`);
}

/** Reads base (when given) and head, and works out which selected files changed. */
export async function readSides(base: Snapshot | undefined, head: Snapshot, filter: PathFilter, options: ParseOptions, renamesFromGit: Array<{ from: string; to: string }>): Promise<Sides> {
  const selected = (file: SnapshotFile) => filter(file.path) || (file.submodule === true && coversSubmodule(filter, file.path));
  const baseList = base ? (await base.list()).filter(selected) : [];
  const headList = (await head.list()).filter(selected);

  // Files with a blob id on both sides compare by id; only a work tree file needs the base bytes.
  const compareBytes = headList.some((file) => file.oid === undefined);
  const baseRead = base ? await readSide(base, baseList, options, compareBytes) : new Map<string, ReadFile>();
  const headRead = await readSide(head, headList, options, false, baseRead);

  const renames = new Map<string, string>();
  for (const rename of renamesFromGit) {
    if (filter(rename.to) && filter(rename.from) && headRead.has(rename.to) && baseRead.has(rename.from) && !headRead.has(rename.from)) {
      renames.set(rename.to, rename.from);
    }
  }
  const renamedFrom = new Set(renames.values());

  const changes: FileChange[] = [];
  for (const [path, side] of headRead) {
    const previousPath = renames.get(path);
    const before = baseRead.get(previousPath ?? path);
    if (!before) changes.push({ status: 'added', path });
    else if (previousPath) changes.push({ status: 'renamed', path, previousPath });
    else if (before.parsed !== side.parsed) changes.push({ status: 'modified', path });
  }
  for (const path of baseRead.keys()) {
    if (!headRead.has(path) && !renamedFrom.has(path)) changes.push({ status: 'deleted', path });
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const parsedOf = (side: Map<string, { parsed: ParsedFile }>) => new Map([...side].map(([path, value]) => [path, value.parsed]));
  return { base: parsedOf(baseRead), head: parsedOf(headRead), changes, renames };
}
