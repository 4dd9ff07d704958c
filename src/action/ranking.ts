/** Choosing which findings the runner shows when annotations go through workflow commands. */

import type { Finding, Severity } from '../core/types';
import { SEVERITY_RANK } from '../core/types';

/** The runner shows at most this many annotations of each level per step; the rest are dropped without a word. */
export const RUNNER_ANNOTATION_LIMIT: Readonly<Record<Severity, number>> = { error: 10, warning: 10, notice: 10 };

export type ChangedLines = (file: string) => ReadonlySet<number> | undefined;

/** Orders findings for display: errors first, then those on lines the change added, then by place. */
export function rankFindings(findings: readonly Finding[], changedLines: ChangedLines): Finding[] {
  const onChangedLine = (finding: Finding) => (changedLines(finding.file)?.has(finding.line) ? 1 : 0);
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      onChangedLine(b) - onChangedLine(a) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

export interface RunnerSelection {
  shown: Finding[];
  /** Findings left out, which one closing notice counts. */
  hidden: number;
}

/**
 * Takes the first findings of each level that fit the runner's limits. When
 * any are left out, one notice slot is kept free for the notice that counts them.
 */
export function selectForRunner(ranked: readonly Finding[], limits: Readonly<Record<Severity, number>> = RUNNER_ANNOTATION_LIMIT): RunnerSelection {
  const total = { error: 0, warning: 0, notice: 0 };
  for (const finding of ranked) total[finding.severity]++;
  const cut = total.error > limits.error || total.warning > limits.warning || total.notice > limits.notice;
  const budget = { ...limits, notice: cut ? Math.max(0, limits.notice - 1) : limits.notice };

  const shown: Finding[] = [];
  const used = { error: 0, warning: 0, notice: 0 };
  for (const finding of ranked) {
    if (used[finding.severity] >= budget[finding.severity]) continue;
    used[finding.severity]++;
    shown.push(finding);
  }
  return { shown, hidden: ranked.length - shown.length };
}
