/**
 * The acceptance job of .github/workflows/ci.yml, run here with the bundled
 * action on a temporary repository: the same helper script, event payloads
 * and expected files, with the runner's variables set by hand. The inputs
 * turn off every GitHub API call, so no server is needed.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TempRepo } from '../helpers/repo';

const ROOT = join(__dirname, '..', '..');
const ACTION = join(ROOT, 'dist', 'action', 'index.js');
const HELPER = join(ROOT, 'examples', 'acceptance', 'run.js');

type Ids = Record<'base' | 'bad' | 'clean', string>;

/** Reads the `name<<delimiter` blocks that @actions/core appends to GITHUB_OUTPUT. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
    outputs[match[1]] = value.join('\n');
  }
  return outputs;
}

const describeBundle = existsSync(ACTION) ? describe : describe.skip;

describeBundle('acceptance run of the bundled action', () => {
  let repo: TempRepo;
  let runner: string;
  let ids: Ids;

  /** Returns the runner variables of a step; those of an outer CI run are replaced. */
  function runnerEnv(eventName: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (!/^(GITHUB_|INPUT_|RUNNER_)/.test(name)) env[name] = value;
    }
    return {
      ...env,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_REPOSITORY: 'intellistream/leaderboard-check',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: join(runner, `event-${eventName}.json`),
      GITHUB_SHA: ids.bad,
      GITHUB_ACTION: 'acceptance',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      RUNNER_TEMP: runner,
    };
  }

  function helper(args: string[], env: NodeJS.ProcessEnv) {
    return spawnSync(process.execPath, [HELPER, ...args], { cwd: repo.dir, env, encoding: 'utf8' });
  }

  /** Runs the action as the acceptance step does, and returns its exit status and outputs. */
  function runAction(env: NodeJS.ProcessEnv, failOn = 'error') {
    // The runner creates both files before each step.
    const step = Math.random().toString(36).slice(2);
    const outputFile = join(runner, `output-${step}`);
    const summaryFile = join(runner, `summary-${step}.md`);
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const result = spawnSync(process.execPath, [ACTION], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: {
        ...env,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        'INPUT_GITHUB-TOKEN': 'unused',
        'INPUT_FAIL-ON': failOn,
        INPUT_LOCALE: 'en',
        INPUT_COMMENT: 'never',
        'INPUT_REVIEW-COMMENTS': '0',
        INPUT_ANNOTATIONS: 'false',
      },
    });
    return { status: result.status, stdout: result.stdout, outputs: readOutputs(outputFile), summary: readFileSync(summaryFile, 'utf8') };
  }

  function verify(state: string, outputs: Record<string, string>, env: NodeJS.ProcessEnv) {
    const outputEnv: NodeJS.ProcessEnv = { ...env };
    for (const [name, value] of Object.entries(outputs)) outputEnv[`OUTPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    return helper(['verify', state], outputEnv);
  }

  beforeAll(() => {
    runner = mkdtempSync(join(tmpdir(), 'lbc-runner-'));
    repo = new TempRepo();
    repo.commit({ 'README.md': 'the action repository\n' }, 'init');

    const committed = helper(['commit'], { ...process.env, GITHUB_OUTPUT: '' });
    expect(committed.status).toBe(0);
    ids = Object.fromEntries(committed.stdout.trim().split('\n').map((line) => line.split('='))) as Ids;
  });

  afterAll(() => {
    repo.cleanup();
    rmSync(runner, { recursive: true, force: true });
  });

  test('commit leaves HEAD and the work tree alone', () => {
    expect(Object.keys(ids).sort()).toEqual(['bad', 'base', 'clean']);
    expect(repo.git('rev-parse', 'HEAD:README.md').trim()).toMatch(/^[0-9a-f]{40}$/);
    expect(repo.git('log', '--format=%s', '-1').trim()).toBe('init');
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('rev-parse', `${ids.bad}^`).trim()).toBe(ids.base);
  });

  test('push: bad fails with the expected findings, clean passes', () => {
    const env = runnerEnv('push');
    const original = JSON.stringify({ before: '1'.repeat(40), after: '2'.repeat(40), ref: 'refs/heads/main' });
    writeFileSync(env.GITHUB_EVENT_PATH as string, original);

    expect(helper(['point', ids.base, ids.bad], env).status).toBe(0);
    const bad = runAction(env);
    expect(bad.status).toBe(1);
    expect(bad.outputs.errors).toBe('1');
    expect(bad.summary).toMatch(/^### leaderboard-check: Failed/);
    expect(bad.stdout).toContain('::error::1 finding reaches the `fail-on` level (error).');
    const badCheck = verify('bad', bad.outputs, env);
    expect(badCheck.stderr).toBe('');
    expect(badCheck.status).toBe(0);

    expect(helper(['point', ids.base, ids.clean], env).status).toBe(0);
    const clean = runAction(env);
    expect(clean.status).toBe(0);
    expect(verify('clean', clean.outputs, env).status).toBe(0);

    expect(helper(['restore'], env).status).toBe(0);
    expect(readFileSync(env.GITHUB_EVENT_PATH as string, 'utf8')).toBe(original);
  });

  test('pull_request: bad fails, and passes with fail-on never', () => {
    const env = runnerEnv('pull_request');
    const repository = { full_name: 'intellistream/leaderboard-check' };
    const payload = { number: 7, pull_request: { number: 7, labels: [{ name: 'data' }], base: { sha: '1'.repeat(40), repo: repository }, head: { sha: '2'.repeat(40), repo: repository } } };
    writeFileSync(env.GITHUB_EVENT_PATH as string, JSON.stringify(payload));

    expect(helper(['point', ids.base, ids.bad], env).status).toBe(0);
    const bad = runAction(env);
    expect(bad.status).toBe(1);
    expect(verify('bad', bad.outputs, env).status).toBe(0);

    const tolerated = runAction(env, 'never');
    expect(tolerated.status).toBe(0);
    expect(tolerated.outputs.errors).toBe('1');
    expect(helper(['restore'], env).status).toBe(0);
  });

  test('verify reports a mismatch', () => {
    const env = runnerEnv('push');
    const result = verify('clean', { errors: '1', warnings: '0', added: '1', modified: '0', removed: '0', 'report-path': join(runner, 'missing.json') }, env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('output errors is "1", expected "0"');
    expect(result.stderr).toContain('names no file');
  });
});
