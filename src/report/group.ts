/** Grouping repeated findings so a problem that repeats is shown once, with a count. */

import type { Finding } from '../core/types';
import { SEVERITY_RANK } from '../core/types';

export interface FindingGroup {
  ruleId: string;
  severity: Finding['severity'];
  /** The first finding; its message stands for the group. */
  first: Finding;
  findings: Finding[];
  /** Whether every finding of the group has the same message text. */
  sameMessage: boolean;
}

/** Strips the entry's position from a pointer: `/12/metrics/ttft_ms` and `/3/metrics/ttft_ms` are one place in two entries. */
function relativePointer(pointer: string): string {
  return pointer.replace(/^\/\d+(?=\/|$)/, '');
}

/**
 * Groups findings of one rule and message that sit at the same field of
 * different entries, across files. Groups keep the findings' order.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    // File-level findings group only within their file; a field name in the data keeps different fields apart.
    const place = finding.pointer === '' ? `file:${finding.file}` : relativePointer(finding.pointer);
    const fieldName = typeof finding.data.field === 'string' ? finding.data.field : '';
    const key = [finding.ruleId, finding.messageId, finding.severity, place, fieldName].join('\u0000');
    const group = groups.get(key);
    if (group) {
      group.findings.push(finding);
      if (finding.message !== group.first.message) group.sameMessage = false;
    } else {
      groups.set(key, { ruleId: finding.ruleId, severity: finding.severity, first: finding, findings: [finding], sameMessage: true });
    }
  }
  return [...groups.values()];
}

/** Orders groups: errors first, then larger groups, then by first location. */
export function sortGroups(groups: FindingGroup[]): FindingGroup[] {
  return groups.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      b.findings.length - a.findings.length ||
      (a.first.file < b.first.file ? -1 : a.first.file > b.first.file ? 1 : a.first.line - b.first.line),
  );
}
