/** The Markdown report's findings tables, revision labels, field changes and size limit. */

import { COMMENT_LIMIT as ACTION_COMMENT_LIMIT } from '../../src/action/publish';
import type { Finding, Report } from '../../src/core/types';
import { COMMENT_LIMIT, measureUtf16, renderMarkdown } from '../../src/report/markdown';

function finding(change: Partial<Finding>): Finding {
  return {
    ruleId: 'schema',
    severity: 'error',
    message: 'bad value',
    file: 'data/board.json',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    pointer: '/0/metrics/ttft_ms',
    entryId: 'e1',
    messageId: 'm',
    data: {},
    ...change,
  };
}

function report(change: Partial<Report> = {}): Report {
  return {
    reportVersion: 1,
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    locale: 'en',
    summary: { files: 1, entries: { added: 0, modified: 1, removed: 0, unchanged: 0 }, errors: 0, warnings: 0, notices: 0 },
    findings: [],
    files: [],
    entries: [],
    comparisons: [],
    omitted: [],
    uncompared: [],
    ...change,
  };
}

const options = { failed: false, maxSize: 65_000, measure: measureUtf16, reportPath: 'report.json' };

/** Returns the rows of the table under a heading, without its header and separator. */
function tableRows(text: string, heading: string): string[] {
  const start = text.indexOf(`#### ${heading}\n`);
  if (start < 0) return [];
  const lines = text.slice(start).split('\n').slice(4);
  const end = lines.findIndex((line) => !line.startsWith('|'));
  return end < 0 ? lines : lines.slice(0, end);
}

describe('markdown findings by rule', () => {
  test('row shows the highest severity', () => {
    const findings = [finding({ ruleId: 'field-range', severity: 'notice', line: 1 }), finding({ ruleId: 'field-range', severity: 'error', line: 2 })];
    const rows = tableRows(renderMarkdown(report({ findings }), options), 'Findings by rule');

    expect(rows).toEqual(['| `field-range` | error | 2 | 1 |']);
  });

  test('errors come before larger notice rules', () => {
    const findings = [
      finding({ ruleId: 'a-notice', severity: 'notice', line: 1 }),
      finding({ ruleId: 'a-notice', severity: 'notice', line: 2 }),
      finding({ ruleId: 'z-error', severity: 'error', line: 3 }),
    ];
    const rows = tableRows(renderMarkdown(report({ findings }), options), 'Findings by rule');

    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| `z-error`', '| `a-notice`']);
  });
});

describe('markdown findings order', () => {
  const findings = [
    finding({ ruleId: 'a-rule', severity: 'notice', file: 'data/a.json', line: 1 }),
    finding({ ruleId: 'b-rule', severity: 'warning', file: 'data/a.json', line: 2 }),
    finding({ ruleId: 'c-rule', severity: 'error', file: 'data/b.json', line: 9 }),
    finding({ ruleId: 'c-rule', severity: 'error', file: 'data/a.json', line: 5 }),
  ];

  test('sorts by severity, file and line', () => {
    const rows = tableRows(renderMarkdown(report({ findings }), options), 'Findings');
    const keys = rows.map((row) => row.split(' | ').slice(0, 4).join(' | '));

    expect(keys).toEqual([
      '| error | `c-rule` | e1 | data/a\\.json\\:5',
      '| error | `c-rule` | e1 | data/b\\.json\\:9',
      '| warning | `b-rule` | e1 | data/a\\.json\\:2',
      '| notice | `a-rule` | e1 | data/a\\.json\\:1',
    ]);
  });

  test('truncation drops notices before errors', () => {
    const many = [
      ...Array.from({ length: 400 }, (_, index) => finding({ ruleId: 'a-notice', severity: 'notice', line: index + 1 })),
      ...Array.from({ length: 5 }, (_, index) => finding({ ruleId: 'z-error', severity: 'error', file: 'data/z.json', line: index + 1 })),
    ];
    const text = renderMarkdown(report({ findings: many }), { ...options, maxSize: 6_000 });
    const rows = tableRows(text, 'Findings');

    expect(rows.filter((row) => row.startsWith('| error |'))).toHaveLength(5);
    expect(rows.length).toBeLessThan(405);
    expect(text).toMatch(/\d+ more rows are not shown/);
  });
});

