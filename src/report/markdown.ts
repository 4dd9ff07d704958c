/**
 * The Markdown report for the job summary, the sticky pull request comment
 * and the check run: summary, findings counted by rule and listed most
 * severe first, and the entry diff, cut to a size limit with a note that
 * counts what was left out.
 *
 * Every value that comes from the data passes through `escapeMarkdown`, so a
 * pull request cannot inject HTML, links, images, mentions or table cells.
 */

import { comparisonCells } from './regression-table';
import type { Finding, Locale, Report } from '../core/types';
import { SEVERITY_RANK } from '../core/types';
import { quote } from '../i18n/format';
import { findingTotals, t, tCount, type StringId } from '../i18n/strings';

/** Characters that could hide or reorder text (controls, zero-width and bidirectional marks). */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const ZERO_WIDTH_SPACE = '\u200b';
const MAX_CELL = 300;
const SHOWN_FIELDS = 5;

/** GitHub rejects issue comment bodies over 65,536 characters; the margin covers the sticky marker and rounding. */
export const COMMENT_LIMIT = 65_000;

/**
 * Makes a data value inert Markdown text on one line. HTML-significant
 * characters become entities and other punctuation gets a backslash, so no
 * markup takes effect. Autolinks, mentions and issue references are matched
 * by GitHub after Markdown is parsed, so escaping cannot stop them; a
 * zero-width space breaks `@name`, `#123`, `scheme://` and `www.` instead.
 */
export function escapeMarkdown(value: string, maxLength = MAX_CELL): string {
  let text = value.replace(INVISIBLE, ' ');
  const characters = Array.from(text);
  if (characters.length > maxLength) text = `${characters.slice(0, maxLength - 1).join('')}…`;

  text = text
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`);

  return text.replace(/[\\`*_{}[\]()#+\-.!|~<>&:$]/g, (character) => {
    if (character === '&') return '&amp;';
    if (character === '<') return '&lt;';
    if (character === '>') return '&gt;';
    return `\\${character}`;
  });
}

export const measureUtf16 = (text: string): number => text.length;
export const measureUtf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

export interface MarkdownOptions {
  /** Whether the findings reach the `fail-on` level. */
  failed: boolean;
  /** Maximum size of the whole text, in the unit `measure` counts. */
  maxSize: number;
  measure: (text: string) => number;
  /** Path of the full JSON report, named in the truncation note; without it the note points to `--format json`. */
  reportPath?: string;
  /** Trusted text placed first, such as the sticky comment's hidden marker. */
  prefix?: string;
}

/** Appends blocks while they fit, and counts the table rows that did not. */
class SizedText {
  private readonly parts: string[] = [];
  private used = 0;
  full = false;
  omittedRows = 0;

  constructor(
    private readonly limit: number,
    private readonly measure: (text: string) => number,
  ) {}

  add(text: string): boolean {
    if (this.full) return false;
    const size = this.measure(text);
    if (this.used + size > this.limit) {
      this.full = true;
      return false;
    }
    this.parts.push(text);
    this.used += size;
    return true;
  }

  /** Adds a heading and a table; once one row does not fit, no later block is added. */
  addTable(heading: string, columns: string[], rows: string[][]): void {
    if (rows.length === 0) return;
    const header = `\n#### ${heading}\n\n| ${columns.join(' | ')} |\n|${columns.map(() => ' --- |').join('')}\n`;
    const firstRow = tableRow(rows[0]);
    if (this.full || !this.add(header + firstRow)) {
      this.omittedRows += rows.length;
      return;
    }
    for (let i = 1; i < rows.length; i++) {
      if (!this.add(tableRow(rows[i]))) {
        this.omittedRows += rows.length - i;
        return;
      }
    }
  }

  text(): string {
    return this.parts.join('');
  }
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

function revisionLabel(revision: string, locale: Locale): string {
  if (revision === '') return t(locale, 'report.none');
  if (revision === 'worktree') return t(locale, 'report.worktree');
  if (revision === 'index') return t(locale, 'report.index');
  if (/^[0-9a-f]{7,64}$/.test(revision)) return `\`${revision.slice(0, 12)}\``;
  return escapeMarkdown(revision);
}

function location(file: string, line: number | undefined): string {
  return escapeMarkdown(line === undefined ? file : `${file}:${line}`);
}

function entryLabel(finding: Finding): string {
  return finding.entryId === undefined ? '—' : escapeMarkdown(finding.entryId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byRuleRows(report: Report): string[][] {
  const rules = new Map<string, { severity: Finding['severity']; count: number; entries: Set<string> }>();
  for (const finding of report.findings) {
    const rule = rules.get(finding.ruleId) ?? { severity: finding.severity, count: 0, entries: new Set<string>() };
    // A rule's findings can differ in severity (a rule may choose per finding, overrides set it per file), so the row shows the highest.
    if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[rule.severity]) rule.severity = finding.severity;
    rule.count++;
    if (finding.entryId !== undefined) rule.entries.add(finding.entryId);
    rules.set(finding.ruleId, rule);
  }
  return [...rules]
    .sort((a, b) => SEVERITY_RANK[b[1].severity] - SEVERITY_RANK[a[1].severity] || b[1].count - a[1].count || compareText(a[0], b[0]))
    .map(([ruleId, rule]) => [`\`${ruleId}\``, t(report.locale, `severity.${rule.severity}`), String(rule.count), String(rule.entries.size)]);
}

/** Rows most severe first, so the rows a size limit cuts are the least severe. */
function findingRows(report: Report): string[][] {
  const sorted = [...report.findings].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.entryId ?? '', b.entryId ?? ''),
  );
  return sorted.map((finding) => [
    t(report.locale, `severity.${finding.severity}`),
    `\`${finding.ruleId}\``,
    entryLabel(finding),
    location(finding.file, finding.line),
    escapeMarkdown(finding.message),
  ]);
}

