/** `--format markdown` on the CLI keeps to the size of a pull request comment. */

import { main } from '../../src/cli/main';
import { COMMENT_LIMIT } from '../../src/report/markdown';
import { example, json, TempRepo } from '../helpers/repo';

/** Builds a valid UUID v4 from a number, so entry ids stay unique and readable. */
function id(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

describe('CLI markdown size', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = new TempRepo();
  });

  afterEach(() => repo.cleanup());

  test('large change is cut with a note', async () => {
    const base = repo.commit({ 'data/board.json': json([example('single_gpu')]) }, 'base');
    const broken = Array.from({ length: 600 }, (_, index) => {
      const entry = example('multi_gpu');
      entry.entry_id = id(index + 1);
      entry.metrics.ttft_ms = 0;
      return entry;
    });
    repo.write({ 'data/board.json': json([example('single_gpu'), ...broken]) });

    let stdout = '';
    const io = { stdout: (text: string) => (stdout += text), stderr: () => undefined };
    const code = await main(['--repo', repo.dir, '--base', base, '--schema', 'builtin', '--format', 'markdown'], io, {}, false);

    expect(code).toBe(1);
    expect(stdout.length).toBeGreaterThan(COMMENT_LIMIT / 2);
    expect(stdout.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(stdout).toMatch(/\n> \d+ more rows are not shown, to keep the text within the size GitHub allows for a pull request comment\. Run with `--format json` for the full report\.\n$/);
    expect(stdout).not.toContain('report-path');
  }, 60_000);
});
