/** The action's pure parts: patch lines, ranking, truncation, marker lookup, escaping, inputs and event plans. */

import { findMarkedComment, STICKY_MARKER } from '../../src/action/api/sticky-comment';
import { fingerprint, planInlineComments } from '../../src/action/api/review';
import { batches, toAnnotation } from '../../src/action/api/check-run';
import { planEvent } from '../../src/action/event';
import { readOptions } from '../../src/action/inputs';
import { parsePatch } from '../../src/action/patch';
import { rankFindings, selectForRunner } from '../../src/action/ranking';
import type { Finding, Report } from '../../src/core/types';
import { escapeMarkdown, measureUtf16, measureUtf8, renderMarkdown } from '../../src/report/markdown';
import { annotationCommand, escapeData, escapeProperty } from '../../src/report/workflow-commands';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'schema',
    severity: 'error',
    message: '`metrics.ttft_ms` is 0, but it must be greater than 0.',
    file: 'data/a.json',
    line: 10,
    column: 5,
    endLine: 10,
    endColumn: 20,
    pointer: '/1/metrics/ttft_ms',
    entryId: 'e1',
    messageId: 'exclusiveMinimum',
    data: {},
    ...overrides,
  };
}

function report(findings: Finding[], overrides: Partial<Report> = {}): Report {
  const count = (severity: Finding['severity']) => findings.filter((item) => item.severity === severity).length;
  return {
    reportVersion: 1,
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    locale: 'en',
    summary: { files: 1, entries: { added: 1, modified: 0, removed: 0, unchanged: 1 }, errors: count('error'), warnings: count('warning'), notices: count('notice') },
    findings,
    files: [{ status: 'modified', path: 'data/a.json' }],
    entries: [{ status: 'added', entryId: 'e1', file: 'data/a.json', line: 8 }],
    comparisons: [],
    omitted: [],
    uncompared: [],
    ...overrides,
  };
}

describe('parsePatch', () => {
  const patch = ['@@ -1,4 +1,5 @@', ' [', '   {', '-    "a": 1', '+    "a": 2,', '+    "b": 3', '   }', '@@ -20,2 +21,3 @@ context', ' x', '+y', ' z', '\\ No newline at end of file'].join('\n');

  test('commentable lines are context and added lines', () => {
    expect([...parsePatch(patch).commentable]).toEqual([1, 2, 3, 4, 5, 21, 22, 23]);
  });

  test('added lines are only the plus lines', () => {
    expect([...parsePatch(patch).added]).toEqual([3, 4, 22]);
  });

  test('preamble before the first hunk is skipped', () => {
    const git = ['diff --git a/x b/x', 'index 1..2 100644', '--- a/x', '+++ b/x', '@@ -0,0 +1,2 @@', '+one', '+two'].join('\n');
    expect([...parsePatch(git).added]).toEqual([1, 2]);
  });

  test('new file patch counts every line', () => {
    expect([...parsePatch('@@ -0,0 +1,3 @@\n+a\n+b\n+c').commentable]).toEqual([1, 2, 3]);
  });
});

describe('rankFindings', () => {
  test('errors first, then changed lines, then place', () => {
    const warning = finding({ severity: 'warning', line: 1 });
    const unchangedError = finding({ line: 2 });
    const changedError = finding({ line: 30 });
    const ranked = rankFindings([warning, unchangedError, changedError], () => new Set([30]));
    expect(ranked).toEqual([changedError, unchangedError, warning]);
  });
});

describe('selectForRunner', () => {
  test('keeps ten per level and counts the rest', () => {
    const findings = [...Array.from({ length: 15 }, (_, i) => finding({ line: i + 1 })), ...Array.from({ length: 3 }, (_, i) => finding({ severity: 'warning', line: i + 1 }))];
    const selection = selectForRunner(findings);
    expect(selection.shown.filter((item) => item.severity === 'error')).toHaveLength(10);
    expect(selection.shown.filter((item) => item.severity === 'warning')).toHaveLength(3);
    expect(selection.hidden).toBe(5);
  });

  test('keeps a notice slot free when cutting', () => {
    const findings = [...Array.from({ length: 11 }, () => finding()), ...Array.from({ length: 10 }, () => finding({ severity: 'notice' }))];
    const selection = selectForRunner(findings);
    expect(selection.shown.filter((item) => item.severity === 'notice')).toHaveLength(9);
    expect(selection.hidden).toBe(2);
  });

  test('nothing hidden under the limits', () => {
    expect(selectForRunner([finding(), finding({ severity: 'notice' })]).hidden).toBe(0);
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['[click](https://evil.example)', '\\[click\\]\\(https\\:\u200b//evil\\.example\\)'],
    ['ping @octocat', 'ping @\u200boctocat'],
    ['see #12', 'see \\#\u200b12'],
    ['www.example.com', 'www\u200b\\.example\\.com'],
    ['a | b', 'a \\| b'],
    ['line\nbreak', 'line break'],
    ['$x^2$', '\\$x^2\\$'],
  ])('%j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  test('bidirectional controls are removed', () => {
    expect(escapeMarkdown('a\u202eb')).toBe('a b');
  });

  test('long values are cut with an ellipsis', () => {
    expect(Array.from(escapeMarkdown('x'.repeat(500), 10))).toHaveLength(10);
  });
});

