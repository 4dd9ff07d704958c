/**
 * The two-workflow setup for pull requests from forks: the bundled action in
 * mode `check` on the fork's `pull_request` run with a read-only token writes
 * the hand-over file, and in mode `report` on `workflow_run` with a write
 * token posts it. Compared with one run of a same-repository pull request
 * against the API mock on 127.0.0.1.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STICKY_MARKER } from '../../src/action/api/sticky-comment';
import { buildHandover, changedLinesMap, HANDOVER_FILE_NAME, MAX_HANDOVER_BYTES, parseHandover, renderHandover, type Handover } from '../../src/action/handover';
import { readOptions } from '../../src/action/inputs';
import { InvalidField } from '../../src/action/strict-json';
import type { Report } from '../../src/core/types';
import { createPullRequestRepo, type PullRequestRepo } from './helpers/fixture-repo';
import { GitHubMock, type MockPull } from './helpers/github-mock';
import { buildBundle, pullRequestPayload, runStep, workflowRunPayload, type StepResult } from './helpers/runner';

jest.setTimeout(240_000);

const OWNER = 'intellistream';
const REPO = 'sagellm-website-data';
const SAME_REPOSITORY = `${OWNER}/${REPO}`;
const FORK = 'contributor/sagellm-website-data';
const RUN_ID = 777;
const STACK_FRAME = /\n\s+at .+\(.*:\d+:\d+\)/;

let bundle: string;
let fixture: PullRequestRepo;
let scratch: string;
/** A directory with no checkout, as in a `workflow_run` job that only downloads the artifact. */
let emptyWorkspace: string;
/** The fork's `check` run, against a mock that refuses every write. */
let forkCheck: StepResult;
let forkCheckWrites: number;
let handoverText: string;

function newMock(headRepository: string, extraPulls: MockPull[] = []): GitHubMock {
  return new GitHubMock({
    owner: OWNER,
    repo: REPO,
    pageSize: 2,
    pulls: [{ number: 1, headSha: fixture.headSha, baseSha: fixture.baseSha, headRepository, files: [{ filename: fixture.file, status: 'modified', patch: fixture.patch }] }, ...extraPulls],
  });
}

function checkStep(mock: GitHubMock, headRepository: string): Promise<StepResult> {
  return runStep({
    bundle,
    workspace: fixture.workspace,
    apiUrl: mock.url,
    eventName: 'pull_request',
    sha: fixture.mergeSha,
    repository: SAME_REPOSITORY,
    payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 1, baseSha: fixture.baseSha, headSha: fixture.headSha, changedFiles: 1, headRepository }),
    inputs: { 'github-token': 'ghs_read', schema: 'builtin' },
  });
}

interface ReportStepOptions {
  eventName?: string;
  runEvent?: string;
  runHeadSha?: string;
  inputs?: Record<string, string>;
}

function reportStep(mock: GitHubMock, reportFile: string, options: ReportStepOptions = {}): Promise<StepResult> {
  return runStep({
    bundle,
    workspace: emptyWorkspace,
    apiUrl: mock.url,
    eventName: options.eventName ?? 'workflow_run',
    sha: fixture.baseSha,
    repository: SAME_REPOSITORY,
    payload: workflowRunPayload({ owner: OWNER, repo: REPO, runId: RUN_ID, headSha: options.runHeadSha ?? fixture.headSha, headRepository: FORK, event: options.runEvent }),
    inputs: { 'github-token': 'ghs_write', mode: 'report', 'report-file': reportFile, ...options.inputs },
  });
}

let artifacts = 0;

/** Places content where actions/download-artifact would: the file's own name in a fresh directory. */
function downloadArtifact(content: string | Buffer): string {
  const dir = join(scratch, `artifact-${++artifacts}`);
  mkdirSync(dir);
  const file = join(dir, HANDOVER_FILE_NAME);
  writeFileSync(file, content);
  return file;
}

function tampered(change: (handover: Record<string, any>) => void): string {
  const handover = JSON.parse(handoverText) as Record<string, any>;
  change(handover);
  return downloadArtifact(JSON.stringify(handover));
}

