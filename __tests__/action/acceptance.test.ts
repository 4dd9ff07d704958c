/**
 * The bundled action run as the runner runs it, against the API mock on
 * 127.0.0.1, on a pull request that adds an entry with `"ttft_ms": 0`.
 */

import { rmSync } from 'node:fs';
import { STICKY_MARKER } from '../../src/action/api/sticky-comment';
import { createPullRequestRepo, type PullRequestRepo } from './helpers/fixture-repo';
import { GitHubMock, PERSON } from './helpers/github-mock';
import { buildBundle, pullRequestPayload, runStep, type StepResult } from './helpers/runner';

jest.setTimeout(180_000);

const OWNER = 'intellistream';
const REPO = 'sagellm-website-data';
const STACK_FRAME = /\n\s+at .+\(.*:\d+:\d+\)/;

let bundle: string;
let fixture: PullRequestRepo;

beforeAll(() => {
  bundle = buildBundle();
  fixture = createPullRequestRepo(0);
});

afterAll(() => {
  rmSync(fixture.root, { recursive: true, force: true });
});

function newMock(): GitHubMock {
  return new GitHubMock({
    owner: OWNER,
    repo: REPO,
    pageSize: 2,
    pulls: [{ number: 1, headSha: fixture.headSha, files: [{ filename: fixture.file, status: 'modified', patch: fixture.patch }] }],
  });
}

function step(mock: GitHubMock, headRepository: string | null, inputs: Record<string, string> = {}): Promise<StepResult> {
  return runStep({
    bundle,
    workspace: fixture.workspace,
    apiUrl: mock.url,
    eventName: 'pull_request',
    sha: fixture.mergeSha,
    repository: `${OWNER}/${REPO}`,
    payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 1, baseSha: fixture.baseSha, headSha: fixture.headSha, changedFiles: 1, headRepository }),
    inputs: { 'github-token': 'ghs_test', schema: 'builtin', ...inputs },
  });
}

function stickyComments(mock: GitHubMock) {
  return mock.comments.filter((comment) => comment.body.startsWith(STICKY_MARKER));
}