describe('renderMarkdown', () => {
  const options = { failed: true, maxSize: 65_000, measure: measureUtf16, reportPath: '/tmp/report.json' };

  test('renders the outcome, the rule table and the entry table', () => {
    const text = renderMarkdown(report([finding()]), options);
    expect(text).toContain('### leaderboard-check: Failed');
    expect(text).toContain('| `schema` | error | 1 | 1 |');
    expect(text).toContain('| added | e1 | data/a\\.json\\:8 |');
  });

  test('a clean report says so', () => {
    expect(renderMarkdown(report([]), { ...options, failed: false })).toContain('**No problems found.**');
  });

  test('truncates to the limit with a note', () => {
    const many = Array.from({ length: 2000 }, (_, i) => finding({ line: i + 1, message: `problem number ${i} `.repeat(5) }));
    const text = renderMarkdown(report(many), { ...options, maxSize: 20_000 });
    expect(measureUtf16(text)).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/\d+ more rows are not shown/);
    expect(text).toContain('/tmp/report.json');
  });

  test('truncates by bytes for the job summary', () => {
    const many = Array.from({ length: 500 }, (_, i) => finding({ line: i + 1, message: '数值无效'.repeat(20) }));
    const text = renderMarkdown(report(many), { ...options, maxSize: 10_000, measure: measureUtf8 });
    expect(measureUtf8(text)).toBeLessThanOrEqual(10_000);
  });

  test('a data value cannot break the table', () => {
    const text = renderMarkdown(report([finding({ entryId: 'x | y\n| z' })]), options);
    const row = text.split('\n').find((line) => line.startsWith('| error |'));
    expect(row?.split(/(?<!\\)\|/)).toHaveLength(7);
  });
});

