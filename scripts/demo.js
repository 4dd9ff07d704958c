#!/usr/bin/env node
// Builds the demo repository (scripts/demo-repository.js) and runs the
// bundled CLI on it. The findings are the point, so the demo exits 0
// whatever the check finds.

'use strict';

const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { buildDemoRepository } = require('./demo-repository');

const { repo } = buildDemoRepository();
console.log(`Demo repository: ${repo}\n$ leaderboard-check --base HEAD~1 --head HEAD\n`);
const result = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli', 'index.js'), '--base', 'HEAD~1', '--head', 'HEAD', ...process.argv.slice(2)], { cwd: repo, stdio: 'inherit' });
console.log(`\nExit code ${result.status}: 1 means findings at the fail level (errors by default). Try: npm run demo -- --locale zh-CN`);
console.log(`The demo repository is left at ${repo} to look at; delete it when done.`);
