#!/usr/bin/env node
'use strict';
/**
 * The benchmark: the whole check against the cost of just parsing and
 * validating, on generated leaderboards of growing size.
 *
 * For each size it makes a git repository whose base commit contains one data
 * file of N entries and whose head commit appends 1% new entries and changes
 * the metrics of another 1% in place. It then times, side by side and
 * interleaved run by run:
 *   - check:      the CLI bundle built from the current sources;
 *   - floor:      JSON.parse of base and head plus one ajv validation of head,
 *                 with the check's linear-time RE2 patterns;
 *   - floor-native: the same with ajv's default native RegExp patterns;
 *   - ajv-cli:    ajv-cli validating head;
 *   - jsonschema: Python jsonschema validating head, when it is installed.
 * It prints medians, ratios to the floor, peak memory and growth with size,
 * and rewrites the generated part of docs/benchmarks.md.
 *
 * Usage: npm run bench [-- --sizes 1000,10000 --runs 3 --no-write --keep]
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { makeCase, readExamples, serialise } = require('./bench/generate');

const ROOT = path.join(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const BUILTIN_SCHEMA = path.join(ROOT, 'src', 'schema', 'leaderboard_v1.schema.json');
const START_MARK = '<!-- bench:start -->';
const END_MARK = '<!-- bench:end -->';

/** The 20,000-entry reference case gains 1,000 entries (5%); the others gain 1%. */
const CASES = [
  { entries: 1000, runs: 7 },
  { entries: 10000, runs: 5 },
  { entries: 20000, runs: 5, added: 1000 },
  { entries: 100000, runs: 3 },
];