describe('workflow commands', () => {
  test('data escapes percent and line breaks', () => {
    expect(escapeData('50%\r\n::error::x')).toBe('50%25%0D%0A::error::x');
  });

  test('properties also escape colon and comma', () => {
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  test('annotation names file, place and title', () => {
    expect(annotationCommand(finding({ file: 'data/x,y.json' }))).toBe(
      '::error file=data/x%2Cy.json,line=10,endLine=10,col=5,endColumn=20,title=schema (e1)::`metrics.ttft_ms` is 0, but it must be greater than 0.',
    );
  });

  test('columns are left out for a multi-line range', () => {
    expect(annotationCommand(finding({ endLine: 12 }))).not.toContain('col=');
  });
});

describe('findMarkedComment', () => {
  const comments = [
    { id: 1, body: 'hello', user: { login: 'a', type: 'User' } },
    { id: 2, body: `${STICKY_MARKER} quoted`, user: { login: 'a', type: 'User' } },
    { id: 3, body: `${STICKY_MARKER}\nsummary`, user: { login: 'github-actions[bot]', type: 'Bot' } },
    { id: 4, body: `text ${STICKY_MARKER}`, user: { login: 'github-actions[bot]', type: 'Bot' } },
  ];

  test('app token matches the bot comment', () => {
    expect(findMarkedComment(comments, undefined)?.id).toBe(3);
  });

  test('personal token matches its own login', () => {
    expect(findMarkedComment(comments, 'a')?.id).toBe(2);
  });

  test('no marked comment of the identity', () => {
    expect(findMarkedComment(comments, 'b')).toBeUndefined();
  });
});

describe('planInlineComments', () => {
  const onDiff = finding({ line: 10 });
  const offDiff = finding({ line: 99, pointer: '/2' });
  const commentable = new Map([['data/a.json', new Set([10, 11, 12])]]);

  test('only lines inside the diff', () => {
    expect(planInlineComments([onDiff, offDiff], commentable, new Set(), 10).comments.map((comment) => comment.line)).toEqual([10]);
  });

  test('findings posted by an earlier run are skipped', () => {
    expect(planInlineComments([onDiff], commentable, new Set([fingerprint(onDiff)]), 10).comments).toEqual([]);
  });

  test('the bound counts the overflow', () => {
    const three = [10, 11, 12].map((line) => finding({ line, pointer: `/${line}` }));
    const plan = planInlineComments(three, commentable, new Set(), 2);
    expect(plan.comments).toHaveLength(2);
    expect(plan.overflow).toBe(1);
  });
});

describe('check run annotations', () => {
  test('batches of 50', () => {
    expect(batches(Array.from({ length: 120 }, (_, i) => i), 50).map((batch) => batch.length)).toEqual([50, 50, 20]);
  });

  test('levels map to the Checks API', () => {
    expect(toAnnotation(finding({ severity: 'error' })).annotation_level).toBe('failure');
    expect(toAnnotation(finding({ severity: 'notice', endLine: 11 }))).not.toHaveProperty('start_column');
  });
});

describe('readOptions', () => {
  const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_WORKSPACE: '/w', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/e.json', GITHUB_SHA: 'c'.repeat(40), RUNNER_TEMP: '/t' };
  const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  test('defaults', () => {
    const options = readOptions(reader({}), env);
    expect(options).toMatchObject({ failOn: 'error', locale: 'en', comment: 'on-findings', reviewComments: 20, annotations: true, files: [], repository: { owner: 'o', repo: 'r' } });
    expect(Object.isFrozen(options)).toBe(true);
  });

  test('lists split on lines only', () => {
    expect(readOptions(reader({ files: 'data/{a,b}.json\n\n  data/c.json ' }), env).files).toEqual(['data/{a,b}.json', 'data/c.json']);
  });

  test.each([
    ['fail-on', 'sometimes'],
    ['comment', 'yes'],
    ['review-comments', '51'],
    ['annotations', 'maybe'],
    ['locale', 'fr'],
  ])('invalid %s is rejected', (name, value) => {
    expect(() => readOptions(reader({ [name]: value }), env)).toThrow(`Input \`${name}\``);
  });
});

describe('planEvent', () => {
  const sha = 'd'.repeat(40);
  const pr = (headRepo: { full_name: string } | null) => ({
    pull_request: { number: 3, changed_files: 2, labels: [{ name: 'ack' }], base: { sha: 'a'.repeat(40), repo: { full_name: 'o/r' } }, head: { sha: 'b'.repeat(40), repo: headRepo } },
  });

  test('same-repository pull request is writable', () => {
    expect(planEvent('pull_request', pr({ full_name: 'o/r' }), sha, 'en')).toMatchObject({ kind: 'compare', useMergeBase: true, readOnly: undefined, pullRequest: { number: 3, labels: ['ack'], fromFork: false } });
  });

  test('fork pull request is read-only', () => {
    expect(planEvent('pull_request', pr({ full_name: 'x/r' }), sha, 'en')).toMatchObject({ readOnly: 'fork' });
  });

  test('deleted fork is read-only', () => {
    expect(planEvent('pull_request', pr(null), sha, 'en')).toMatchObject({ readOnly: 'fork', pullRequest: { fromFork: true } });
  });

  test('pull_request_target from a fork may write', () => {
    expect(planEvent('pull_request_target', pr({ full_name: 'x/r' }), sha, 'en')).toMatchObject({ readOnly: undefined });
  });

  test('push compares before and after', () => {
    expect(planEvent('push', { before: 'a'.repeat(40), after: 'b'.repeat(40) }, sha, 'en')).toEqual({ kind: 'compare', base: 'a'.repeat(40), head: 'b'.repeat(40), useMergeBase: false });
  });

  test('push of a new branch checks every file', () => {
    expect(planEvent('push', { before: '0'.repeat(40), after: 'b'.repeat(40) }, sha, 'en')).toEqual({ kind: 'all', head: 'b'.repeat(40) });
  });

  test('push deleting a branch checks nothing', () => {
    expect(planEvent('push', { before: 'a'.repeat(40), after: '0'.repeat(40), deleted: true }, sha, 'en').kind).toBe('nothing');
  });

  test('merge group compares its base and head', () => {
    expect(planEvent('merge_group', { merge_group: { base_sha: 'a'.repeat(40), head_sha: 'b'.repeat(40) } }, sha, 'en')).toMatchObject({ kind: 'compare', base: 'a'.repeat(40), head: 'b'.repeat(40) });
  });

  test('workflow_dispatch checks every file', () => {
    expect(planEvent('workflow_dispatch', {}, sha, 'en')).toEqual({ kind: 'all', head: sha });
  });

  test('unsupported event is a usage error', () => {
    expect(() => planEvent('issues', {}, sha, 'zh-CN')).toThrow('不支持 issues 事件');
  });
});
