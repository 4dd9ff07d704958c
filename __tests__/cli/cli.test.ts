import { main } from '../../src/cli/main';
import { example, json, TempRepo } from '../helpers/repo';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, env, false);
  return { code, stdout, stderr };
}

describe('leaderboard-check CLI', () => {
  let repo: TempRepo;
  let base: string;

  beforeEach(() => {
    repo = new TempRepo();
    base = repo.commit({ 'data/board.json': json([example('single_gpu')]) }, 'base');
  });

  afterEach(() => repo.cleanup());

  test('exit 0 on a clean change, with head defaulting to the work tree', async () => {
    repo.write({ 'data/board.json': json([example('single_gpu'), example('multi_gpu')]) });
    const result = await run(['--repo', repo.dir, '--base', base, '--schema', 'builtin']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 added, 0 modified, 0 removed, 1 unchanged');
    expect(result.stdout).toContain('No problems found.');
    expect(result.stderr).toBe('');
  });

  test('exit 1 on an error, with the JSON report shape', async () => {
    const broken = example('multi_gpu');
    broken.metrics.ttft_ms = 0;
    repo.write({ 'data/board.json': json([example('single_gpu'), broken]) });
    const result = await run(['--repo', repo.dir, '--base', base, '--schema', 'builtin', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.reportVersion).toBe(1);
    expect(report.base).toBe(base);
    expect(report.head).toBe('worktree');
    expect(report.summary).toEqual({ files: 1, entries: { added: 1, modified: 0, removed: 0, unchanged: 1 }, errors: 1, warnings: 0, notices: 0 });
    expect(Object.keys(report.findings[0]).sort()).toEqual(
      ['column', 'data', 'endColumn', 'endLine', 'entryId', 'file', 'line', 'message', 'messageId', 'pointer', 'ruleId', 'severity'].sort(),
    );
    expect(report.findings[0]).toMatchObject({ ruleId: 'schema', severity: 'error', file: 'data/board.json', pointer: '/1/metrics/ttft_ms', entryId: broken.entry_id });
  });

  test('--fail-on sets the exit code threshold', async () => {
    const warned = example('multi_gpu');
    delete warned.metadata.reproducible_cmd;
    repo.write({ 'data/board.json': json([example('single_gpu'), warned]) });
    const args = ['--repo', repo.dir, '--base', base, '--schema', 'builtin'];
    expect((await run(args)).code).toBe(0);
    expect((await run([...args, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run([...args, '--fail-on', 'never'])).code).toBe(0);
  });

  test('positional globs and --exclude choose the files', async () => {
    const broken = example('multi_gpu');
    broken.metrics.ttft_ms = 0;
    repo.write({ 'data/board.json': json([example('single_gpu'), broken]), 'results/run.json': json(broken) });
    const onlyResults = await run(['--repo', repo.dir, '--base', base, '--schema', 'builtin', '--format', 'json', 'results/*.json']);
    expect(JSON.parse(onlyResults.stdout).findings.map((finding: { file: string }) => finding.file)).toEqual(['results/run.json']);
    const excluded = await run(['--repo', repo.dir, '--base', base, '--schema', 'builtin', '--exclude', 'data/board.json']);
    expect(excluded.code).toBe(0);
  });

  test('--staged checks the index, not the work tree', async () => {
    const broken = example('multi_gpu');
    broken.metrics.ttft_ms = 0;
    repo.write({ 'data/board.json': json([example('single_gpu'), broken]) });
    repo.git('add', 'data/board.json');
    repo.write({ 'data/board.json': json([example('single_gpu')]) });
    expect((await run(['--repo', repo.dir, '--base', base, '--schema', 'builtin', '--staged'])).code).toBe(1);
    expect((await run(['--repo', repo.dir, '--base', base, '--schema', 'builtin'])).code).toBe(0);
  });

  test('the default base is the merge-base with main', async () => {
    repo.git('checkout', '--quiet', '-b', 'feature');
    const broken = example('multi_gpu');
    broken.metrics.ttft_ms = 0;
    repo.commit({ 'data/board.json': json([example('single_gpu'), broken]) });
    const result = await run(['--repo', repo.dir, '--schema', 'builtin', '--format', 'json']);
    expect(JSON.parse(result.stdout).base).toBe(base);
    expect(result.code).toBe(1);
  });

  test('--all checks every file without a base', async () => {
    const result = await run(['--repo', repo.dir, '--all', '--schema', 'builtin', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.summary.entries).toEqual({ added: 1, modified: 0, removed: 0, unchanged: 0 });
    expect(report.base).toBe('');
  });

  test('--locale zh-CN translates the report', async () => {
    const broken = example('multi_gpu');
    broken.model.precision = 'bf16';
    repo.write({ 'data/board.json': json([example('single_gpu'), broken]) });
    const result = await run(['--repo', repo.dir, '--base', base, '--schema', 'builtin', '--locale', 'zh-CN']);
    expect(result.stdout).toContain('`model.precision` 为 "bf16"，但必须是 "FP32", "FP16", "BF16", "INT8", "INT4" 之一。是否应为 "BF16"？');
    expect(result.stdout).toContain('条目：新增 1，修改 0，删除 0，未变 1');
  });

  describe('usage errors exit 2 with one line', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['unknown option', ['--frobnicate'], /Unknown option '--frobnicate'/],
      ['bad format', ['--format', 'xml'], /--format "xml" is not valid: use one of text, json/],
      ['bad fail-on', ['--fail-on', 'sometimes'], /--fail-on "sometimes" is not valid/],
      ['bad locale', ['--locale', 'fr'], /--locale "fr" is not valid: use one of en, zh-CN/],
      ['unknown revision', ['--base', 'no-such-branch'], /revision "no-such-branch" was not found/],
      ['path outside the repository', ['../elsewhere/*.json'], /is outside the repository/],
      ['missing schema', ['--schema', 'nowhere.json'], /schema nowhere.json was not found/],
    ];
    test.each(cases)('%s', async (_name, args, pattern) => {
      const result = await run(['--repo', repo.dir, ...args]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });

    test('not a repository', async () => {
      const result = await run(['--repo', '/']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is not inside a git work tree/);
    });
  });

  describe('errors in Chinese', () => {
    test('a usage error', async () => {
      const result = await run(['--repo', repo.dir, '--locale', 'zh-CN', '--format', 'xml']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('leaderboard-check：--format "xml" 无效：请使用 text, json, sarif, markdown, github 之一。\n');
    });

    test('a configuration error at its line', async () => {
      const head = repo.commit({ '.github/leaderboard-check.yml': 'rules:\n  reproducible-cmdd: off\n' });
      repo.commit({ 'data/board.json': json([example('single_gpu'), example('multi_gpu')]) });
      const result = await run(['--repo', repo.dir, '--base', head, '--locale', 'zh-CN']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('leaderboard-check：.github/leaderboard-check.yml:2:3：未知规则 "reproducible-cmdd"：是否应为 "reproducible-cmd"？\n');
    });

    test('a schema violation of the configuration', async () => {
      const head = repo.commit({ '.github/leaderboard-check.yml': 'limits:\n  max-depth: 2\n' });
      const result = await run(['--repo', repo.dir, '--base', head, '--locale', 'zh-CN']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^leaderboard-check：\.github\/leaderboard-check\.yml:2:14：limits\.max-depth：应当为 >= 4。\n$/);
    });
  });

  test('--help documents every option', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const option of ['--base', '--head', '--staged', '--all', '--exclude', '--schema', '--config', '--format', '--output', '--fail-on', '--locale', '--label', '--repo', '--color', '--help', '--version']) {
      expect(result.stdout).toContain(option);
    }
  });
});

describe('user mistakes are one line, exit 2', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = new TempRepo();
    repo.commit({ 'data/board.json': json([example('single_gpu')]) });
  });

  afterEach(() => repo.cleanup());

  const cases: Array<[string, string[], RegExp]> = [
    ['unwritable output', ['--base', 'HEAD', '-o', '/nonexistent/dir/report.txt'], /could not be written to \/nonexistent\/dir\/report\.txt \(ENOENT\)/],
    ['empty glob', ['--base', 'HEAD', ''], /an empty file glob was given/],
    ['glob matching nothing', ['--base', 'HEAD', 'nomatch/*.json'], /no file at base or head matches "nomatch\/\*\.json"/],
    ['extra argument after rules', ['rules', 'extra'], /unexpected argument extra after `rules`/],
  ];

  test.each(cases)('%s', async (_name, args, pattern) => {
    const result = await run(['--repo', repo.dir, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a YAML alias bomb in the configuration', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [*${'abcdefgh'[index]},*${'abcdefgh'[index]},*${'abcdefgh'[index]},*${'abcdefgh'[index]},*${'abcdefgh'[index]},*${'abcdefgh'[index]},*${'abcdefgh'[index]},*${'abcdefgh'[index]},*${'abcdefgh'[index]}]`)].join('\n');
    const base = repo.commit({ '.github/leaderboard-check.yml': `${bomb}\n` });
    const result = await run(['--repo', repo.dir, '--base', base]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^leaderboard-check: \.github\/leaderboard-check\.yml: invalid YAML: .*alias/i);
  });
});
