/**
 * The pre-commit hook of `.pre-commit-hooks.yaml`: its definition, the
 * command it runs against the bundled CLI, and real `pre-commit try-repo` and
 * `pre-commit run` calls on a sample repository when pre-commit is installed.
 * pre-commit installs the hook with npm, so those calls need the npm registry.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { example, json, lineOf, TempRepo } from '../helpers/repo';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli', 'index.js');

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  files: string;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const hook = hooks.find((candidate) => candidate.id === 'leaderboard-check') as HookDefinition;

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Stages a board whose second entry has a zero time to first token, which the schema rejects. */
function stageBrokenBoard(repo: TempRepo): string {
  const broken = example('multi_gpu');
  broken.metrics.ttft_ms = 0;
  const text = json([example('single_gpu'), broken]);
  repo.write({ 'data/board.json': text });
  repo.git('add', 'data/board.json');
  return text;
}

function stageCleanBoard(repo: TempRepo): void {
  repo.write({ 'data/board.json': json([example('single_gpu'), example('multi_gpu')]) });
  repo.git('add', 'data/board.json');
}

describe('pre-commit hook definition', () => {
  test('runs the CLI once on staged content', () => {
    expect(hook).toBeDefined();
    expect(hook.entry).toBe('leaderboard-check --staged');
    expect(hook.language).toBe('node');
    expect(hook.pass_filenames).toBe(false);
  });

  test.each([
    ['data/leaderboard_single.json', true],
    ['data/results/2026/run.json', true],
    ['data/notes.md', false],
    ['docs/data/board.json', false],
    ['package.json', false],
  ])('files pattern on %s is %s', (path, matches) => {
    expect(new RegExp(hook.files).test(path)).toBe(matches);
  });

  test('entry names the bin of package.json', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const [command] = hook.entry.split(' ');
    expect(manifest.bin[command]).toBe('dist/cli/index.js');
  });
});

describe('the hook command in a sample repository', () => {
  let repo: TempRepo;
  const args = hook.entry.split(' ').slice(1);

  beforeEach(() => {
    repo = new TempRepo();
    repo.commit({ 'data/board.json': json([example('single_gpu')]) }, 'base');
  });

  afterEach(() => repo.cleanup());

  const runHook = () => spawnSync(process.execPath, [BUNDLE, ...args], { cwd: repo.dir, encoding: 'utf8' });

  test('exit 1 on a staged bad file', () => {
    const text = stageBrokenBoard(repo);
    const result = runHook();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`data/board.json:${lineOf(text, '"ttft_ms": 0')}:`);
    expect(result.stdout).toContain('[schema]');
  });

  test('exit 0 on a staged clean file', () => {
    stageCleanBoard(repo);
    expect(runHook().status).toBe(0);
  });

  test('checks the index, not the work tree', () => {
    stageBrokenBoard(repo);
    repo.write({ 'data/board.json': json([example('single_gpu')]) });
    expect(runHook().status).toBe(1);
  });
});

const describePreCommit = hasPreCommit() ? describe : describe.skip;

/**
 * Clones this checkout and commits its uncommitted changes to tracked files,
 * as try-repo does, so a configuration can name the result by commit.
 */
function cleanCopyOfCheckout(directory: string): string {
  const git = (cwd: string, args: string[], input?: string) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30 });
  git(ROOT, ['clone', '--quiet', '--no-hardlinks', ROOT, directory]);
  const changes = git(ROOT, ['diff', 'HEAD', '--binary']);
  if (changes !== '') {
    git(directory, ['apply', '--binary', '-'], changes);
    git(directory, ['commit', '--quiet', '--all', '-m', 'Uncommitted changes of the checkout']);
  }
  return directory;
}

// An install of the hook with npm took 20 to 35 seconds on a 2-core machine.
const INSTALL_TIMEOUT = 280_000;

describePreCommit('pre-commit on a sample repository', () => {
  let repo: TempRepo;
  let home: string;
  let source: string;

  const preCommit = (args: string[]) =>
    spawnSync('pre-commit', args, {
      cwd: repo.dir,
      encoding: 'utf8',
      // A fresh home makes pre-commit install the hook from this checkout rather than reuse an older install.
      env: { ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never' },
      timeout: INSTALL_TIMEOUT,
    });

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'lbc-pre-commit-home-'));
    source = cleanCopyOfCheckout(join(home, 'leaderboard-check'));
    repo = new TempRepo();
    repo.commit({ 'data/board.json': json([example('single_gpu')]) }, 'base');
  });

  afterAll(() => {
    repo.cleanup();
    rmSync(home, { recursive: true, force: true });
  });

  test('try-repo fails on a staged bad file', () => {
    const text = stageBrokenBoard(repo);
    const failed = preCommit(['try-repo', source, 'leaderboard-check', '--verbose']);
    expect(failed.stderr).not.toMatch(/An unexpected error has occurred/);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/leaderboard-check\.+Failed/);
    expect(failed.stdout).toContain(`data/board.json:${lineOf(text, '"ttft_ms": 0')}:`);
  }, INSTALL_TIMEOUT + 20_000);

  test('a configured hook fails, passes and skips', () => {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: source, encoding: 'utf8' }).trim();
    repo.write({ '.pre-commit-config.yaml': `repos:\n  - repo: ${JSON.stringify(source)}\n    rev: ${rev}\n    hooks:\n      - id: leaderboard-check\n` });
    repo.git('add', '.pre-commit-config.yaml');
    repo.git('commit', '--quiet', '-m', 'Add the pre-commit configuration', '--', '.pre-commit-config.yaml');

    stageBrokenBoard(repo);
    const failed = preCommit(['run']);
    expect(failed.stderr).not.toMatch(/An unexpected error has occurred/);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/leaderboard-check\.+Failed/);

    stageCleanBoard(repo);
    const passed = preCommit(['run']);
    expect(passed.status).toBe(0);
    expect(passed.stdout).toMatch(/leaderboard-check\.+Passed/);

    repo.git('reset', '--quiet');
    repo.write({ 'README.md': 'notes\n' });
    repo.git('add', 'README.md');
    const skipped = preCommit(['run']);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toMatch(/leaderboard-check\.+\(no files to check\)Skipped/);
  }, INSTALL_TIMEOUT + 60_000);
});
