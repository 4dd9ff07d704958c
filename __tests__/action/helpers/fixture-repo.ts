/**
 * A pull request laid out as GitHub stores it: a bare `origin` with `main`,
 * `refs/pull/1/head` and `refs/pull/1/merge`, and a workspace checked out
 * the way actions/checkout does by default (the merge commit, depth 1).
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function run(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid', GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

/** Builds one leaderboard entry valid under the built-in v1 schema, shaped after the sageLLM single-GPU example. */
export function entry(id: string, ttftMs: number): Record<string, unknown> {
  return {
    entry_id: id,
    sagellm_version: '0.2.3.3',
    config_type: 'single_gpu',
    hardware: { vendor: 'NVIDIA', chip_model: 'A100-80GB', chip_count: 1, intra_node_interconnect: 'None', memory_per_chip_gb: 80, total_memory_gb: 80 },
    model: { name: 'Qwen2-7B', parameters: '7B', precision: 'FP16', quantization: 'None' },
    workload: { input_length: 512, output_length: 128, batch_size: 1, concurrent_requests: 1, dataset: 'ShareGPT' },
    metrics: { ttft_ms: ttftMs, tbt_ms: 10.0, tpot_ms: 10.0, throughput_tps: 94.32, peak_mem_mb: 15571, error_rate: 0.0 },
    cluster: null,
    versions: { protocol: '0.1.1.0', backend: '0.2.1.6', core: '0.2.2.8' },
    environment: { os: 'Ubuntu 22.04', python_version: '3.10.12', cuda_version: '12.1.0', cann_version: null },
    metadata: {
      submitted_at: '2025-01-28T10:30:00Z',
      submitter: 'IntelliStream Team',
      data_source: 'automated-benchmark',
      reproducible_cmd: 'sage-llm benchmark --model Qwen2-7B --input-len 512 --output-len 128',
    },
  };
}

export const PUBLISHED_ID = '3f1c2a9e-5b7d-4e8f-9a1b-2c3d4e5f6a7b';
export const ADDED_ID = '8d7e6f5a-4b3c-4d2e-8f1a-0b9c8d7e6f5a';

export interface PullRequestRepo {
  root: string;
  origin: string;
  workspace: string;
  /** The base branch's tip, as the pull request payload names it; it moved on after the branch. */
  baseSha: string;
  /** Where the pull request branched from main. */
  mergeBaseSha: string;
  headSha: string;
  mergeSha: string;
  /** The data file the pull request changes. */
  file: string;
  /** The PR's patch of that file, as the files API returns it (from the first hunk header). */
  patch: string;
  /** Line of `"ttft_ms": 0` in the head version of the file. */
  badLine: number;
}

function write(dir: string, path: string, value: unknown): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), `${JSON.stringify(value, null, 2)}\n`);
}

/** Creates base (one published entry) and a pull request appending an entry with `ttftMs`. */
export function createPullRequestRepo(ttftMs = 0): PullRequestRepo {
  const root = mkdtempSync(join(tmpdir(), 'lbc-action-'));
  const origin = join(root, 'origin.git');
  const author = join(root, 'author');
  const workspace = join(root, 'workspace');
  const file = 'data/leaderboard_single.json';

  run(root, ['init', '-q', '--bare', '-b', 'main', origin]);
  // GitHub serves any commit of the repository by id, which a bare repository does only with this setting.
  run(origin, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);

  run(root, ['init', '-q', '-b', 'main', author]);
  write(author, file, [entry(PUBLISHED_ID, 50)]);
  writeFileSync(join(author, 'README.md'), 'leaderboard data\n');
  run(author, ['add', '-A']);
  run(author, ['commit', '-q', '-m', 'Publish the first result']);
  const baseSha = run(author, ['rev-parse', 'HEAD']);

  run(author, ['checkout', '-q', '-b', 'new-result']);
  write(author, file, [entry(PUBLISHED_ID, 50), entry(ADDED_ID, ttftMs)]);
  run(author, ['commit', '-q', '-am', 'Add a result']);
  const headSha = run(author, ['rev-parse', 'HEAD']);

  // Base moves on after the branch, so the merge base differs from base.sha as on a busy repository.
  run(author, ['checkout', '-q', 'main']);
  writeFileSync(join(author, 'README.md'), 'leaderboard data, updated\n');
  run(author, ['commit', '-q', '-am', 'Reword the readme']);
  const mainSha = run(author, ['rev-parse', 'HEAD']);
  run(author, ['checkout', '-q', '--detach', mainSha]);
  run(author, ['merge', '-q', '--no-ff', '-m', 'Merge pull request 1', headSha]);
  const mergeSha = run(author, ['rev-parse', 'HEAD']);

  run(author, ['push', '-q', origin, `${mainSha}:refs/heads/main`, `${headSha}:refs/pull/1/head`, `${mergeSha}:refs/pull/1/merge`]);

  const diff = run(author, ['diff', '--no-color', baseSha, headSha, '--', file]);
  const patch = diff.slice(diff.indexOf('@@'));
  const headText = run(author, ['show', `${headSha}:${file}`]);
  const headLines = run(author, ['show', `${headSha}:${file}`]).split('\n');
  const addedAt = headLines.findIndex((line) => line.includes(ADDED_ID));
  const badLine = headLines.findIndex((line, i) => i > addedAt && line.includes('"ttft_ms"')) + 1;

  // actions/checkout with default inputs: fetch the merge ref at depth 1 and check it out detached.
  run(root, ['init', '-q', workspace]);
  run(workspace, ['remote', 'add', 'origin', `file://${origin}`]);
  run(workspace, ['fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${mergeSha}:refs/remotes/pull/1/merge`]);
  run(workspace, ['checkout', '-q', '--detach', 'refs/remotes/pull/1/merge']);

  return { root, origin, workspace, baseSha: mainSha, mergeBaseSha: baseSha, headSha, mergeSha, file, patch, badLine };
}