/** Quotes a field's value on one side of a change; undefined means the field is absent there. */
function fieldValue(value: unknown, locale: Locale): string {
  return value === undefined ? t(locale, 'md.absent') : escapeMarkdown(quote(value), 80);
}

function fieldChanges(fields: NonNullable<Report['entries'][number]['fields']>, locale: Locale): string {
  const shown = fields.slice(0, SHOWN_FIELDS).map((field) => `${escapeMarkdown(field.pointer, 80)}: ${fieldValue(field.before, locale)} → ${fieldValue(field.after, locale)}`);
  if (fields.length > SHOWN_FIELDS) shown.push(tCount(locale, 'md.more-fields', fields.length - SHOWN_FIELDS));
  return shown.join('<br>');
}

function entryRows(report: Report): string[][] {
  return report.entries.map((entry) => [
    t(report.locale, `md.status-${entry.status}` as StringId),
    escapeMarkdown(entry.entryId),
    location(entry.file, entry.line),
    entry.fields ? fieldChanges(entry.fields, report.locale) : '',
  ]);
}

/** Rows of the regression table, with the same formatted cells as the terminal table. */
function comparisonRows(report: Report): string[][] {
  return report.comparisons.map((comparison) => {
    const cells = comparisonCells(comparison, report.locale);
    // Numbers, changes and verdicts are formatted here from numbers and the catalogue; only names come from the data.
    return [escapeMarkdown(cells.entry), location(comparison.file, comparison.line), escapeMarkdown(cells.metric), cells.base, cells.value, cells.change, cells.verdict, cells.peers];
  });
}

function truncationNote(locale: Locale, count: number, reportPath: string | undefined): string {
  if (reportPath === undefined) return `\n> ${tCount(locale, 'md.truncated-cli', count)}\n`;
  // The path comes from the runner, not the data; only a backtick could break its code span.
  return `\n> ${tCount(locale, 'md.truncated', count, { path: reportPath.replace(/[`\r\n]/g, '_') })}\n`;
}

export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const locale = report.locale;
  const { errors, warnings, notices } = report.summary;

  // Room for the note is kept from the start, sized for the largest count it could name.
  const reserve = options.measure(truncationNote(locale, 9_999_999, options.reportPath)) + 16;
  const out = new SizedText(options.maxSize - reserve, options.measure);

  const outcome = t(locale, options.failed ? 'md.failed' : 'md.passed');
  const revisions = t(locale, 'report.revisions', { base: revisionLabel(report.base, locale), head: revisionLabel(report.head, locale) });
  const totals = errors + warnings + notices === 0 ? t(locale, 'report.clean') : findingTotals(locale, { errors, warnings, notices });
  out.add(
    `${options.prefix ?? ''}### ${t(locale, 'report.title')}: ${outcome}\n\n` +
      `${revisions}\n\n` +
      `${tCount(locale, report.base === '' ? 'report.files-checked' : 'report.files', report.summary.files)} · ${t(locale, 'report.entries', { ...report.summary.entries })}\n\n` +
      `**${totals}**\n`,
  );

  out.addTable(t(locale, 'md.by-rule'), [t(locale, 'md.col-rule'), t(locale, 'md.col-severity'), t(locale, 'md.col-count'), t(locale, 'md.col-entries')], byRuleRows(report));
  out.addTable(
    t(locale, 'md.findings'),
    [t(locale, 'md.col-severity'), t(locale, 'md.col-rule'), t(locale, 'md.col-entry'), t(locale, 'md.col-location'), t(locale, 'md.col-message')],
    findingRows(report),
  );
  for (const omission of report.omitted) out.add(`\n${tCount(locale, 'report.omitted', omission.count, { file: escapeMarkdown(omission.file) })}\n`);

  out.addTable(t(locale, 'md.entries'), [t(locale, 'md.col-status'), t(locale, 'md.col-entry'), t(locale, 'md.col-location'), t(locale, 'md.col-fields')], entryRows(report));
  out.addTable(
    t(locale, 'md.comparisons'),
    [
      t(locale, 'regression.col-entry'),
      t(locale, 'regression.col-where'),
      t(locale, 'regression.col-metric'),
      t(locale, 'regression.col-base'),
      t(locale, 'regression.col-new'),
      t(locale, 'regression.col-change'),
      t(locale, 'regression.col-verdict'),
      t(locale, 'regression.col-peers'),
    ],
    comparisonRows(report),
  );
  if (report.uncompared.length > 0) out.add(`\n${tCount(locale, 'md.uncompared', report.uncompared.length)}\n`);

  const note = out.omittedRows > 0 ? truncationNote(locale, out.omittedRows, options.reportPath) : '';
  return out.text() + note;
}
