/** The regression table of the terminal report, and the cells every renderer of comparisons can share. */

import { formatChange, formatNumber } from '../core/compare';
import type { Comparison, Locale, Report } from '../core/types';
import { t, tCount } from '../i18n/strings';
import { cleanLine } from './sanitize';

const SHOWN_ROWS = 20;
const SHOWN_UNCOMPARED = 10;
const MAX_ID = 40;

function shorten(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Columns a string takes in a terminal: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? `${fill}${text}` : `${text}${fill}`;
}

export interface ComparisonCells {
  entry: string;
  where: string;
  metric: string;
  base: string;
  value: string;
  /** The signed change of the value and whether it is worse or better, as `+30.0% worse`. */
  change: string;
  verdict: string;
  peers: string;
}

/** One comparison as text cells, in the report's locale; the markdown and terminal tables read the same cells. */
export function comparisonCells(comparison: Comparison, locale: Locale): ComparisonCells {
  const scale = comparison.scale ?? 'relative';
  // `worsening` is positive when worse; the shown change follows the value, so a throughput drop reads as negative.
  const signed = comparison.direction === 'higher' ? -comparison.worsening : comparison.worsening;
  const word = comparison.worsening > 0 ? t(locale, 'regression.worse') : comparison.worsening < 0 ? t(locale, 'regression.better') : '';
  const verdict =
    comparison.acknowledged !== undefined ? t(locale, 'regression.acknowledged') : comparison.severity === 'ok' ? t(locale, 'regression.ok') : t(locale, `severity.${comparison.severity}`);
  return {
    entry: shorten(cleanLine(comparison.entryId), MAX_ID),
    where: `${cleanLine(comparison.file)}:${comparison.line}`,
    metric: cleanLine(comparison.metric),
    base: formatNumber(comparison.baseValue),
    value: formatNumber(comparison.newValue),
    change: `${formatChange(signed, scale)} ${word}`.trim(),
    verdict,
    peers: String(comparison.peers),
  };
}

/**
 * The lines of the regression table and of the entries that could not be
 * compared, or none when nothing was compared. Rows keep the report's order,
 * most severe first; rows within the thresholds are cut first.
 */
export function renderRegressionTable(report: Report): string[] {
  const locale = report.locale;
  const lines: string[] = [];

  if (report.comparisons.length > 0) {
    const flagged = report.comparisons.filter((comparison) => comparison.severity !== 'ok');
    const shown = flagged.length >= SHOWN_ROWS ? flagged : report.comparisons.slice(0, Math.max(SHOWN_ROWS, flagged.length));
    const header: ComparisonCells = {
      entry: t(locale, 'regression.col-entry'),
      where: t(locale, 'regression.col-where'),
      metric: t(locale, 'regression.col-metric'),
      base: t(locale, 'regression.col-base'),
      value: t(locale, 'regression.col-new'),
      change: t(locale, 'regression.col-change'),
      verdict: t(locale, 'regression.col-verdict'),
      peers: t(locale, 'regression.col-peers'),
    };
    const rows = [header, ...shown.map((comparison) => comparisonCells(comparison, locale))];
    const columns = Object.keys(header) as Array<keyof ComparisonCells>;
    const numeric = new Set<keyof ComparisonCells>(['base', 'value', 'peers']);
    const widths = columns.map((column) => Math.max(...rows.map((row) => displayWidth(row[column]))));

    lines.push(t(locale, 'regression.title'));
    for (const row of rows) lines.push(`  ${columns.map((column, index) => pad(row[column], widths[index], numeric.has(column))).join('  ')}`.trimEnd());
    const hidden = report.comparisons.length - shown.length;
    if (hidden > 0) lines.push(`  ${tCount(locale, 'regression.more', hidden)}`);
  }

  if (report.uncompared.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(tCount(locale, 'regression.uncompared', report.uncompared.length));
    for (const item of report.uncompared.slice(0, SHOWN_UNCOMPARED)) {
      lines.push(`  ${t(locale, 'regression.uncompared-entry', { entry: cleanLine(item.entryId), file: cleanLine(item.file), fields: cleanLine(item.missing.join(', ')) })}`);
    }
    if (report.uncompared.length > SHOWN_UNCOMPARED) lines.push(`  ${t(locale, 'regression.uncompared-more', { count: report.uncompared.length - SHOWN_UNCOMPARED })}`);
  }
  return lines;
}
