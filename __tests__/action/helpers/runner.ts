/** Building the action with ncc and running the bundle with the environment the Actions runner gives a step. */

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT = resolve(__dirname, '..', '..', '..');

/** Bundles src/index.ts as `npm run build` does, into a fresh directory. */
export function buildBundle(): string {
  const out = mkdtempSync(join(tmpdir(), 'lbc-bundle-'));
  execFileSync(join(PROJECT, 'node_modules', '.bin', 'ncc'), ['build', join(PROJECT, 'src', 'index.ts'), '-o', out, '--quiet'], { cwd: PROJECT, stdio: 'pipe' });
  return join(out, 'index.js');
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

export interface StepOptions {
  bundle: string;
  workspace: string;
  apiUrl: string;
  eventName: string;
  payload: Record<string, unknown>;
  sha: string;
  repository: string;
  inputs: Record<string, string>;
}

/** Parses the GITHUB_OUTPUT file, written in the `name<<delimiter` form by @actions/core. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
    outputs[match[1]] = value.join('\n');
  }
  return outputs;
}

export async function runStep(options: StepOptions): Promise<StepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'lbc-step-'));
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'step_summary.md');
  const outputPath = join(dir, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_SHA: options.sha,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example.invalid',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_ACTION: 'leaderboard',
    RUNNER_TEMP: dir,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const child = spawn(process.execPath, [options.bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done) => child.on('close', done));

  return { code, stdout, stderr, summary: readFileSync(summaryPath, 'utf8'), outputs: readOutputs(outputPath) };
}

interface PullRequestPayloadOptions {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  changedFiles: number;
  /** `owner/name` of the head repository; null for a deleted fork. */
  headRepository: string | null;
  labels?: string[];
}

function repositoryObject(fullName: string, id: number) {
  const [owner, name] = fullName.split('/');
  return {
    id,
    node_id: `R_${id}`,
    name,
    full_name: fullName,
    private: false,
    owner: { login: owner, id: id + 1, type: 'User' },
    html_url: `https://github.example.invalid/${fullName}`,
    fork: fullName.split('/')[0] !== 'intellistream',
    default_branch: 'main',
  };
}

/** A `pull_request` webhook payload (action `synchronize`) with the fields GitHub sends that the action reads, and their neighbours. */
export function pullRequestPayload(options: PullRequestPayloadOptions): Record<string, unknown> {
  const base = repositoryObject(`${options.owner}/${options.repo}`, 100);
  const head = options.headRepository === null ? null : repositoryObject(options.headRepository, 200);
  return {
    action: 'synchronize',
    number: options.number,
    before: '0'.repeat(40),
    after: options.headSha,
    pull_request: {
      url: `https://api.github.example.invalid/repos/${base.full_name}/pulls/${options.number}`,
      id: 9000 + options.number,
      number: options.number,
      state: 'open',
      locked: false,
      title: 'Add a result',
      user: { login: 'contributor', id: 7, type: 'User' },
      body: null,
      labels: (options.labels ?? []).map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
      draft: false,
      head: { label: `${head?.owner.login ?? 'deleted'}:new-result`, ref: 'new-result', sha: options.headSha, user: { login: 'contributor', id: 7, type: 'User' }, repo: head },
      base: { label: `${options.owner}:main`, ref: 'main', sha: options.baseSha, user: { login: options.owner, id: 101, type: 'Organization' }, repo: base },
      merged: false,
      mergeable: null,
      commits: 1,
      additions: 40,
      deletions: 1,
      changed_files: options.changedFiles,
    },
    repository: base,
    sender: { login: 'contributor', id: 7, type: 'User' },
  };
}

interface WorkflowRunPayloadOptions {
  owner: string;
  repo: string;
  runId: number;
  /** The head commit of the pull request the run checked. */
  headSha: string;
  /** `owner/name` of the repository the head commit came from. */
  headRepository: string;
  /** Event of the triggering run. */
  event?: string;
  conclusion?: 'success' | 'failure';
}

/**
 * Builds a `workflow_run` webhook payload (action `completed`) for a run of
 * the `pull_request` workflow. GitHub leaves `pull_requests` empty when the
 * head is in a fork.
 */
export function workflowRunPayload(options: WorkflowRunPayloadOptions): Record<string, unknown> {
  const base = repositoryObject(`${options.owner}/${options.repo}`, 100);
  const head = repositoryObject(options.headRepository, 200);
  return {
    action: 'completed',
    workflow_run: {
      id: options.runId,
      name: 'leaderboard',
      node_id: `WFR_${options.runId}`,
      head_branch: 'new-result',
      head_sha: options.headSha,
      path: '.github/workflows/leaderboard.yml',
      run_number: 12,
      run_attempt: 1,
      event: options.event ?? 'pull_request',
      status: 'completed',
      conclusion: options.conclusion ?? 'failure',
      workflow_id: 4321,
      pull_requests: [],
      repository: base,
      head_repository: head,
    },
    workflow: { id: 4321, name: 'leaderboard', path: '.github/workflows/leaderboard.yml', state: 'active' },
    repository: base,
    sender: { login: 'contributor', id: 7, type: 'User' },
  };
}
