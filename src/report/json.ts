/** The JSON report: every finding, ungrouped, in a stable versioned shape. */

import type { Report } from '../core/types';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
