/** The terminal report: single findings by place, repeated ones grouped with a count. */

import type { Finding, Locale, Report } from '../core/types';
import { findingTotals, t, tCount } from '../i18n/strings';
import { groupFindings, sortGroups } from './group';
import { renderRegressionTable } from './regression-table';
import { cleanLine, defuseCommand } from './sanitize';

const SHOWN_LOCATIONS = 3;

export interface TextOptions {
  color: boolean;
}

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', notice: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

function shortRevision(revision: string, locale: Locale): string {
  if (revision === 'worktree') return t(locale, 'report.worktree');
  if (revision === 'index') return t(locale, 'report.index');
  if (revision === '') return t(locale, 'report.none');
  return cleanLine(revision.slice(0, 12));
}

export function renderText(report: Report, options: TextOptions = { color: false }): string {
  const locale = report.locale;
  const paint = (color: keyof typeof COLORS, text: string) => (options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text);
  const severity = (finding: Finding) => paint(finding.severity, t(locale, `severity.${finding.severity}`));
  const place = (finding: Finding) => `${cleanLine(finding.file)}:${finding.line}:${finding.column}`;

  const lines: string[] = [];
  lines.push(paint('bold', `${t(locale, 'report.title')}  ${t(locale, 'report.revisions', { base: shortRevision(report.base, locale), head: shortRevision(report.head, locale) })}`));
  lines.push(`${tCount(locale, report.base === '' ? 'report.files-checked' : 'report.files', report.summary.files)} · ${t(locale, 'report.entries', { ...report.summary.entries })}`);
  lines.push('');

  const groups = sortGroups(groupFindings(report.findings));
  const singles = groups.filter((group) => group.findings.length === 1).map((group) => group.first);
  const repeated = groups.filter((group) => group.findings.length > 1);

  for (const group of repeated) {
    const count = group.findings.length;
    lines.push(`${severity(group.first)}  ${paint('dim', group.ruleId)}  ${t(locale, 'report.repeated', { count })}  ${cleanLine(group.first.message)}`);
    if (!group.sameMessage) lines.push(`    ${paint('dim', t(locale, 'report.similar'))}`);
    const shown = group.findings.slice(0, SHOWN_LOCATIONS).map(place).join(', ');
    const more = count > SHOWN_LOCATIONS ? ` ${tCount(locale, 'report.more-locations', count - SHOWN_LOCATIONS)}` : '';
    lines.push(`    ${shown}${more}`);
  }
  if (repeated.length > 0 && singles.length > 0) lines.push('');

  singles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  for (const finding of singles) {
    lines.push(`${place(finding)}  ${severity(finding)}  ${cleanLine(finding.message)}  ${paint('dim', `[${finding.ruleId}]`)}`);
  }
  for (const omission of report.omitted) lines.push(tCount(locale, 'report.omitted', omission.count, { file: cleanLine(omission.file) }));

  if (groups.length > 0) lines.push('');
  const regression = renderRegressionTable(report);
  if (regression.length > 0) lines.push(...regression, '');
  const { errors, warnings, notices } = report.summary;
  lines.push(errors + warnings + notices === 0 ? t(locale, 'report.clean') : paint(errors > 0 ? 'error' : 'warning', findingTotals(locale, { errors, warnings, notices })));
  return `${lines.map(defuseCommand).join('\n')}\n`;
}
