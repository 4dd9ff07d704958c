/** The CLI's `sarif`, `markdown` and `github` formats, on a temporary repository with one broken entry. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { example, json, lineOf, TempRepo } from '../helpers/repo';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {}, false);
  return { code, stdout, stderr };
}

describe('CLI report formats', () => {
  let repo: TempRepo;
  let base: string;
  let broken: ReturnType<typeof example>;
  let boardText: string;
  let args: string[];

  beforeEach(() => {
    repo = new TempRepo();
    base = repo.commit({ 'data/board.json': json([example('single_gpu')]) }, 'base');
    broken = example('multi_gpu');
    broken.metrics.ttft_ms = 0;
    boardText = json([example('single_gpu'), broken]);
    repo.write({ 'data/board.json': boardText });
    args = ['--repo', repo.dir, '--base', base, '--schema', 'builtin'];
  });

  afterEach(() => repo.cleanup());

  test('sarif prints one result per finding', async () => {
    const result = await run([...args, '--format', 'sarif']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');

    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.version).toBe('1.0.0');
    expect(log.runs[0].results).toHaveLength(1);

    const only = log.runs[0].results[0];
    expect(only.ruleId).toBe('schema');
    expect(only.level).toBe('error');
    expect(only.locations[0].physicalLocation.artifactLocation.uri).toBe('data/board.json');
    expect(only.locations[0].physicalLocation.region.startLine).toBe(lineOf(boardText, '"ttft_ms": 0'));
  });

  test('sarif with --output writes the file', async () => {
    const output = join(repo.dir, 'out.sarif');
    const result = await run([...args, '--format', 'sarif', '--output', output]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(output, 'utf8')).runs[0].results).toHaveLength(1);
  });

  test('markdown prints the comment body', async () => {
    const result = await run([...args, '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^### leaderboard-check: Failed\n/);
    expect(result.stdout).toContain('**1 error, 0 warnings, 0 notices**');
    expect(result.stdout).toContain(`| \`schema\` | error | 1 | 1 |`);
    expect(result.stdout).toContain(`data/board\\.json\\:${lineOf(boardText, '"ttft_ms": 0')}`);
  });

  test('markdown passes below fail-on', async () => {
    const result = await run([...args, '--format', 'markdown', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^### leaderboard-check: Passed\n/);
  });

  test('markdown in zh-CN', async () => {
    const result = await run([...args, '--format', 'markdown', '--locale', 'zh-CN']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('条目：新增 1，修改 0，删除 0，未变 1');
  });

  test('github prints one workflow command per finding', async () => {
    const result = await run([...args, '--format', 'github']);
    expect(result.code).toBe(1);

    const line = lineOf(boardText, '"ttft_ms": 0');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^::error file=data/board\\.json,line=${line},endLine=${line},col=\\d+,endColumn=\\d+,title=schema \\(${broken.entry_id}\\)::`));
  });

  test('github escapes data in the title', async () => {
    const forged = example('multi_gpu');
    forged.entry_id = 'run,1:a\n::error::forged';
    repo.write({ 'data/board.json': json([example('single_gpu'), forged]) });

    const result = await run([...args, '--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(',title=schema (run%2C1%3Aa%0A%3A%3Aerror%3A%3Aforged)::');
  });

  test('github prints nothing on a clean change', async () => {
    repo.write({ 'data/board.json': json([example('single_gpu'), example('multi_gpu')]) });
    const result = await run([...args, '--format', 'github']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('unknown format names the choices', async () => {
    const result = await run([...args, '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format "xml" is not valid: use one of text, json, sarif, markdown, github.');
  });

  test.each([
    ['en', 'sarif (SARIF'],
    ['zh-CN', 'sarif（SARIF'],
  ])('--help in %s lists every format', async (locale, sarif) => {
    const result = await run(['--help', '--locale', locale]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(sarif);
    for (const format of ['text', 'json', 'markdown', 'github']) expect(result.stdout).toContain(format);
  });
});