describe('pull request from the same repository', () => {
  let mock: GitHubMock;
  let first: StepResult;
  let second: StepResult;
  let commentsAfterFirst: number;

  beforeAll(async () => {
    mock = newMock();
    await mock.start();
    // Earlier discussion fills the first pages, and a person quoting the marker must not be taken for the sticky comment.
    mock.seedComment(1, 'Thanks for the result!');
    mock.seedComment(1, `${STICKY_MARKER} quoted by a person`, PERSON);
    mock.seedComment(1, 'Looks good to me');
    first = await step(mock, `${OWNER}/${REPO}`);
    commentsAfterFirst = mock.reviewComments.length;
    second = await step(mock, `${OWNER}/${REPO}`);
  });

  afterAll(() => mock.stop());

  test('first run fails the step', () => {
    expect(first.code).toBe(1);
  });

  test('first run annotates the ttft_ms line through a check run', () => {
    expect(mock.checkRuns).toHaveLength(2);
    const run = mock.checkRuns[0];
    expect(run.headSha).toBe(fixture.headSha);
    expect(run.conclusion).toBe('failure');
    const annotation = run.annotations.find((candidate) => candidate.start_line === fixture.badLine);
    expect(annotation).toMatchObject({ path: fixture.file, annotation_level: 'failure' });
    expect(String(annotation?.title)).toContain('schema');
  });

  test('first run writes the job summary and outputs', () => {
    expect(first.summary).toContain('leaderboard-check: Failed');
    expect(first.summary).toContain('`schema`');
    expect(first.outputs.errors).toBe('1');
    expect(first.outputs.added).toBe('1');
    expect(first.outputs['report-path']).toMatch(/report-leaderboard\.json$/);
  });

  test('first run writes a SARIF log and names it', () => {
    const sarifPath = first.outputs['sarif-path'];
    expect(sarifPath).toMatch(/report-leaderboard\.sarif$/);
    const log = JSON.parse(require('node:fs').readFileSync(sarifPath, 'utf8'));
    expect(log.version).toBe('2.1.0');
    const result = log.runs[0].results.find((candidate: { ruleId: string }) => candidate.ruleId === 'schema');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(fixture.badLine);
  });

  test('first run posts one review commenting the ttft_ms line', () => {
    expect(mock.reviews).toHaveLength(1);
    expect(mock.reviews[0].commitId).toBe(fixture.headSha);
    const schemaComments = mock.reviewComments.filter((comment) => comment.body.includes('`schema`'));
    expect(schemaComments).toHaveLength(1);
    expect(schemaComments[0]).toMatchObject({ path: fixture.file, line: fixture.badLine });
    expect(mock.reviews[0].commentCount).toBe(commentsAfterFirst);
  });

  test('two runs leave exactly one sticky comment', () => {
    const sticky = stickyComments(mock);
    expect(sticky).toHaveLength(2);
    expect(sticky.filter((comment) => comment.author.type === 'Bot')).toHaveLength(1);
    expect(mock.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/issues/1/comments'))).toHaveLength(1);
    expect(mock.requests.filter((request) => request.method === 'PATCH' && request.path.includes('/issues/comments/'))).toHaveLength(1);
  });

  test('second run repeats no review comment', () => {
    expect(second.code).toBe(1);
    expect(mock.reviews).toHaveLength(1);
    expect(mock.reviewComments).toHaveLength(commentsAfterFirst);
  });

  test('every request and response fits the OpenAPI description', () => {
    expect(mock.violations).toEqual([]);
  });

  test('no run prints a stack trace', () => {
    expect(first.stdout + first.stderr).not.toMatch(STACK_FRAME);
    expect(second.stdout + second.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('pull request from a fork', () => {
  let mock: GitHubMock;
  let result: StepResult;

  beforeAll(async () => {
    mock = newMock();
    await mock.start();
    mock.readOnly = true;
    result = await step(mock, 'contributor/sagellm-website-data');
  });

  afterAll(() => mock.stop());

  test('fails the step', () => {
    expect(result.code).toBe(1);
  });

  test('annotates the ttft_ms line through a workflow command', () => {
    const command = result.stdout.split('\n').find((line) => line.startsWith('::error ') && line.includes(`line=${fixture.badLine},`));
    expect(command).toBeDefined();
    expect(command).toContain(`file=${fixture.file},`);
    expect(command).toContain('title=schema');
  });

  test('writes the job summary', () => {
    expect(result.summary).toContain('leaderboard-check: Failed');
    expect(result.outputs.errors).toBe('1');
  });

  test('warns once and writes nothing', () => {
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::warning::'))).toHaveLength(1);
    expect(result.stdout).toContain('comes from a fork');
    expect(mock.writes()).toEqual([]);
  });

  test('prints no stack trace', () => {
    expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('pull request whose token is refused writes', () => {
  let mock: GitHubMock;
  let result: StepResult;

  beforeAll(async () => {
    mock = newMock();
    await mock.start();
    mock.readOnly = true;
    result = await step(mock, `${OWNER}/${REPO}`);
  });

  afterAll(() => mock.stop());

  test('stops writing after the first 403', () => {
    expect(result.code).toBe(1);
    expect(mock.writes().map((request) => request.status)).toEqual([403]);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::warning::'))).toHaveLength(1);
    expect(result.stdout).toContain('Resource not accessible by integration');
  });

  test('annotates through workflow commands instead', () => {
    expect(result.stdout).toMatch(new RegExp(`^::error file=${fixture.file.replace(/[./]/g, '\\$&')},line=${fixture.badLine},`, 'm'));
  });
});

describe('pull request from a deleted fork', () => {
  let mock: GitHubMock;
  let result: StepResult;

  beforeAll(async () => {
    mock = newMock();
    await mock.start();
    result = await step(mock, null);
  });

  afterAll(() => mock.stop());

  test('checks and fails without crashing', () => {
    expect(result.code).toBe(1);
    expect(result.summary).toContain('leaderboard-check: Failed');
    expect(result.stdout + result.stderr).not.toMatch(/internal error/);
  });
});
