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
 * moved entry is not counted as removed and added. Where one id occurs more
 * than once, occurrences pair up in file order and the rest are added or
 * removed. Entries without an id are keyed by file and position, with
 * `renames` mapping a head path to its base path.
 */
export function diffEntries(baseEntries: readonly Entry[], headEntries: readonly Entry[], renames: ReadonlyMap<string, string> = new Map()): EntryDiff {
  const diff: EntryDiff = { added: [], modified: [], removed: [], unchanged: [] };
  const baseGroups = groupByKey(baseEntries);

  const keyAtBase = (entry: Entry): string => {
    if (entry.id !== undefined) return entry.key;
    const basePath = renames.get(entry.file) ?? entry.file;
    return `at:${basePath}#${entry.index}`;
  };

  const matched = new Set<Entry>();
  for (const entry of headEntries) {
    const candidates = baseGroups.get(keyAtBase(entry));
    const base = candidates?.find((candidate) => !matched.has(candidate));
    if (!base) {
      diff.added.push(entry);
      continue;
    }
    matched.add(base);
    if (sameContent(base, entry)) diff.unchanged.push(entry);
    else diff.modified.push({ base, head: entry });
  }
  for (const entry of baseEntries) if (!matched.has(entry)) diff.removed.push(entry);
  return diff;
}
