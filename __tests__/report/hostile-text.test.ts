/** Data-derived text in the terminal, regression table and workflow command outputs stays inert. */

import type { Comparison, Finding, Report } from '../../src/core/types';
import { renderText } from '../../src/report/text';
import { annotationCommand, workflowCommand } from '../../src/report/workflow-commands';

/** C0 and C1 controls except tab, which the outputs may contain only where the renderer put them. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function finding(change: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'schema',
    severity: 'error',
    message: 'metrics.ttft_ms is 0',
    file: 'data/board.json',
    line: 4,
    column: 5,
    endLine: 4,
    endColumn: 9,
    pointer: '/0/metrics/ttft_ms',
    entryId: 'e1',
    messageId: 'exclusive-minimum',
    data: {},
    ...change,
  };
}

function report(change: Partial<Report> = {}): Report {
  return {
    reportVersion: 1,
    base: 'a'.repeat(40),
    head: 'worktree',
    locale: 'en',
    summary: { files: 1, entries: { added: 1, modified: 0, removed: 0, unchanged: 0 }, errors: 1, warnings: 0, notices: 0 },
    findings: [],
    files: [],
    entries: [],
    comparisons: [],
    omitted: [],
    uncompared: [],
    ...change,
  };
}

/** Reports whether the runner would read a line as a workflow command, in either of its forms. */
function isCommand(line: string): boolean {
  return line.trim().startsWith('::') || line.includes('##[');
}

const INJECTED_PATH = 'data/x\n::error file=README.md,line=1::INJECTED\n.json';

describe('text report with hostile paths', () => {
  test('newline in a path starts no command', () => {
    const text = renderText(report({ findings: [finding({ file: INJECTED_PATH })] }));
    const lines = text.split('\n');

    expect(lines.filter(isCommand)).toEqual([]);
    expect(text).toContain('data/x ::error file=README.md,line=1::INJECTED .json:4:5');
  });

  test('path at the start of a line is defused', () => {
    const text = renderText(report({ findings: [finding({ file: '::error::x.json' })] }));
    const lines = text.split('\n');

    expect(lines.filter(isCommand)).toEqual([]);
    expect(lines.some((line) => line.startsWith(':\u200b:error::x.json:4:5'))).toBe(true);
  });

  test('old command form is defused', () => {
    const text = renderText(report({ findings: [finding({ file: 'data/##[error]x.json', message: 'value ##[warning]y' })] }));

    expect(text).not.toContain('##[');
    expect(text).toContain('#\u200b#[error]x.json');
    expect(text).toContain('value #\u200b#[warning]y');
  });

  test('escape in a path is replaced', () => {
    const text = renderText(report({ findings: [finding({ file: 'data/\u001b[31mred.json' })] }));

    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('data/\uFFFD[31mred.json:4:5');
  });

  test('repeated group locations are cleaned', () => {
    const findings = [0, 1, 2].map((index) => finding({ file: `data/\u0007bell${index}.json`, pointer: `/${index}/metrics/ttft_ms` }));
    const text = renderText(report({ findings, summary: { ...report().summary, errors: 3 } }));

    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('data/\uFFFDbell0.json:4:5, data/\uFFFDbell1.json:4:5, data/\uFFFDbell2.json:4:5');
  });

  test('omitted file name is cleaned', () => {
    const text = renderText(report({ omitted: [{ file: 'data/\u009b2Jx.json', count: 4 }] }));

    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('4 more findings in data/\uFFFD2Jx.json were omitted');
  });

  test('colour codes come only from the renderer', () => {
    const text = renderText(report({ findings: [finding({ file: 'data/\u001b]0;title\u0007.json' })] }), { color: true });
    const escapes = text.match(/\u001b\[[0-9;]*m/g) ?? [];

    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(CONTROL);
    expect(escapes.length).toBeGreaterThan(0);
  });
});

describe('regression table with hostile names', () => {
  const comparison: Comparison = {
    entryId: 'e1\u001b[2J',
    file: 'data/a\n::error::b.json',
    line: 7,
    metric: 'ttft\u0008ms',
    baseValue: 100,
    newValue: 130,
    worsening: 0.3,
    peers: 4,
    severity: 'error',
    direction: 'lower',
    scale: 'relative',
  };

  test('cells are cleaned', () => {
    const text = renderText(report({ comparisons: [comparison] }));
    const lines = text.split('\n');

    expect(text).not.toMatch(CONTROL);
    expect(lines.filter(isCommand)).toEqual([]);
    expect(text).toContain('e1\uFFFD[2J');
    expect(text).toContain('data/a ::error::b.json:7');
    expect(text).toContain('ttft\uFFFDms');
  });

  test('uncompared entries are cleaned', () => {
    const text = renderText(report({ uncompared: [{ entryId: 'e2\u0007', file: 'data/c\r\n::warning::d.json', missing: ['hardware\u001b'] }] }));
    const lines = text.split('\n');

    expect(text).not.toMatch(CONTROL);
    expect(lines.filter(isCommand)).toEqual([]);
    expect(text).toContain('e2\uFFFD (data/c ::warning::d.json): missing hardware\uFFFD');
  });
});

describe('workflow commands with control characters', () => {
  test('title and message lose controls', () => {
    const command = annotationCommand(finding({ entryId: 'e1\u001b[31m\u0007', message: 'bad \u009b value\u0000' }));

    expect(command).not.toMatch(CONTROL);
    expect(command).toContain(',title=schema (e1\uFFFD[31m\uFFFD)::');
    expect(command.endsWith('::bad \uFFFD value\uFFFD')).toBe(true);
  });

  test('percent encoding is kept', () => {
    const command = workflowCommand('warning', '100% \r\nnext\u001b', { title: 'a,b:c%\u0007' });

    expect(command).toBe('::warning title=a%2Cb%3Ac%25\uFFFD::100%25 %0D%0Anext\uFFFD');
  });

  test('bidirectional overrides are replaced', () => {
    const command = workflowCommand('notice', 'abc\u202edef\u2066');

    expect(command).toBe('::notice::abc\uFFFDdef\uFFFD');
  });

  test('tab passes unchanged', () => {
    expect(workflowCommand('notice', 'a\tb')).toBe('::notice::a\tb');
  });
});