function stickyComments(mock: GitHubMock) {
  return mock.comments.filter((comment) => comment.body.startsWith(STICKY_MARKER));
}

function errorLines(result: StepResult): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

beforeAll(async () => {
  bundle = buildBundle();
  fixture = createPullRequestRepo(0);
  scratch = mkdtempSync(join(tmpdir(), 'lbc-report-'));
  emptyWorkspace = join(scratch, 'workspace');
  mkdirSync(emptyWorkspace);

  const mock = newMock(FORK);
  await mock.start();
  mock.readOnly = true;
  forkCheck = await checkStep(mock, FORK);
  forkCheckWrites = mock.writes().length;
  await mock.stop();
  handoverText = readFileSync(forkCheck.outputs['handover-path'], 'utf8');
});

afterAll(() => {
  rmSync(fixture.root, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('check run of a fork', () => {
  test('fails the step on the error', () => {
    expect(forkCheck.code).toBe(1);
    expect(forkCheck.outputs.errors).toBe('1');
  });

  test('writes nothing to GitHub', () => {
    expect(forkCheckWrites).toBe(0);
  });

  test('names the hand-over file in an output', () => {
    expect(forkCheck.outputs['handover-path']).toMatch(new RegExp(`handover-leaderboard/${HANDOVER_FILE_NAME.replace(/\./g, '\\.')}$`));
  });

  test('hand-over names the pull request and its head', () => {
    const handover = parseHandover(handoverText);
    expect(handover.repository).toBe(SAME_REPOSITORY);
    expect(handover.pullRequest).toEqual({ number: 1, headSha: fixture.headSha, baseSha: fixture.baseSha });
    expect(handover.report.head).toBe(fixture.headSha);
    expect(handover.report.base).toBe(fixture.mergeBaseSha);
    expect(handover.locale).toBe('en');
  });

  test('hand-over carries the added line of the finding', () => {
    const handover = parseHandover(handoverText);
    expect(changedLinesMap(handover).get(fixture.file)?.has(fixture.badLine)).toBe(true);
  });

  test('hand-over report equals the JSON report', () => {
    const report = JSON.parse(readFileSync(forkCheck.outputs['report-path'], 'utf8')) as Report;
    expect(parseHandover(handoverText).report).toEqual(report);
  });
});

describe('report run after the fork check', () => {
  let single: GitHubMock;
  let singleRun: StepResult;
  let mock: GitHubMock;
  let report: StepResult;
  let second: StepResult;
  let reviewsAfterFirst: number;

  beforeAll(async () => {
    // The one-workflow run: a pull request from the same repository with a write token.
    single = newMock(SAME_REPOSITORY);
    await single.start();
    singleRun = await checkStep(single, SAME_REPOSITORY);

    mock = newMock(FORK);
    await mock.start();
    const file = downloadArtifact(handoverText);
    report = await reportStep(mock, file);
    reviewsAfterFirst = mock.reviews.length;
    second = await reportStep(mock, file);
  });

  afterAll(async () => {
    await single.stop();
    await mock.stop();
  });

  test('fails the step as the check run did', () => {
    expect(report.code).toBe(1);
    expect(report.outputs.errors).toBe(singleRun.outputs.errors);
    expect(report.outputs.added).toBe(singleRun.outputs.added);
  });

  test('posts the comment of the one-workflow run', () => {
    const [expected] = stickyComments(single);
    const [posted] = stickyComments(mock);
    expect(expected).toBeDefined();
    expect(posted.body).toBe(expected.body);
  });

  test('leaves exactly one sticky comment after two runs', () => {
    expect(stickyComments(mock)).toHaveLength(1);
    expect(mock.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/issues/1/comments'))).toHaveLength(1);
    expect(mock.requests.filter((request) => request.method === 'PATCH' && request.path.includes('/issues/comments/'))).toHaveLength(1);
  });

  test('posts one review with the same inline comments', () => {
    expect(reviewsAfterFirst).toBe(1);
    expect(mock.reviews).toHaveLength(1);
    expect(mock.reviews[0].body).toBe(single.reviews[0].body);
    expect(mock.reviews[0].commitId).toBe(fixture.headSha);
    const comments = (target: GitHubMock) => target.reviewComments.map(({ path, line, body }) => ({ path, line, body }));
    expect(comments(mock)).toEqual(comments(single));
    expect(comments(mock).some((comment) => comment.line === fixture.badLine)).toBe(true);
  });

  test('creates a check run like the one-workflow run', () => {
    expect(mock.checkRuns).toHaveLength(2);
    const [posted] = mock.checkRuns;
    const [expected] = single.checkRuns;
    expect(posted.headSha).toBe(fixture.headSha);
    expect(posted.conclusion).toBe(expected.conclusion);
    expect(posted.title).toBe(expected.title);
    expect(posted.summary).toBe(expected.summary);
    expect(posted.annotations).toEqual(expected.annotations);
  });

  test('writes the same job summary', () => {
    expect(report.summary).toBe(singleRun.summary);
  });

  test('writes only to the repository it runs in', () => {
    expect(mock.requests.length).toBeGreaterThan(0);
    for (const request of mock.requests) expect(request.path.startsWith(`/repos/${OWNER}/${REPO}/`) || request.path === '/user').toBe(true);
  });

  test('second run updates the comment and repeats no review', () => {
    expect(second.code).toBe(1);
    expect(mock.reviews).toHaveLength(1);
  });

  test('every request and response fits the OpenAPI description', () => {
    expect(single.violations).toEqual([]);
    expect(mock.violations).toEqual([]);
  });

  test('no run prints a stack trace', () => {
    for (const result of [forkCheck, report, second]) expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('rejected hand-over', () => {
  const anotherHead = 'c'.repeat(40);

  // Each case: how the artifact is made, options of the report step, and a part of the one error it must print.
  const cases: Array<[string, () => string, ReportStepOptions, string]> = [
    ['line of the wrong type', () => tampered((h) => (h.report.findings[0].line = String(h.report.findings[0].line))), {}, '`/report/findings/0/line` is of type string, not integer'],
    ['pull request number of the wrong type', () => tampered((h) => (h.pullRequest.number = '1')), {}, '`/pullRequest/number` is of type string, not integer'],
    ['report that is an array', () => tampered((h) => (h.report = [])), {}, '`/report` is of type array, not object'],
    ['rule id outside the catalogue', () => tampered((h) => (h.report.findings[0].ruleId = 'schema` <img src=x>')), {}, '`/report/findings/0/ruleId` is "schema` <img src=x>", which is not a rule id'],
    ['unknown field', () => tampered((h) => (h.report.script = 'rm -rf /')), {}, '`/report/script` is not a field of the hand-over format'],
    ['missing field', () => tampered((h) => delete h.report.findings), {}, '`/report/findings` is missing'],
    ['message over the length limit', () => tampered((h) => (h.report.findings[0].message = 'x'.repeat(70_000))), {}, '`/report/findings/0/message` has 70000 characters, more than the maximum of 65536'],
    ['file over the size limit', () => downloadArtifact(Buffer.alloc(MAX_HANDOVER_BYTES + 1, 0x20)), {}, `has ${MAX_HANDOVER_BYTES + 1} bytes, more than the maximum of ${MAX_HANDOVER_BYTES}`],
    ['nesting over the depth limit', () => downloadArtifact('['.repeat(200) + ']'.repeat(200)), {}, 'nests deeper than 128 levels'],
    ['text that is not JSON', () => downloadArtifact('{"handoverVersion": 1,'), {}, 'is not valid JSON'],
    ['bytes that are not UTF-8', () => downloadArtifact(Buffer.from([0x7b, 0xff, 0x7d])), {}, 'is not valid UTF-8'],
    ['counts below the findings', () => tampered((h) => (h.report.summary.errors = 0)), {}, '`/report/summary` counts'],
    ['unknown version', () => tampered((h) => (h.handoverVersion = 2)), {}, '`/handoverVersion` is 2, which is not one of 1'],
    ['report head other than the pull request head', () => tampered((h) => (h.report.head = anotherHead)), {}, '`/report/head` is'],
    [
      'head other than the workflow run head',
      () => tampered((h) => {
        h.pullRequest.headSha = anotherHead;
        h.report.head = anotherHead;
      }),
      {},
      `\`/pullRequest/headSha\` is ${anotherHead}, but the workflow run that uploaded the file ran on`,
    ],
    ['pull request whose head differs on GitHub', () => tampered((h) => (h.pullRequest.number = 2)), {}, `pull request #2 has head ${anotherHead} on GitHub`],
    ['pull request that does not exist', () => tampered((h) => (h.pullRequest.number = 99)), {}, 'pull request #99 does not exist in intellistream/sagellm-website-data'],
    ['other repository', () => tampered((h) => (h.repository = 'attacker/elsewhere')), {}, 'but this workflow runs in intellistream/sagellm-website-data'],
    ['missing file', () => join(scratch, 'nowhere', HANDOVER_FILE_NAME), {}, 'was not found'],
    [
      'symbolic link',
      () => {
        const target = downloadArtifact(handoverText);
        const link = join(scratch, `link-${++artifacts}.json`);
        symlinkSync(target, link);
        return link;
      },
      {},
      'the path is not a regular file',
    ],
  ];

  test.each(cases)('%s fails and writes nothing', async (_name, makeFile, options, fragment) => {
    const mock = newMock(FORK, [{ number: 2, headSha: anotherHead, files: [] }]);
    await mock.start();
    try {
      const result = await reportStep(mock, makeFile(), options);
      expect(result.code).toBe(1);
      const errors = errorLines(result);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(fragment);
      expect(mock.writes()).toEqual([]);
      expect(mock.violations).toEqual([]);
      expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
    } finally {
      await mock.stop();
    }
  });

  test('report step on a pull_request event fails', async () => {
    const mock = newMock(FORK);
    await mock.start();
    try {
      const result = await reportStep(mock, downloadArtifact(handoverText), { eventName: 'pull_request' });
      expect(result.code).toBe(1);
      expect(errorLines(result)).toEqual([expect.stringContaining('Mode `report` runs on the workflow_run event')]);
      expect(mock.requests).toEqual([]);
    } finally {
      await mock.stop();
    }
  });

  test('report step without report-file fails', async () => {
    const mock = newMock(FORK);
    await mock.start();
    try {
      const result = await reportStep(mock, '');
      expect(result.code).toBe(1);
      expect(errorLines(result)).toEqual([expect.stringContaining('Input `report-file` is required')]);
      expect(mock.requests).toEqual([]);
    } finally {
      await mock.stop();
    }
  });

  test('rejection is in Chinese with locale zh-CN', async () => {
    const mock = newMock(FORK);
    await mock.start();
    try {
      const result = await reportStep(mock, tampered((h) => (h.repository = 'attacker/elsewhere')), { inputs: { locale: 'zh-CN' } });
      expect(result.code).toBe(1);
      expect(errorLines(result)).toEqual([expect.stringContaining('被拒绝，未发布任何内容')]);
      expect(mock.writes()).toEqual([]);
    } finally {
      await mock.stop();
    }
  });
});

describe('workflow run of another event', () => {
  test('ends with a notice and writes nothing', async () => {
    const mock = newMock(FORK);
    await mock.start();
    try {
      const result = await reportStep(mock, downloadArtifact(handoverText), { runEvent: 'push' });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('::notice::The workflow run that triggered this one ran on push');
      expect(mock.requests).toEqual([]);
    } finally {
      await mock.stop();
    }
  });
});

describe('parseHandover', () => {
  const sha = (digit: string) => digit.repeat(40);
  const report: Report = {
    reportVersion: 1,
    base: sha('a'),
    head: sha('b'),
    locale: 'zh-CN',
    summary: { files: 2, entries: { added: 1, modified: 1, removed: 1, unchanged: 3 }, errors: 2, warnings: 1, notices: 0 },
    findings: [
      {
        ruleId: 'duplicate-entry-id',
        severity: 'error',
        message: '条目 id 重复',
        file: 'data/a.json',
        line: 12,
        column: 5,
        endLine: 12,
        endColumn: 40,
        pointer: '/1/entry_id',
        entryId: 'e-1',
        messageId: 'duplicate',
        data: { id: 'e-1', relatedLine: 3, ratio: Number.NaN },
        related: { file: 'data/a.json', line: 3, column: 5 },
      },
      { ruleId: 'metric-regression', severity: 'warning', message: 'worse', file: 'data/b.json', line: 1, column: 1, endLine: 4, endColumn: 2, pointer: '', messageId: 'worse', data: {} },
    ],
    files: [
      { status: 'modified', path: 'data/a.json' },
      { status: 'renamed', path: 'data/b.json', previousPath: 'data/old.json' },
    ],
    entries: [
      { status: 'added', entryId: 'e-1', file: 'data/a.json', line: 10 },
      { status: 'modified', entryId: 'e-2', file: 'data/b.json', line: 2, fields: [{ pointer: '/metrics/ttft_ms', before: 50, after: 0 }, { pointer: '/notes', before: undefined, after: { deep: [1, null] } }] },
      { status: 'removed', entryId: 'e-3', file: 'data/b.json' },
    ],
    comparisons: [
      { entryId: 'e-2', file: 'data/b.json', line: 2, metric: 'ttft_ms', baseValue: 50, newValue: 0, worsening: -1, scale: 'relative', direction: 'lower', peers: 1, severity: 'ok', acknowledged: 'faster kernel' },
    ],
    omitted: [{ file: 'data/a.json', count: 1 }],
    uncompared: [{ entryId: 'e-1', file: 'data/a.json', missing: ['hardware.chip_model'] }],
  };
  const changed = new Map([['data/a.json', new Set([12, 10, 11])]]);

  function roundTrip(): Handover {
    return parseHandover(renderHandover(buildHandover(SAME_REPOSITORY, { number: 4, headSha: sha('b'), baseSha: sha('c') }, changed, report)));
  }

  test('round trip keeps every field of the report', () => {
    expect(roundTrip().report).toEqual(report);
  });

  test('round trip keeps the pull request and changed lines', () => {
    const handover = roundTrip();
    expect(handover.pullRequest).toEqual({ number: 4, headSha: sha('b'), baseSha: sha('c') });
    expect(handover.changedLines).toEqual([{ file: 'data/a.json', lines: [10, 11, 12] }]);
  });

  test('message data named __proto__ stays a plain member', () => {
    const text = renderHandover(buildHandover(SAME_REPOSITORY, { number: 4, headSha: sha('b'), baseSha: sha('c') }, changed, report)).replace('"relatedLine":3', '"__proto__":"x","relatedLine":3');
    const data = parseHandover(text).report.findings[0].data;
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.keys(data)).toContain('__proto__');
  });

  test('rejection names the first field at fault', () => {
    const text = renderHandover(buildHandover(SAME_REPOSITORY, { number: 4, headSha: sha('b'), baseSha: sha('c') }, changed, report)).replace('"column":5', '"column":0');
    expect(() => parseHandover(text)).toThrow(InvalidField);
    try {
      parseHandover(text);
    } catch (error) {
      expect((error as InvalidField).id).toBe('handover.out-of-range');
      expect((error as InvalidField).data.pointer).toBe('/report/findings/0/column');
    }
  });
});

describe('mode input', () => {
  const env = { GITHUB_REPOSITORY: SAME_REPOSITORY, GITHUB_WORKSPACE: '/w', GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: '/e.json', GITHUB_SHA: 'a'.repeat(40), RUNNER_TEMP: '/t', GITHUB_ACTION: 'report' };
  const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  test('defaults to check', () => {
    expect(readOptions(reader({}), env).mode).toBe('check');
  });

  test('report takes the report file', () => {
    const options = readOptions(reader({ mode: 'report', 'report-file': '/a/leaderboard-check-handover.json' }), env);
    expect(options.mode).toBe('report');
    expect(options.reportFile).toBe('/a/leaderboard-check-handover.json');
  });

  test('unknown mode is rejected', () => {
    expect(() => readOptions(reader({ mode: 'post' }), env)).toThrow('Input `mode` is "post", which is not valid: use check, report.');
  });

  test('hand-over path has the fixed file name', () => {
    expect(readOptions(reader({}), env).handoverPath).toBe(join('/t', 'leaderboard-check', 'handover-report', HANDOVER_FILE_NAME));
  });
});
