/** Classifying entries as added, modified, removed or unchanged across two revisions. */

import type { Entry } from './model';

export interface EntryDiff {
  added: Entry[];
  modified: Array<{ base: Entry; head: Entry }>;
  removed: Entry[];
  unchanged: Entry[];
}

function groupByKey(entries: readonly Entry[]): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.key);
    if (group) group.push(entry);
    else groups.set(entry.key, [entry]);
  }
  return groups;
}

/** Equal text parses to an equal value, so the fingerprints are built only for entries whose text differs. */
function sameContent(a: Entry, b: Entry): boolean {
  if (a.source !== undefined && a.source === b.source) return true;
  return a.fingerprint === b.fingerprint;
}

/**
 * Matches entries by identity. Entries with an id match across files, so a
 * moved entry is not counted as removed and added. A head entry first looks
 * for its base version in its own file and only then in other files, so a
 * new entry that reuses a published id elsewhere stays new. Where one id
 * occurs more than once, occurrences pair up in file order and the rest are
 * added or removed. Entries without an id are keyed by file and position,
 * with `renames` mapping a head path to its base path.
 */
export function diffEntries(baseEntries: readonly Entry[], headEntries: readonly Entry[], renames: ReadonlyMap<string, string> = new Map()): EntryDiff {
  const diff: EntryDiff = { added: [], modified: [], removed: [], unchanged: [] };
  const baseGroups = groupByKey(baseEntries);
  const basePathOf = (entry: Entry): string => renames.get(entry.file) ?? entry.file;
  const keyAtBase = (entry: Entry): string => (entry.id !== undefined ? entry.key : `at:${basePathOf(entry)}#${entry.index}`);

  const matched = new Set<Entry>();
  const pair = (base: Entry, head: Entry): void => {
    matched.add(base);
    if (sameContent(base, head)) diff.unchanged.push(head);
    else diff.modified.push({ base, head });
  };

  const elsewhere: Entry[] = [];
  for (const entry of headEntries) {
    const path = basePathOf(entry);
    const base = baseGroups.get(keyAtBase(entry))?.find((candidate) => !matched.has(candidate) && candidate.file === path);
    if (base) pair(base, entry);
    else elsewhere.push(entry);
  }
  for (const entry of elsewhere) {
    const base = baseGroups.get(keyAtBase(entry))?.find((candidate) => !matched.has(candidate));
    if (base) pair(base, entry);
    else diff.added.push(entry);
  }
  for (const entry of baseEntries) if (!matched.has(entry)) diff.removed.push(entry);
  return diff;
}
