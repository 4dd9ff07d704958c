import type { Report } from '../../src/core/types';
import { renderMarkdown } from '../../src/report/markdown';

function reportWith(locale: Report['locale']): Report {
  return {
    reportVersion: 1,
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    locale,
    summary: { files: 1, entries: { added: 1, modified: 0, removed: 0, unchanged: 6 }, errors: 1, warnings: 0, notices: 0 },
    findings: [],
    files: [{ status: 'modified', path: 'data/board.json' }],
    entries: [],
    comparisons: [
      { entryId: 'e1', file: 'data/board.json', line: 120, metric: 'throughput_tps', baseValue: 100, newValue: 70, worsening: 0.3, peers: 6, severity: 'error', direction: 'higher', scale: 'relative' },
      { entryId: 'e1', file: 'data/board.json', line: 118, metric: 'error_rate', baseValue: 0.01, newValue: 0.03, worsening: 0.02, peers: 6, severity: 'warning', direction: 'lower', scale: 'points' },
    ],
    omitted: [],
    uncompared: [],
  };
}

const options = { failed: true, maxSize: 65_000, measure: (text: string) => text.length, reportPath: 'report.json' };

describe('markdown regression table', () => {
  test('shows signed changes with direction, verdict and peers', () => {
    const text = renderMarkdown(reportWith('en'), options);
    const rows = text.split('\n').filter((line) => line.includes('throughput') || line.includes('error\\_rate'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('−30.0% worse');
    expect(rows[0]).toContain('| 6 |');
    expect(rows[1]).toContain('+2.0 pp worse');
    expect(text).toContain('| Entry | Where | Metric | Base | New | Change | Verdict | Compared with |');
  });

  test('reads in Chinese', () => {
    const text = renderMarkdown(reportWith('zh-CN'), options);
    expect(text).not.toContain('| Entry |');
    expect(text).toMatch(/−30\.0% \S+/);
  });
});
