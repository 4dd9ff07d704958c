/** Assembling the report: sorted findings, counts and the entry diff. */

import { canonicalJson } from './configuration-key';
import type { EntryDiff } from './diff';
import type { Entry, Json } from './model';
import type { Sides } from './read';
import type { EntryChange, Finding, Locale, Report } from './types';
import { SEVERITY_RANK } from './types';
import { appendAll } from './arrays';

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.severity !== b.severity) return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** Lists the leaf fields that differ between two versions of an entry. */
export function changedFields(before: Json | undefined, after: Json | undefined, pointer = ''): Array<{ pointer: string; before: unknown; after: unknown }> {
  const isRecord = (value: unknown): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isRecord(before) && isRecord(after)) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return names.flatMap((name) => changedFields(before[name], after[name], `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  if (canonicalJson(before) === canonicalJson(after)) return [];
  return [{ pointer, before, after }];
}

function entryLine(sides: Sides, entry: Entry): number | undefined {
  const file = sides.head.get(entry.file);
  if (!file || !entry.span) return undefined;
  return file.lines.position(entry.span[0]).line;
}

function entryChanges(sides: Sides, diff: EntryDiff): EntryChange[] {
  const label = (entry: Entry) => entry.id ?? entry.key;
  return [
    ...diff.added.map((entry): EntryChange => ({ status: 'added', entryId: label(entry), file: entry.file, line: entryLine(sides, entry) })),
    ...diff.modified.map(({ base, head }): EntryChange => ({
      status: 'modified',
      entryId: label(head),
      file: head.file,
      line: entryLine(sides, head),
      fields: changedFields(base.value, head.value),
    })),
    ...diff.removed.map((entry): EntryChange => ({ status: 'removed', entryId: label(entry), file: entry.file })),
  ];
}

/**
 * Keeps at most `limit` findings per file, most severe first, and records in
 * `omitted` how many more each file had, so every renderer can name the cut.
 */
function capPerFile(findings: Finding[], limit: number, omitted: Report['omitted']): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const kept: Finding[] = [];
  for (const list of byFile.values()) {
    if (list.length <= limit) {
      appendAll(kept, list);
      continue;
    }
    const ranked = [...list].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareFindings(a, b));
    appendAll(kept, ranked.slice(0, limit));
    omitted.push({ file: list[0].file, count: list.length - limit });
  }
  return kept;
}

export interface ReportInput {
  base: string;
  head: string;
  locale: Locale;
  findings: Finding[];
  sides: Sides;
  diff: EntryDiff;
  maxFindingsPerFile: number;
  /** What the comparison rules compared, most severe first. */
  comparisons?: Report['comparisons'];
  uncompared?: Report['uncompared'];
}

export function buildReport(input: ReportInput): Report {
  const omitted: Report['omitted'] = [];
  const findings = capPerFile(input.findings, input.maxFindingsPerFile, omitted).sort(compareFindings);
  // Counts include omitted findings, so the exit code never depends on the cap.
  const count = (severity: Finding['severity']) => input.findings.filter((finding) => finding.severity === severity).length;
  return {
    reportVersion: 1,
    base: input.base,
    head: input.head,
    locale: input.locale,
    summary: {
      files: input.sides.changes.length,
      entries: {
        added: input.diff.added.length,
        modified: input.diff.modified.length,
        removed: input.diff.removed.length,
        unchanged: input.diff.unchanged.length,
      },
      errors: count('error'),
      warnings: count('warning'),
      notices: count('notice'),
    },
    findings,
    files: input.sides.changes,
    entries: entryChanges(input.sides, input.diff),
    comparisons: input.comparisons ?? [],
    omitted,
    uncompared: input.uncompared ?? [],
  };
}
