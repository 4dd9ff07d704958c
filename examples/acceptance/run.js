#!/usr/bin/env node
/**
 * Helpers of the acceptance job, which runs the action on this fixture:
 *
 *   node run.js commit             commit the states on top of HEAD; print base, bad and clean ids
 *   node run.js point BASE HEAD    make the event payload compare BASE with HEAD
 *   node run.js restore            put the original event payload back
 *   node run.js verify STATE       compare the step's outputs and report with expected/STATE.json
 *
 * The action takes its revisions from the event payload, so `point` rewrites
 * the payload file that GITHUB_EVENT_PATH names. The commits never move a
 * branch and are not pushed. Plain Node, no dependencies.
 */

'use strict';

const { execFileSync } = require('node:child_process');
const { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative } = require('node:path');

const HERE = __dirname;
const STATES = ['base', 'bad', 'clean'];

const identity = {
  GIT_AUTHOR_NAME: 'leaderboard-check acceptance',
  GIT_AUTHOR_EMAIL: 'acceptance@example.invalid',
  GIT_COMMITTER_NAME: 'leaderboard-check acceptance',
  GIT_COMMITTER_EMAIL: 'acceptance@example.invalid',
};

function git(args, env = {}) {
  return execFileSync('git', args, { encoding: 'utf8', env: { ...process.env, ...identity, ...env } }).trim();
}

function listFiles(directory) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}

/** Commits a state's files over `parent` through a temporary index, so the work tree and branches stay as they are. */
function commitState(state, parent) {
  const scratch = mkdtempSync(join(tmpdir(), 'acceptance-index-'));
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    git(['read-tree', parent], env);
    const root = join(HERE, 'states', state);
    for (const file of listFiles(root)) {
      const blob = git(['hash-object', '-w', file]);
      const path = relative(root, file).split('\\').join('/');
      git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], env);
    }
    const tree = git(['write-tree'], env);
    return git(['commit-tree', tree, '-p', parent, '-m', `Acceptance state: ${state}`]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
  console.log(`${name}=${value}`);
}

function commit() {
  const base = commitState('base', git(['rev-parse', 'HEAD']));
  setOutput('base', base);
  // Both heads have the base as parent, as two pull requests on it would.
  setOutput('bad', commitState('bad', base));
  setOutput('clean', commitState('clean', base));
}

function eventPath() {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) throw new Error('GITHUB_EVENT_PATH is not set: run this inside a workflow, or set it to a copy of an event payload.');
  return path;
}

function point(base, head) {
  if (!/^[0-9a-f]{40}$/.test(base ?? '') || !/^[0-9a-f]{40}$/.test(head ?? '')) throw new Error(`invalid commit ids ${JSON.stringify([base, head])}: use node run.js point BASE HEAD with two full 40-digit ids.`);
  const path = eventPath();
  const backup = `${path}.acceptance-original`;
  if (!existsSync(backup)) copyFileSync(path, backup);

  const payload = JSON.parse(readFileSync(backup, 'utf8'));
  const name = process.env.GITHUB_EVENT_NAME;
  if (name === 'push') {
    Object.assign(payload, { before: base, after: head, deleted: false, created: false });
  } else if (name === 'pull_request' || name === 'pull_request_target') {
    payload.pull_request.base.sha = base;
    payload.pull_request.head.sha = head;
    payload.pull_request.labels = [];
  } else {
    throw new Error(`the acceptance job runs on push and pull_request events, not ${name}.`);
  }
  writeFileSync(path, JSON.stringify(payload));
}

function restore() {
  const path = eventPath();
  const backup = `${path}.acceptance-original`;
  if (!existsSync(backup)) return;
  copyFileSync(backup, path);
  rmSync(backup);
}

/** Compares the outputs (from OUTPUT_* variables) and the JSON report with the expected file of a state. */
function verify(state) {
  if (!STATES.includes(state)) throw new Error(`verify needs one of ${STATES.join(', ')}.`);
  const expected = JSON.parse(readFileSync(join(HERE, 'expected', `${state}.json`), 'utf8'));
  const problems = [];

  for (const [name, value] of Object.entries(expected.outputs)) {
    const actual = process.env[`OUTPUT_${name.toUpperCase()}`];
    if (actual !== String(value)) problems.push(`output ${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(String(value))}`);
  }

  const reportPath = process.env.OUTPUT_REPORT_PATH;
  if (!reportPath || !existsSync(reportPath)) {
    problems.push(`output report-path ${JSON.stringify(reportPath)} names no file`);
  } else {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    const actual = report.findings.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`);
    if (JSON.stringify(actual) !== JSON.stringify(expected.findings)) {
      problems.push(`findings differ:\n  actual:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected.findings)}`);
    }
  }

  if (problems.length > 0) {
    console.error(`Acceptance state ${state} does not match expected/${state}.json:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Acceptance state ${state} matches expected/${state}.json.`);
}

function main(argv) {
  const [command, ...args] = argv;
  switch (command) {
    case 'commit':
      return commit();
    case 'point':
      return point(args[0], args[1]);
    case 'restore':
      return restore();
    case 'verify':
      return verify(args[0]);
    default:
      throw new Error('usage: node run.js commit | point BASE HEAD | restore | verify STATE');
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`acceptance: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
