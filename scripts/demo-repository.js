'use strict';
// The demo's git repository: a base commit of valid results built from the
// example entries in examples/, and a head commit with typical mistakes.
// `npm run demo` and the README's rendered comment excerpt both use it.

const { execFileSync } = require('node:child_process');
const { mkdtempSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');

const project = join(__dirname, '..');
const example = (name) => JSON.parse(readFileSync(join(project, 'examples', `${name}.json`), 'utf8'));
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

function git(repo, ...args) {
  return execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
}

function write(repo, path, text) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** Builds the demo repository in a new temporary directory and returns its path and both commit ids. */
function buildDemoRepository() {
  const repo = mkdtempSync(join(tmpdir(), 'leaderboard-check-demo-'));
  git(repo, 'init', '--quiet', '--initial-branch=main');

  const single = example('single_gpu');
  const multiGpu = example('multi_gpu');
  const multiNode = example('multi_node');
  write(repo, 'data/leaderboard_single.json', json([single, multiGpu]));
  write(repo, 'data/leaderboard_multi.json', json([multiNode]));
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'Publish the first results');
  const base = git(repo, 'rev-parse', 'HEAD').trim();

  // A new single-GPU result with a lowercase precision, an empty CANN
  // version, a zero TTFT and no reproduction command.
  const newSingle = structuredClone(single);
  newSingle.entry_id = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
  newSingle.model.precision = 'bf16';
  newSingle.environment.cann_version = '';
  newSingle.metrics.ttft_ms = 0;
  delete newSingle.metadata.reproducible_cmd;

  // A published result rewritten in place.
  const rewritten = structuredClone(multiGpu);
  rewritten.metrics.throughput_tps = 231.7;

  // A new multi-node result: one node, 12 chips on 2 x 8, no comm version,
  // and the id of an entry that is already published.
  const newNode = structuredClone(multiNode);
  newNode.hardware.chip_count = 12;
  newNode.cluster.node_count = 1;
  delete newNode.versions.comm;

  write(repo, 'data/leaderboard_single.json', json([single, rewritten, newSingle]));
  write(repo, 'data/leaderboard_multi.json', json([multiNode, newNode]));
  // A hand-edited result with a trailing comma.
  write(repo, 'data/results/run-42.json', json(example('single_gpu')).replace('"verified": true', '"verified": true,'));
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'Add new results');
  const head = git(repo, 'rev-parse', 'HEAD').trim();
  return { repo, base, head };
}

module.exports = { buildDemoRepository };
