/** Near-miss suggestions for enum values and property names. */

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = saved;
    }
  }
  return previous[b.length];
}

/**
 * Returns the candidate closest to a value: an exact match ignoring case and
 * separators, else one that contains the value or is contained in it, else
 * one within a third of the value's length in edits.
 */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  if (value.length > 100) return undefined;
  const fold = (text: string) => text.toLowerCase().replace(/[\s_-]/g, '');
  const folded = fold(value);
  const exact = candidates.find((candidate) => fold(candidate) === folded);
  if (exact !== undefined) return exact;

  // A name that only gained or lost a prefix or suffix, such as `interconnect`
  // and `intra_node_interconnect`, is far in edits but plainly the same field.
  const containing = candidates
    .filter((candidate) => Math.min(fold(candidate).length, folded.length) >= 4 && (fold(candidate).includes(folded) || folded.includes(fold(candidate))))
    .sort((a, b) => Math.abs(a.length - value.length) - Math.abs(b.length - value.length));
  if (containing.length > 0) return containing[0];

  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(fold(value), fold(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