describe('markdown revision labels', () => {
  test.each([
    ['en', 'worktree', 'head work tree'],
    ['en', 'index', 'head index'],
    ['zh-CN', 'worktree', '目标 工作区'],
    ['zh-CN', 'index', '目标 暂存区'],
  ] as const)('%s head %s is translated', (locale, head, label) => {
    const text = renderMarkdown(report({ locale, head }), options);

    expect(text).toContain(label);
  });
});

describe('markdown changed fields', () => {
  const entries: Report['entries'] = [
    {
      status: 'modified',
      entryId: 'e1',
      file: 'data/board.json',
      line: 3,
      fields: [
        { pointer: '/config_type', before: undefined, after: 'multi_node' },
        { pointer: '/notes', before: 'old', after: undefined },
      ],
    },
  ];

  test('absent side reads absent in English', () => {
    const rows = tableRows(renderMarkdown(report({ entries }), options), 'Entry changes');

    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toContain('undefined');
    expect(rows[0]).toContain('/config\\_type: (absent) → "multi\\_node"');
    expect(rows[0]).toContain('/notes: "old" → (absent)');
  });

  test('absent side is translated', () => {
    const rows = tableRows(renderMarkdown(report({ entries, locale: 'zh-CN' }), options), '条目变更');

    expect(rows[0]).toContain('/config\\_type: （无此字段） → "multi\\_node"');
  });

  test('null stays a value', () => {
    const withNull: Report['entries'] = [{ status: 'modified', entryId: 'e1', file: 'data/board.json', line: 3, fields: [{ pointer: '/notes', before: null, after: 'x' }] }];
    const rows = tableRows(renderMarkdown(report({ entries: withNull }), options), 'Entry changes');

    expect(rows[0]).toContain('/notes: null → "x"');
  });
});

describe('markdown plurals', () => {
  test('counts of one are singular', () => {
    const summary = { files: 1, entries: { added: 0, modified: 1, removed: 0, unchanged: 0 }, errors: 1, warnings: 1, notices: 1 };
    const text = renderMarkdown(report({ summary, uncompared: [{ entryId: 'e1', file: 'data/a.json', missing: ['hardware'] }] }), options);

    expect(text).toContain('1 data file changed');
    expect(text).toContain('**1 error, 1 warning, 1 notice**');
    expect(text).toContain('1 entry could not be compared because it lacks configuration fields.');
  });

  test('other counts stay plural', () => {
    const summary = { files: 2, entries: { added: 0, modified: 1, removed: 0, unchanged: 0 }, errors: 0, warnings: 2, notices: 0 };
    const text = renderMarkdown(report({ summary }), options);

    expect(text).toContain('2 data files changed');
    expect(text).toContain('**0 errors, 2 warnings, 0 notices**');
  });

  test('Chinese totals are unchanged', () => {
    const summary = { files: 1, entries: { added: 0, modified: 1, removed: 0, unchanged: 0 }, errors: 1, warnings: 0, notices: 1 };
    const text = renderMarkdown(report({ summary, locale: 'zh-CN' }), options);

    expect(text).toContain('1 个数据文件有变更');
    expect(text).toContain('**1 个错误，0 个警告，1 个提示**');
  });

  test('one more field is singular', () => {
    const fields = Array.from({ length: 6 }, (_, index) => ({ pointer: `/f${index}`, before: index, after: index + 1 }));
    const rows = tableRows(renderMarkdown(report({ entries: [{ status: 'modified', entryId: 'e1', file: 'data/a.json', line: 1, fields }] }), options), 'Entry changes');

    expect(rows[0]).toContain('… 1 more field');
    expect(rows[0]).not.toContain('1 more fields');
  });
});

describe('markdown size limit', () => {
  test('comment limit matches the Action', () => {
    expect(COMMENT_LIMIT).toBe(ACTION_COMMENT_LIMIT);
  });

  test('note without a report path names --format json', () => {
    const many = Array.from({ length: 400 }, (_, index) => finding({ line: index + 1 }));
    const text = renderMarkdown(report({ findings: many }), { failed: true, maxSize: 6_000, measure: measureUtf16 });

    expect(text.length).toBeLessThanOrEqual(6_000);
    expect(text).toMatch(/\n> \d+ more rows are not shown, to keep the text within the size GitHub allows for a pull request comment\. Run with `--format json` for the full report\.\n$/);
    expect(text).not.toContain('report-path');
  });
});
