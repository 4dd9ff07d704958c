/**
 * The bundled action run end to end for the events besides `pull_request`:
 * `push` (with a `before` and for a new branch), `merge_group`,
 * `workflow_dispatch` and `pull_request_target` from a fork. Each runs on a
 * shallow checkout as actions/checkout leaves it, against the API mock on
 * 127.0.0.1.
 */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { STICKY_MARKER } from '../../src/action/api/sticky-comment';
import { ADDED_ID, entry, PUBLISHED_ID, run } from './helpers/fixture-repo';
import { GitHubMock, type MockFile } from './helpers/github-mock';
import { buildBundle, pullRequestPayload, runStep, type StepResult } from './helpers/runner';

jest.setTimeout(180_000);

const OWNER = 'intellistream';
const REPO = 'sagellm-website-data';
const STACK_FRAME = /\n\s+at .+\(.*:\d+:\d+\)/;
const NULL_SHA = '0'.repeat(40);
const SINGLE = 'data/leaderboard_single.json';
const LEGACY = 'data/leaderboard_legacy.json';
const LEGACY_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const CONFIG = '.github/leaderboard-check.yml';
const SCHEMA = 'data/schemas/leaderboard_v1.schema.json';

let bundle: string;
let root: string;

beforeAll(() => {
  bundle = buildBundle();
  root = mkdtempSync(join(tmpdir(), 'lbc-events-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(dirname(bundle), { recursive: true, force: true });
});

/** Builds the added entry with `"ttft_ms": 0` on a workload no published entry has, so no comparison rule reports it. */
function addedEntry(): Record<string, unknown> {
  return { ...entry(ADDED_ID, 0), workload: { input_length: 2048, output_length: 512, batch_size: 8, concurrent_requests: 8, dataset: 'ShareGPT' } };
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Finds the line (1-based) of the first `"ttft_ms"` after the entry with `id` in `text`. */
function ttftLine(text: string, id: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.includes(id));
  return lines.findIndex((line, i) => i > at && line.includes('"ttft_ms"')) + 1;
}

let repoCount = 0;

/** Creates a bare `origin` that serves any commit by id, as GitHub does, and a working copy to author commits in. */
function newRepository(): { origin: string; author: string } {
  const dir = join(root, `repo-${repoCount++}`);
  const origin = join(dir, 'origin.git');
  const author = join(dir, 'author');
  mkdirSync(dir);
  run(dir, ['init', '-q', '--bare', '-b', 'main', origin]);
  run(origin, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  run(dir, ['init', '-q', '-b', 'main', author]);
  return { origin, author };
}

function commit(author: string, message: string): string {
  run(author, ['add', '-A']);
  run(author, ['commit', '-q', '-m', message]);
  return run(author, ['rev-parse', 'HEAD']);
}

let workspaceCount = 0;

/** Creates a workspace as actions/checkout leaves it by default: `sha` fetched at depth 1 and checked out detached. */
function checkout(origin: string, sha: string): string {
  const workspace = join(root, `workspace-${workspaceCount++}`);
  run(root, ['init', '-q', workspace]);
  run(workspace, ['remote', 'add', 'origin', `file://${origin}`]);
  run(workspace, ['fetch', '-q', '--no-tags', '--depth=1', 'origin', sha]);
  run(workspace, ['checkout', '-q', '--detach', sha]);
  return workspace;
}

function repositoryObject() {
  return { id: 100, node_id: 'R_100', name: REPO, full_name: `${OWNER}/${REPO}`, private: false, owner: { login: OWNER, id: 101, type: 'Organization' }, default_branch: 'main' };
}

const SENDER = { login: 'maintainer', id: 9, type: 'User' };

/**
 * History shared by `push`, `merge_group` and `workflow_dispatch`. `before`
 * publishes one valid entry and a legacy file whose entry already has
 * `"ttft_ms": 0`. `after` appends an entry with the same mistake to the
 * single-GPU file and leaves the legacy file alone.
 */
interface History {
  origin: string;
  before: string;
  after: string;
  /** Line of the new entry's `"ttft_ms": 0` in the single-GPU file at `after`. */
  addedLine: number;
  /** Line of the legacy entry's `"ttft_ms": 0`. */
  legacyLine: number;
}

function createHistory(): History {
  const { origin, author } = newRepository();
  const legacy = json([{ ...entry(LEGACY_ID, 0), workload: { input_length: 1024, output_length: 256, batch_size: 4, concurrent_requests: 4, dataset: 'ShareGPT' } }]);
  write(author, SINGLE, json([entry(PUBLISHED_ID, 50)]));
  write(author, LEGACY, legacy);
  write(author, 'README.md', 'leaderboard data\n');
  const before = commit(author, 'Publish the first results');

  const single = json([entry(PUBLISHED_ID, 50), addedEntry()]);
  write(author, SINGLE, single);
  const after = commit(author, 'Add a result');
  run(author, ['push', '-q', origin, `${after}:refs/heads/main`, `${after}:refs/heads/gh-readonly-queue/main/pr-1-${after}`]);
  return { origin, before, after, addedLine: ttftLine(single, ADDED_ID), legacyLine: ttftLine(legacy, LEGACY_ID) };
}

function quietMock(): GitHubMock {
  return new GitHubMock({ owner: OWNER, repo: REPO, pulls: [] });
}

interface EventStep {
  mock: GitHubMock;
  workspace: string;
  eventName: string;
  sha: string;
  payload: Record<string, unknown>;
  inputs?: Record<string, string>;
}

function step(options: EventStep): Promise<StepResult> {
  return runStep({
    bundle,
    workspace: options.workspace,
    apiUrl: options.mock.url,
    eventName: options.eventName,
    sha: options.sha,
    repository: `${OWNER}/${REPO}`,
    payload: options.payload,
    inputs: { 'github-token': 'ghs_test', schema: 'builtin', ...options.inputs },
  });
}

function report(result: StepResult): { findings: Array<{ ruleId: string; file: string; line: number; severity: string }> } {
  return JSON.parse(readFileSync(result.outputs['report-path'], 'utf8'));
}

function sarifResults(result: StepResult): Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> {
  return JSON.parse(readFileSync(result.outputs['sarif-path'], 'utf8')).runs[0].results;
}

/** Lists the report's findings as `rule file:line`, sorted, to compare a whole report at once. */
function findingsOf(result: StepResult): string[] {
  return report(result)
    .findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`)
    .sort();
}

function expectCleanLog(result: StepResult): void {
  expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stdout + result.stderr).not.toMatch(/internal error/i);
}

/** Expects check-run requests only and no warning, because an event without a pull request has nothing to review or comment on. */
function expectOnlyCheckRuns(mock: GitHubMock, result: StepResult): void {
  expect(result.stdout).not.toMatch(/^::warning::/m);
  expect(mock.requests.length).toBeGreaterThan(0);
  expect(mock.requests.filter((request) => !/\/check-runs(\/\d+)?$/.test(request.path))).toEqual([]);
  expect(mock.reviews).toEqual([]);
  expect(mock.comments).toEqual([]);
  expect(mock.violations).toEqual([]);
}

function annotationsAt(mock: GitHubMock, file: string, line: number) {
  return mock.checkRuns.flatMap((checkRun) => checkRun.annotations).filter((annotation) => annotation.path === file && annotation.start_line === line);
}

describe('events on one history', () => {
  let history: History;

  beforeAll(() => {
    history = createHistory();
  });

  describe('push with a before commit', () => {
    let mock: GitHubMock;
    let result: StepResult;

    beforeAll(async () => {
      mock = quietMock();
      await mock.start();
      result = await step({
        mock,
        workspace: checkout(history.origin, history.after),
        eventName: 'push',
        sha: history.after,
        payload: { ref: 'refs/heads/main', before: history.before, after: history.after, created: false, deleted: false, forced: false, repository: repositoryObject(), sender: SENDER },
      });
    });

    afterAll(() => mock.stop());

    test('fails on the added entry only', () => {
      expect(result.code).toBe(1);
      expect(findingsOf(result)).toEqual([`schema ${SINGLE}:${history.addedLine}`]);
    });

    test('annotates the line through a check run on the pushed commit', () => {
      expect(mock.checkRuns).toHaveLength(1);
      expect(mock.checkRuns[0]).toMatchObject({ headSha: history.after, conclusion: 'failure' });
      const [annotation] = annotationsAt(mock, SINGLE, history.addedLine);
      expect(annotation).toMatchObject({ annotation_level: 'failure', title: expect.stringContaining('schema') });
      expect(mock.checkRuns[0].annotations).toHaveLength(1);
    });

    test('posts no review and no comment', () => {
      expectOnlyCheckRuns(mock, result);
    });

    test('sets the outputs and the job summary', () => {
      expect(result.outputs).toMatchObject({ errors: '1', added: '1', modified: '0', removed: '0' });
      expect(result.outputs['report-path']).toMatch(/report-leaderboard\.json$/);
      expect(result.outputs['sarif-path']).toMatch(/report-leaderboard\.sarif$/);
      expect(result.outputs['handover-path']).toBeUndefined();
      expect(result.summary).toContain('leaderboard-check: Failed');
      expect(result.summary).toContain('`schema`');
    });

    test('writes the SARIF result at the line', () => {
      const results = sarifResults(result);
      expect(results).toHaveLength(1);
      expect(results[0].ruleId).toBe('schema');
      expect(results[0].locations[0].physicalLocation.region.startLine).toBe(history.addedLine);
    });

    test('prints no stack trace', () => {
      expectCleanLog(result);
    });
  });

  describe('push of a new branch', () => {
    let mock: GitHubMock;
    let result: StepResult;

    beforeAll(async () => {
      mock = quietMock();
      await mock.start();
      result = await step({
        mock,
        workspace: checkout(history.origin, history.after),
        eventName: 'push',
        sha: history.after,
        payload: { ref: 'refs/heads/new-result', before: NULL_SHA, after: history.after, created: true, deleted: false, forced: false, base_ref: null, repository: repositoryObject(), sender: SENDER },
      });
    });

    afterAll(() => mock.stop());

    test('fails on every data file', () => {
      expect(result.code).toBe(1);
      expect(findingsOf(result)).toEqual([`schema ${LEGACY}:${history.legacyLine}`, `schema ${SINGLE}:${history.addedLine}`].sort());
    });

    test('counts every entry as added', () => {
      expect(result.outputs).toMatchObject({ errors: '2', added: '3', modified: '0', removed: '0' });
      expect(result.outputs['sarif-path']).toMatch(/\.sarif$/);
      expect(sarifResults(result)).toHaveLength(2);
    });

    test('annotates both lines on the pushed commit', () => {
      expect(mock.checkRuns).toHaveLength(1);
      expect(mock.checkRuns[0].headSha).toBe(history.after);
      expect(annotationsAt(mock, SINGLE, history.addedLine)).toHaveLength(1);
      expect(annotationsAt(mock, LEGACY, history.legacyLine)).toHaveLength(1);
      expectOnlyCheckRuns(mock, result);
    });

    test('prints no stack trace', () => {
      expectCleanLog(result);
    });
  });

  describe('push that deletes a branch', () => {
    let mock: GitHubMock;
    let result: StepResult;

    beforeAll(async () => {
      mock = quietMock();
      await mock.start();
      result = await step({
        mock,
        workspace: checkout(history.origin, history.after),
        eventName: 'push',
        sha: history.before,
        payload: { ref: 'refs/heads/old-result', before: history.after, after: NULL_SHA, created: false, deleted: true, forced: false, repository: repositoryObject(), sender: SENDER },
      });
    });

    afterAll(() => mock.stop());

    test('ends with a notice and checks nothing', () => {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^::notice::/m);
      expect(result.outputs).toEqual({});
      expect(mock.requests).toEqual([]);
      expectCleanLog(result);
    });
  });

  describe('merge_group', () => {
    let mock: GitHubMock;
    let result: StepResult;

    beforeAll(async () => {
      mock = quietMock();
      await mock.start();
      const headRef = `refs/heads/gh-readonly-queue/main/pr-1-${history.after}`;
      result = await step({
        mock,
        workspace: checkout(history.origin, history.after),
        eventName: 'merge_group',
        sha: history.after,
        payload: {
          action: 'checks_requested',
          merge_group: {
            head_sha: history.after,
            head_ref: headRef,
            base_sha: history.before,
            base_ref: 'refs/heads/main',
            head_commit: { id: history.after, tree_id: NULL_SHA, message: 'Merge pull request #1', timestamp: '2025-01-28T10:30:00Z', author: { name: 'Test', email: 'test@example.invalid' }, committer: { name: 'Test', email: 'test@example.invalid' } },
          },
          repository: repositoryObject(),
          sender: SENDER,
        },
      });
    });

    afterAll(() => mock.stop());

    test('compares base_sha with head_sha and fails on the added entry', () => {
      expect(result.code).toBe(1);
      expect(findingsOf(result)).toEqual([`schema ${SINGLE}:${history.addedLine}`]);
      expect(result.outputs).toMatchObject({ errors: '1', added: '1', modified: '0', removed: '0' });
      expect(result.outputs['report-path']).toMatch(/\.json$/);
      expect(sarifResults(result)[0].locations[0].physicalLocation.region.startLine).toBe(history.addedLine);
    });

    test('annotates the group head only', () => {
      expect(mock.checkRuns).toHaveLength(1);
      expect(mock.checkRuns[0]).toMatchObject({ headSha: history.after, conclusion: 'failure' });
      expect(annotationsAt(mock, SINGLE, history.addedLine)).toHaveLength(1);
      expectOnlyCheckRuns(mock, result);
    });

    test('writes the job summary and prints no stack trace', () => {
      expect(result.summary).toContain('leaderboard-check: Failed');
      expectCleanLog(result);
    });
  });

  describe('workflow_dispatch', () => {
    let mock: GitHubMock;
    let result: StepResult;

    beforeAll(async () => {
      mock = quietMock();
      await mock.start();
      result = await step({
        mock,
        workspace: checkout(history.origin, history.before),
        eventName: 'workflow_dispatch',
        sha: history.before,
        payload: { inputs: {}, ref: 'refs/heads/main', repository: repositoryObject(), sender: SENDER, workflow: '.github/workflows/leaderboard.yml' },
      });
    });

    afterAll(() => mock.stop());

    test('fails on the mistake already in the repository', () => {
      expect(result.code).toBe(1);
      expect(findingsOf(result)).toEqual([`schema ${LEGACY}:${history.legacyLine}`]);
    });

    test('counts every entry as added', () => {
      expect(result.outputs).toMatchObject({ errors: '1', added: '2', modified: '0', removed: '0' });
      expect(result.outputs['report-path']).toMatch(/\.json$/);
      expect(sarifResults(result)[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: LEGACY }, region: { startLine: history.legacyLine } });
    });

    test('annotates the workflow commit only', () => {
      expect(mock.checkRuns).toHaveLength(1);
      expect(mock.checkRuns[0]).toMatchObject({ headSha: history.before, conclusion: 'failure' });
      expect(annotationsAt(mock, LEGACY, history.legacyLine)).toHaveLength(1);
      expectOnlyCheckRuns(mock, result);
    });

    test('writes the job summary and prints no stack trace', () => {
      expect(result.summary).toContain('leaderboard-check: Failed');
      expectCleanLog(result);
    });
  });

  describe('workflow_dispatch with a token refused writes', () => {
    let mock: GitHubMock;
    let result: StepResult;

    beforeAll(async () => {
      mock = quietMock();
      await mock.start();
      mock.readOnly = true;
      result = await step({
        mock,
        workspace: checkout(history.origin, history.before),
        eventName: 'workflow_dispatch',
        sha: history.before,
        payload: { inputs: {}, ref: 'refs/heads/main', repository: repositoryObject(), sender: SENDER, workflow: '.github/workflows/leaderboard.yml' },
      });
    });

    afterAll(() => mock.stop());

    test('annotates the line through a workflow command instead', () => {
      expect(result.code).toBe(1);
      const command = result.stdout.split('\n').find((line) => line.startsWith(`::error file=${LEGACY},line=${history.legacyLine},`));
      expect(command).toContain('title=schema');
      expect(mock.writes().map((request) => request.status)).toEqual([403]);
      expectCleanLog(result);
    });
  });
});

/**
 * A pull request from a fork whose head loosens the rules it is checked by.
 * It adds an entry with `"ttft_ms": 0`, turns the `schema` rule off in a new
 * configuration file and replaces the repository's schema with one that
 * accepts any array.
 */
describe('pull_request_target from a fork', () => {
  let mock: GitHubMock;
  let result: StepResult;
  let workspace: string;
  let baseSha: string;
  let headSha: string;
  let badLine: number;

  beforeAll(async () => {
    const { origin, author } = newRepository();
    const schema = readFileSync(resolve(__dirname, '..', '..', 'src', 'schema', 'leaderboard_v1.schema.json'), 'utf8');
    write(author, SINGLE, json([entry(PUBLISHED_ID, 50)]));
    write(author, SCHEMA, schema);
    write(author, 'README.md', 'leaderboard data\n');
    const mergeBase = commit(author, 'Publish the first result');

    run(author, ['checkout', '-q', '-b', 'new-result']);
    const single = json([entry(PUBLISHED_ID, 50), addedEntry()]);
    write(author, SINGLE, single);
    write(author, CONFIG, 'rules:\n  schema: off\n');
    write(author, SCHEMA, json({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array' }));
    headSha = commit(author, 'Add a result');
    badLine = ttftLine(single, ADDED_ID);

    run(author, ['checkout', '-q', 'main']);
    write(author, 'README.md', 'leaderboard data, updated\n');
    baseSha = commit(author, 'Reword the readme');
    run(author, ['push', '-q', origin, `${baseSha}:refs/heads/main`, `${headSha}:refs/pull/1/head`]);

    const patchOf = (path: string) => {
      const diff = run(author, ['diff', '--no-color', mergeBase, headSha, '--', path]);
      return diff.slice(diff.indexOf('@@'));
    };
    const files: MockFile[] = [
      { filename: CONFIG, status: 'added', patch: patchOf(CONFIG) },
      { filename: SINGLE, status: 'modified', patch: patchOf(SINGLE) },
      { filename: SCHEMA, status: 'modified', patch: patchOf(SCHEMA) },
    ];
    mock = new GitHubMock({ owner: OWNER, repo: REPO, pageSize: 2, pulls: [{ number: 1, headSha, baseSha, files, headRepository: `contributor/${REPO}` }] });
    await mock.start();

    // actions/checkout's default for pull_request_target is the base branch's last commit, not the head.
    workspace = checkout(origin, baseSha);
    result = await runStep({
      bundle,
      workspace,
      apiUrl: mock.url,
      eventName: 'pull_request_target',
      sha: baseSha,
      repository: `${OWNER}/${REPO}`,
      payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 1, baseSha, headSha, changedFiles: files.length, headRepository: `contributor/${REPO}` }),
      inputs: { 'github-token': 'ghs_test' },
    });
  });

  afterAll(() => mock.stop());

  test('applies the base schema and configuration', () => {
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual([`schema ${SINGLE}:${badLine}`, `schema-changed ${CONFIG}:1`, `schema-changed ${SCHEMA}:1`].sort());
    expect(result.outputs).toMatchObject({ errors: '1', warnings: '2', added: '1', modified: '0', removed: '0' });
  });

  test('warns of the edited configuration and schema', () => {
    const changed = report(result).findings.filter((finding) => finding.ruleId === 'schema-changed');
    expect(changed.map((finding) => [finding.file, finding.severity]).sort()).toEqual([
      [CONFIG, 'warning'],
      [SCHEMA, 'warning'],
    ]);
  });

  test('leaves the checkout at base', () => {
    expect(run(workspace, ['rev-parse', 'HEAD'])).toBe(baseSha);
    expect(run(workspace, ['status', '--porcelain'])).toBe('');
    expect(existsSync(join(workspace, CONFIG))).toBe(false);
    expect(readFileSync(join(workspace, SINGLE), 'utf8')).not.toContain(ADDED_ID);
  });

  test('writes to the pull request', () => {
    expect(mock.checkRuns).toHaveLength(1);
    expect(mock.checkRuns[0]).toMatchObject({ headSha, conclusion: 'failure' });
    expect(annotationsAt(mock, SINGLE, badLine)).toHaveLength(1);
    const schemaComments = mock.reviewComments.filter((comment) => comment.body.includes('`schema`'));
    expect(schemaComments).toHaveLength(1);
    expect(schemaComments[0]).toMatchObject({ path: SINGLE, line: badLine });
    expect(mock.comments.filter((comment) => comment.body.startsWith(STICKY_MARKER))).toHaveLength(1);
    expect(mock.violations).toEqual([]);
  });

  test('sets the report, SARIF and hand-over outputs', () => {
    expect(result.outputs['report-path']).toMatch(/report-leaderboard\.json$/);
    expect(result.outputs['sarif-path']).toMatch(/report-leaderboard\.sarif$/);
    expect(result.outputs['handover-path']).toMatch(/handover-leaderboard/);
    const schemaResult = sarifResults(result).find((candidate) => candidate.ruleId === 'schema');
    expect(schemaResult?.locations[0].physicalLocation.region.startLine).toBe(badLine);
  });

  test('prints no stack trace', () => {
    expectCleanLog(result);
  });
});