function parseArgs(argv) {
  const args = { sizes: undefined, runs: undefined, write: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') args.sizes = argv[++i].split(',').map(Number);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--no-write') args.write = false;
    else if (arg === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${arg}; see the usage at the top of scripts/bench.js`);
  }
  return args;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

function mustRun(command, args, options) {
  const result = run(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const HAS_TIME = fs.existsSync('/usr/bin/time') && run('/usr/bin/time', ['-v', 'true']).status === 0;

/**
 * Runs one measured command and returns its wall time in seconds and its
 * peak resident set size in MB. Exit codes other than `okCodes` are failures.
 */
function measure(tool, workDir) {
  const rssFile = path.join(workDir, 'rss.txt');
  fs.rmSync(rssFile, { force: true });
  const env = { ...process.env };
  let command = tool.command;
  let args = tool.args;
  if (HAS_TIME) {
    args = ['-v', command, ...args];
    command = '/usr/bin/time';
  } else {
    env.BENCH_RSS_FILE = rssFile;
    if (tool.node) args = ['-r', path.join(__dirname, 'bench', 'max-rss.js'), ...args];
  }

  const started = process.hrtime.bigint();
  const result = run(command, args, { cwd: tool.cwd, env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!tool.okCodes.includes(result.status)) {
    throw new Error(`${tool.name} exited with ${result.status}: ${result.stderr.slice(-2000)}`);
  }

  let kilobytes;
  if (HAS_TIME) kilobytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]);
  else if (fs.existsSync(rssFile)) kilobytes = Number(fs.readFileSync(rssFile, 'utf8'));
  return { seconds, rssMb: kilobytes ? kilobytes / 1024 : undefined };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function git(cwd, args) {
  return mustRun('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd }).trim();
}

/** Writes the repository and the standalone base and head files of one case, and returns their paths. */
function prepareCase(workDir, spec, examples) {
  const dir = path.join(workDir, `case-${spec.entries}`);
  const repo = path.join(dir, 'repo');
  fs.mkdirSync(path.join(repo, 'data'), { recursive: true });
  fs.mkdirSync(path.join(repo, '.github'), { recursive: true });

  const data = makeCase(spec.entries, { added: spec.added, examples });
  const baseText = serialise(data.base);
  const headText = serialise(data.head);
  const dataFile = path.join(repo, 'data', 'leaderboard.json');

  // The 100,000-entry file is larger than the default file-too-large limit.
  fs.writeFileSync(path.join(repo, '.github', 'leaderboard-check.yml'), 'rules:\n  file-too-large:\n    max-bytes: 1073741824\n');
  git(repo, ['init', '-q', '-b', 'main']);
  fs.writeFileSync(dataFile, baseText);
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'base']);
  const base = git(repo, ['rev-parse', 'HEAD']);
  fs.writeFileSync(dataFile, headText);
  git(repo, ['commit', '-q', '-am', 'head']);
  const head = git(repo, ['rev-parse', 'HEAD']);

  const basePath = path.join(dir, 'base.json');
  const headPath = path.join(dir, 'head.json');
  fs.writeFileSync(basePath, baseText);
  fs.writeFileSync(headPath, headText);

  // ajv-cli validates a file against one schema, so the entry schema is referenced from an array schema.
  const schema = JSON.parse(fs.readFileSync(BUILTIN_SCHEMA, 'utf8'));
  const arraySchemaPath = path.join(dir, 'array.schema.json');
  fs.writeFileSync(arraySchemaPath, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: { $ref: schema.$id } }));
  return {
    ...spec,
    added: data.added,
    changed: data.changed,
    bytes: Buffer.byteLength(headText),
    repo,
    base,
    head,
    basePath,
    headPath,
    arraySchemaPath,
  };
}

function toolsFor(prepared, cliPath, python) {
  const ajvCli = require.resolve('ajv-cli/dist/index.js', { paths: [ROOT] });
  const tools = [
    { name: 'floor', node: true, command: process.execPath, args: [path.join(__dirname, 'bench', 'floor.js'), prepared.basePath, prepared.headPath], cwd: ROOT, okCodes: [0] },
    {
      name: 'floor-native',
      node: true,
      command: process.execPath,
      args: [path.join(__dirname, 'bench', 'floor.js'), prepared.basePath, prepared.headPath, '--native-regexp'],
      cwd: ROOT,
      okCodes: [0],
    },
    {
      name: 'check',
      node: true,
      command: process.execPath,
      args: [cliPath, '--base', prepared.base, '--head', prepared.head, '--schema', 'builtin', '--format', 'json', '-o', '/dev/null'],
      cwd: prepared.repo,
      okCodes: [0, 1],
    },
    {
      name: 'ajv-cli',
      node: true,
      command: process.execPath,
      args: [ajvCli, 'validate', '-s', prepared.arraySchemaPath, '-r', BUILTIN_SCHEMA, '-d', prepared.headPath, '-c', 'ajv-formats', '--all-errors', '--errors=no'],
      cwd: ROOT,
      okCodes: [0],
    },
  ];
  if (python) {
    tools.push({ name: 'jsonschema', node: false, command: 'python3', args: [path.join(__dirname, 'bench', 'validate_jsonschema.py'), BUILTIN_SCHEMA, prepared.headPath], cwd: ROOT, okCodes: [0] });
  }
  return tools;
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    python: run('python3', ['-c', 'import importlib.metadata as m, platform; print(platform.python_version(), m.version("jsonschema"))']).stdout.trim(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

const fixed = (value, digits) => (value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));

function renderResults(info, results, command) {
  const lines = [];
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\` on ${info.nproc} CPUs (${info.cpu}), ${info.memoryGb.toFixed(1)} GB of memory, ${info.platform}, Node.js ${info.node}, Python ${info.python.split(' ')[0] ?? 'n/a'} with jsonschema ${info.python.split(' ')[1] ?? 'n/a'}.`);
  lines.push('Time is the median wall time of the runs, whole process included; memory is the median peak resident set size.');
  lines.push('');
  lines.push('| entries | file | added | changed | runs | tool | time (s) | × floor | peak memory (MB) | × floor |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const floor = result.tools.find((tool) => tool.name === 'floor');
    for (const tool of result.tools) {
      lines.push(
        `| ${result.entries.toLocaleString('en-US')} | ${(result.bytes / 1024 ** 2).toFixed(1)} MB | ${result.added} | ${result.changed} | ${tool.seconds.length} | ${tool.name} | ${fixed(tool.time, 2)} | ${fixed(tool.time / floor.time, 2)} | ${fixed(tool.rss, 0)} | ${fixed(tool.rss / floor.rss, 2)} |`,
      );
    }
  }
  lines.push('');
  lines.push('Growth: time per 1,000 entries (ms). Flat rows mean time grows linearly with the data.');
  lines.push('');
  const names = results[0].tools.map((tool) => tool.name);
  lines.push(`| tool | ${results.map((result) => result.entries.toLocaleString('en-US')).join(' | ')} |`);
  lines.push(`| --- | ${results.map(() => '---:').join(' | ')} |`);
  for (const name of names) {
    const cells = results.map((result) => {
      const tool = result.tools.find((candidate) => candidate.name === name);
      return tool ? fixed((tool.time * 1000) / (result.entries / 1000), 1) : 'n/a';
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function writeDoc(generated) {
  const block = `${START_MARK}\n${generated}\n${END_MARK}`;
  let text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${START_MARK}\n${END_MARK}\n`;
  const start = text.indexOf(START_MARK);
  const end = text.indexOf(END_MARK);
  if (start < 0 || end < start) text = `${text.trimEnd()}\n\n${block}\n`;
  else text = `${text.slice(0, start)}${block}${text.slice(end + END_MARK.length)}`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, text);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const cases = CASES.filter((spec) => !args.sizes || args.sizes.includes(spec.entries)).map((spec) => ({ ...spec, runs: args.runs ?? spec.runs }));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaderboard-bench-'));
  const python = run('python3', ['-c', 'import jsonschema']).status === 0;
  const examples = readExamples(path.join(ROOT, 'examples'));
  const info = machine();

  try {
    process.stdout.write(`building the CLI from src/ into ${workDir}/cli\n`);
    // Type errors are the type check's business; the bench only needs the code to run.
    const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js', { paths: [ROOT] });
    mustRun(process.execPath, [ncc, 'build', path.join(ROOT, 'src', 'cli.ts'), '-o', path.join(workDir, 'cli'), '--quiet', '--transpile-only'], { cwd: ROOT });
    const cliPath = path.join(workDir, 'cli', 'index.js');

    const results = [];
    for (const spec of cases) {
      const prepared = prepareCase(workDir, spec, examples);
      process.stdout.write(`${spec.entries} entries (${(prepared.bytes / 1024 ** 2).toFixed(1)} MB, +${prepared.added}, ~${prepared.changed}), ${spec.runs} runs\n`);
      const tools = toolsFor(prepared, cliPath, python).map((tool) => ({ ...tool, seconds: [], rssMb: [] }));
      // Tools alternate within each round, so a slow moment of the machine slows every tool alike.
      for (let round = 0; round < spec.runs; round++) {
        for (const tool of tools) {
          const sample = measure(tool, workDir);
          tool.seconds.push(sample.seconds);
          if (sample.rssMb !== undefined) tool.rssMb.push(sample.rssMb);
        }
      }
      const summary = tools.map((tool) => ({ name: tool.name, seconds: tool.seconds, time: median(tool.seconds), rss: tool.rssMb.length ? median(tool.rssMb) : undefined }));
      const floor = summary[0];
      for (const tool of summary) {
        process.stdout.write(`  ${tool.name.padEnd(10)} ${fixed(tool.time, 3).padStart(8)} s  ×${fixed(tool.time / floor.time, 2).padEnd(6)} ${fixed(tool.rss, 0).padStart(6)} MB  ×${fixed(tool.rss / floor.rss, 2)}\n`);
      }
      results.push({ entries: spec.entries, bytes: prepared.bytes, added: prepared.added, changed: prepared.changed, tools: summary });
      if (!args.keep) fs.rmSync(path.join(workDir, `case-${spec.entries}`), { recursive: true, force: true });
    }

    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const generated = renderResults(info, results, command);
    process.stdout.write(`\n${generated}\n`);
    if (args.write) {
      writeDoc(generated);
      process.stdout.write(`\nwrote ${path.relative(ROOT, DOC)}\n`);
    }
  } finally {
    if (args.keep) process.stdout.write(`kept ${workDir}\n`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main();
