/** Reading unified-diff hunks: which head lines a review comment may sit on, and which lines the change added. */

export interface PatchLines {
  /** Head (right-side) lines shown in the diff: added and context lines. GitHub accepts review comments only there. */
  commentable: Set<number>;
  /** Head lines the change added. */
  added: Set<number>;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * Parses the hunks of one file's patch, as the pull request files API returns
 * it or as `git diff` prints it for one file. Lines before the first hunk
 * header (the `diff --git` preamble) are skipped.
 */
export function parsePatch(patch: string): PatchLines {
  const result: PatchLines = { commentable: new Set(), added: new Set() };
  let headLine = 0;
  let inHunk = false;

  for (const line of patch.split('\n')) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      headLine = Number(header[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;

    const marker = line[0];
    if (marker === '+') {
      result.added.add(headLine);
      result.commentable.add(headLine);
      headLine++;
    } else if (marker === ' ') {
      result.commentable.add(headLine);
      headLine++;
    } else if (marker === '-' || marker === '\\') {
      // A removed line exists only at base; `\ No newline at end of file` belongs to the line before it.
      continue;
    } else if (line === '') {
      // The empty string after the last newline of the patch.
      continue;
    } else {
      inHunk = false;
    }
  }
  return result;
}
